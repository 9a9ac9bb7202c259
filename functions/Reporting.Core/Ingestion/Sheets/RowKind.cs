namespace Reporting.Core.Ingestion.Sheets;

/// <summary>What a row below the header is.</summary>
internal enum RowKind
{
    /// <summary>Nothing to read: a repeated header, a page title printed again, a lone note, a 其中 line of a projects or signings sheet.</summary>
    Skip,

    /// <summary>"填表人：… 联系电话：…", "注：…": may name the 填报单位.</summary>
    Footer,

    /// <summary>合计, 总计, 全市合计: covers the whole sheet.</summary>
    GrandTotal,

    /// <summary>小计: covers its section.</summary>
    SubTotal,

    /// <summary>"一、工业项目", "（一）续建项目": names the field of the rows below; with figures it is their subtotal.</summary>
    Section,

    /// <summary>The 栏次 row under the header: 1, 2, 3… or 甲, 乙, 丙….</summary>
    ColumnNumbers,

    /// <summary>A units row under the header: "万元 | 亿元 | % | 个".</summary>
    Units,

    /// <summary>
    /// Only figures: no name (or a category label such as 亿元以上项目), no 县区, no 领域. A total when its figures add
    /// up to the rows above it (<see cref="TotalsTracker.Covers"/>), else refused with one question to the clerk.
    /// </summary>
    FiguresOnly,

    /// <summary>A header again, binding a field to another column or unit: a second table below the first (refused).</summary>
    SecondHeader,

    /// <summary>The same header again: printed on every page, or under a title of its own a second table (SheetRows tells).</summary>
    RepeatedHeader,

    /// <summary>A record of the sheet's kind (perhaps with errors).</summary>
    Record,
}

/// <summary>A row's kind with what the classifier already read: the name text, a section's label, a units row's units by column.</summary>
internal readonly record struct RowClass(RowKind Kind, string NameText = "", string? SectionLabel = null, bool TopLevel = false, IReadOnlyDictionary<int, string>? Units = null)
{
    public static RowClass Skip => new(RowKind.Skip);
}
