namespace Reporting.SampleData.Sheets;

/// <summary>Which optional project fields a county's sheet carries (so the in-memory records match what ingestion can read).</summary>
[Flags]
internal enum Captures
{
    None = 0,
    Code = 1,
    Owner = 2,
    ResponsibleUnit = 4,
    Levels = 8,
    Nature = 16,
    PlannedStart = 32,
    ActualStart = 64,
    Started = 128,
    CompletedFlag = 256,
    TotalInvestment = 512,
    ProgressNote = 1024,
    Issues = 2048,
}

/// <summary>
/// One column of a county's sheet. <paramref name="Value"/> gives amounts in 万元; the layout divides
/// them for sheets in 亿元. Columns with <paramref name="Sum"/> are totalled in 合计 and 小计 rows.
/// </summary>
internal sealed record ProjectColumn(
    string Header, Func<SampleProject, object?> Value, double Width = 12, string? Group = null, bool Amount = false, bool Sum = false,
    Captures Captures = Captures.None, bool Hidden = false, string? Format = null);

internal enum TotalPlacement
{
    Top,
    Bottom,
}

/// <summary>How one county lays out its 重大项目调度表: title, notes, headers, units, totals, footers.</summary>
internal sealed record ProjectLayout
{
    public required string Department { get; init; }

    public required string FileName { get; init; }

    public required string SheetName { get; init; }

    public required string Title { get; init; }

    /// <summary>Lines between the title and the header: pieces of text placed at (column, span).</summary>
    public required IReadOnlyList<(int Column, int Span, string Text)[]> Notes { get; init; }

    public required IReadOnlyList<ProjectColumn> Columns { get; init; }

    /// <summary>1 for 万元 sheets; 10,000 for sheets in 亿元 (per sheet or per column).</summary>
    public decimal AmountDivisor { get; init; } = 1m;

    public bool ColumnNumbers { get; init; }

    public TotalPlacement Total { get; init; } = TotalPlacement.Bottom;

    /// <summary>Projects grouped by field with a "工业小计" row after each group.</summary>
    public bool FieldSubtotals { get; init; }

    /// <summary>续建 projects, a blank spacer row, then 新建 projects.</summary>
    public bool NatureGroups { get; init; }

    public required IReadOnlyList<string> Footer { get; init; }

    public bool Csv { get; init; }

    /// <summary>Levels this layout can express at all (e.g. a sheet without a 5020 column cannot say 5020).</summary>
    public required IReadOnlyList<string> Levels { get; init; }

    /// <summary>A second sheet that is not data (填报说明), as real workbooks have.</summary>
    public SheetGrid? ExtraSheet { get; init; }

    public Captures Captured => Columns.Aggregate(Captures.None, (all, c) => all | c.Captures);
}
