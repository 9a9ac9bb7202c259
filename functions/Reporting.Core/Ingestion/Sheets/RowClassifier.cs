using System.Buffers;
using System.Text.RegularExpressions;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// Tells what a row below the header is: a record, or one of the rows around records that real sheets
/// have (合计/小计, 其中 lines, "一、工业项目" sections, a 栏次 row, repeated headers and titles, footers).
/// Reads no value into a record and raises no finding.
/// </summary>
internal sealed partial class RowClassifier
{
    private static readonly string[] s_grandTotals = ["合计", "总计", "共计", "全市合计", "总合计", "全市", "全区", "全县"];
    private static readonly SearchValues<char> s_countMarks = SearchValues.Create("0123456789个项");
    private static readonly SearchValues<char> s_numerals = SearchValues.Create("一二三四五六七八九十");


    private readonly KindMatch _match;
    private readonly Vocabulary _counties;
    private readonly Vocabulary _fields;
    private readonly ColumnBinding? _name;
    private readonly ColumnBinding? _county;
    private readonly ColumnBinding? _field;

    // The 栏次 row and a units row sit right under the header, in either order: only rows before anything else are looked at for them.
    private bool _leading = true;

    public RowClassifier(KindMatch match, Vocabulary counties, Vocabulary fields)
    {
        _match = match;
        _counties = counties;
        _fields = fields;
        _name = match[FieldCatalog.Name];
        _county = match[FieldCatalog.County];
        _field = match[FieldCatalog.Field];
    }

    public RowClass Classify(RowView row)
    {
        if (_leading && LeadingRow(row) is RowClass leading)
        {
            return leading;
        }

        _leading = false;
        (int filled, int firstColumn) = row.Census(SheetScanner.MaxColumns);
        CellValue firstCell = row[firstColumn];
        string firstText = firstCell.Type == CellType.Text ? ChineseText.Compact(firstCell.Text) : string.Empty;
        if (firstText.Length > 0 && SheetNotes.IsFooter(firstText))
        {
            return new RowClass(RowKind.Footer);
        }

        string nameText = _name is null ? string.Empty : CellReader.TextOf(row[_name.Column]);
        string nameKey = ChineseText.Compact(nameText);

        // The template's 示例 row ("萍乡市XX区XX项目（示例，请勿删除）", 序号 "例") is no project.
        if (IsExample(nameKey) || firstText is "例" or "示例" or "样例" or "例:")
        {
            return RowClass.Skip;
        }

        // "注 | 本表共3个项目，其中省重点项目1个 | …": a note laid out in the table's columns, whatever figures it repeats.
        if (firstText is "注" or "注:" or "说明" or "说明:" or "备注:" && firstColumn != _name?.Column)
        {
            return new RowClass(RowKind.Footer);
        }
        string countyKey = _county is null ? string.Empty : ChineseText.Compact(CellReader.TextOf(row[_county.Column]));
        RowKind total = TotalKind(nameKey, countyKey, firstText);
        if (total is RowKind.GrandTotal or RowKind.SubTotal)
        {
            return new RowClass(total);
        }

        // "工业项目（12个）", "安源区（共3个）": a category or a county with the count of its projects is a group's line, never
        // a project, even with 县区 and 领域 filled (a 分领域 summary in the template's own columns).
        // A category's name alone ("工业项目") names no project either. (Without 县区 and 领域 such a row is a heading or a
        // row of figures, told below.)
        if (_match.Kind != DatasetKind.Metrics && nameKey.Length > 0 && (countyKey.Length > 0 || (_field is not null && !row[_field.Column].IsEmpty))
            && WithoutCount(nameKey) is string group
            && (CategoryLabel(nameKey) is not null || (group.EndsWith("项目", StringComparison.Ordinal) && _fields.IsExactly(group[..^2]))
                || (group.Length < nameKey.Length && (_counties.IsExactly(group) || _fields.IsExactly(group)))))
        {
            return new RowClass(RowKind.SubTotal);
        }

        // A 其中 line breaks a figure down; in a metrics list it is an indicator of its own ("其中：锂电产业").
        if (total == RowKind.Skip && _match.Kind != DatasetKind.Metrics)
        {
            return RowClass.Skip;
        }

        // "一、工业项目" (or 一 | 工业项目（12个）): names the field of the rows below.
        if (SectionHeading(row, firstColumn, firstText, nameKey, out bool topLevel) is string label)
        {
            return new RowClass(RowKind.Section, nameText, label, topLevel);
        }

        // "安源区" alone where a project's name goes, with no 领域: the county's own line (its 小计 when it carries
        // figures, else a heading over its projects), never a project named after a county.
        if (_match.Kind == DatasetKind.Projects && nameKey.Length > 0 && _counties.IsExactly(WithoutCount(nameKey)) && (_field is null || row[_field.Column].IsEmpty))
        {
            return new RowClass(RowKind.Section, nameText, nameKey, TopLevel: false);
        }

        // A repeated header (printed on every page) is not a record; one whose columns differ starts a second table.
        if (nameKey.Length > 0 && _name!.Spec.Score(nameKey) > 0 && IsRepeatedHeader(row))
        {
            return HeaderDifference(row) is string difference ? new RowClass(RowKind.SecondHeader, difference) : new RowClass(RowKind.RepeatedHeader);
        }

        if (filled == 1 && (_name is null || firstColumn != _name.Column || IsSectionTitle(nameKey) || IsPageTitle(nameKey)))
        {
            return RowClass.Skip;
        }

        if (_match.Kind != DatasetKind.Metrics && countyKey.Length == 0 && (_field is null || row[_field.Column].IsEmpty)
            && (nameKey.Length == 0 || CategoryLabel(nameKey) is not null))
        {
            return new RowClass(RowKind.FiguresOnly, nameText);
        }

        return new RowClass(RowKind.Record, nameText);
    }

    /// <summary>
    /// A name that is a category of projects rather than a project: "亿元以上项目", "其中10亿元以上项目（3个）", "5020项目",
    /// "省外项目", "省重点项目", "工业项目". Returns the label without 其中 and the count; null for anything else.
    /// </summary>
    public static string? CategoryLabel(string nameKey)
    {
        string bare = WithoutCount(nameKey);
        bare = bare.StartsWith("其中", StringComparison.Ordinal) ? bare[2..].TrimStart(':', '：') : bare;
        return s_categoryLabels.Contains(bare) ? bare : null;
    }

    private static readonly HashSet<string> s_categoryLabels =
    [
        "亿元以上项目", "1亿元以上项目", "5亿元以上项目", "10亿元以上项目", "50亿元以上项目", "100亿元以上项目",
        "5020项目", "省外项目", "境外项目", "外资项目", "内资项目", "省外资金项目", "境外资金项目",
        "省重点项目", "市重点项目", "省大中型项目", "重大项目", "重点项目",
        "工业项目", "服务业项目", "基础设施项目", "社会民生项目", "生态环保项目", "农业项目",
        "新开工项目", "续建项目", "新建项目", "竣工项目",
    ];

    private static RowClass? LeadingRow(RowView row)
    {
        if (HeaderDetector.IsColumnNumberRow(RowView.Cells(row)))
        {
            return new RowClass(RowKind.ColumnNumbers);
        }

        return UnitsRow.TryRead(row, out Dictionary<int, string> units) ? new RowClass(RowKind.Units, Units: units) : null;
    }

    /// <summary>Length of a leading "一、", "十二.", "(一)" (or the whole text when it is only "一"); null when there is none.</summary>
    public static int? SectionNumbering(string text, out bool topLevel)
    {
        topLevel = false;
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] == '(')
        {
            int close = text.IndexOf(')', StringComparison.Ordinal);
            if (close >= 2 && close <= 4 && !text.AsSpan(1, close - 1).ContainsAnyExcept(s_numerals))
            {
                return close + 1;
            }

            return null;
        }

        int i = 0;
        while (i < text.Length && i < 3 && s_numerals.Contains(text[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return null;
        }

        topLevel = true;
        if (i == text.Length)
        {
            return i;
        }

        return text[i] is '、' or '.' or ',' ? i + 1 : null;
    }

    // Returns GrandTotal, SubTotal, Skip for a 其中 line, Record for anything else.
    private static RowKind TotalKind(string name, string county, string first)
    {
        // The county column says 合计 only on a row without a name: a project in "全市" is a project (and an unknown county).
        foreach (string text in (ReadOnlySpan<string>)[name, name.Length == 0 ? county : string.Empty, first])
        {
            if (text.Length == 0)
            {
                continue;
            }

            string bare = WithoutCount(text).TrimEnd(':', '：');

            // "全区重大项目（4个）": the whole county's projects counted in brackets are their total.
            if (bare.Length < text.Length && ChineseText.StartsWithAny(bare, ["全区", "全县", "全市", "全镇"]) && bare.EndsWith("项目", StringComparison.Ordinal))
            {
                return RowKind.GrandTotal;
            }
            if (bare.EndsWith("小计", StringComparison.Ordinal) && bare.Length <= 16)
            {
                return RowKind.SubTotal;
            }

            // "累计" under "本页小计" (a printed page's running total), "以上项目汇总", "签约项目5个", "共12个项目".
            if (bare is "累计" or "总累计" or "本页累计" || (bare.EndsWith("汇总", StringComparison.Ordinal) && bare.Length <= 16) || CountTotal().IsMatch(bare))
            {
                return RowKind.GrandTotal;
            }

            if (Array.IndexOf(s_grandTotals, bare) >= 0 || ((bare.EndsWith("合计", StringComparison.Ordinal) || bare.EndsWith("总计", StringComparison.Ordinal)) && bare.Length <= 16))
            {
                return RowKind.GrandTotal;
            }

            if (bare.StartsWith("其中", StringComparison.Ordinal))
            {
                return RowKind.Skip;
            }
        }

        return RowKind.Record;
    }

    private static bool IsExample(string nameKey) =>
        ChineseText.StartsWithAny(nameKey, ["示例", "例:", "样例", "举例"]) || nameKey.Contains("(示例", StringComparison.Ordinal) || nameKey.Contains("XX", StringComparison.Ordinal);

    [GeneratedRegex("^(全部|所有|签约|重大|重点|本年)?(项目)?(共|合计|共计)?[0-9]+(个|项)(项目)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountTotal();

    // Header text again in at least two bound columns (the name column and one more).
    private bool IsRepeatedHeader(RowView row)
    {
        int matches = 0;
        foreach (ColumnBinding column in _match.Columns.Values)
        {
            CellValue cell = row[column.Column];
            if (cell.Type == CellType.Text && column.Spec.Score(HeaderText.Analyze(cell.Text).Key) > 0 && ++matches >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How a header row below the sheet's header binds a field differently: another column ("续建项目" then "新建项目"
    /// stacked with 年度计划 and 累计完成 swapped, or a 总投资 column added) or another unit (签约金额（万元） then
    /// （亿元）). Null when it binds every field it names as the sheet's header does (a header printed again on each page).
    /// </summary>
    private string? HeaderDifference(RowView row)
    {
        int width = _match.Columns.Values.Max(b => b.Column) + 8;
        var headers = new HeaderText[width];
        for (int c = 0; c < width; c++)
        {
            CellValue cell = row[c];
            headers[c] = cell.Type == CellType.Text ? HeaderText.Analyze(cell.Text) : HeaderText.Blank;
        }

        KindMatch again = HeaderDetector.Match(_match.Kind, headers, _ => false);
        foreach ((string key, ColumnBinding binding) in again.Columns)
        {
            ColumnBinding? original = _match[key];
            if (original is null)
            {
                continue;
            }

            if (original.Column != binding.Column)
            {
                return $"“{original.Header.Display}”在表头中是{CellRef.ColumnLetters(original.Column)}列，在这一行是{CellRef.ColumnLetters(binding.Column)}列";
            }

            if (original.Header.Unit.Unit != binding.Header.Unit.Unit)
            {
                return $"{CellRef.ColumnLetters(binding.Column)}列在表头中是“{original.Header.Display}”，在这一行是“{binding.Header.Display}”";
            }
        }

        return null;
    }

    /// <summary>A title printed again on a later page: "…调度表（续）", "续表", "…推进情况表" (not a project named "智能电表").</summary>
    private static bool IsPageTitle(string text) =>
        text.EndsWith("(续)", StringComparison.Ordinal) || text.EndsWith("续表", StringComparison.Ordinal)
        || (text.EndsWith('表') && ChineseText.ContainsAny(text, ["调度", "情况", "统计", "汇总", "进度", "一览", "清单", "项目表"]));

    /// <summary>"合计（25个）" → "合计": a trailing count in brackets does not change what a row is.</summary>
    internal static string WithoutCount(string text)
    {
        if (text.Length < 3 || text[^1] != ')')
        {
            return text;
        }

        int open = text.LastIndexOf('(');
        return open > 0 && text.AsSpan(open).ContainsAny(s_countMarks) ? text[..open] : text;
    }

    /// <summary>
    /// A section row: "一、工业项目", "（一）续建项目", or 一 in the 序号 column before the section's name, with the
    /// cells a record must fill (县区, 领域; 本期值) empty. Returns the section's name; <paramref name="topLevel"/>
    /// is false for "（一）" sub-sections, which narrow a section rather than start a new one.
    /// </summary>
    private string? SectionHeading(RowView row, int firstColumn, string firstText, string nameKey, out bool topLevel)
    {
        topLevel = false;
        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.County, FieldCatalog.Field, FieldCatalog.Value, FieldCatalog.Unit])
        {
            if (_match[key] is ColumnBinding column && !row[column.Column].IsEmpty)
            {
                return null;
            }
        }

        if (SectionNumbering(firstText, out topLevel) is int length && (length < firstText.Length || (_name is not null && firstColumn != _name.Column && nameKey.Length > 0)))
        {
            string label = length < firstText.Length ? firstText[length..] : nameKey;
            return WithoutCount(label);
        }

        if (firstText != nameKey && SectionNumbering(nameKey, out topLevel) is int nameLength && nameLength < nameKey.Length)
        {
            return WithoutCount(nameKey[nameLength..]);
        }

        return null;
    }

    private static bool IsSectionTitle(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        char c = text[0];
        bool numbered = "一二三四五六七八九十".Contains(c, StringComparison.Ordinal) && text.Length > 1 && (text[1] is '、' or '.' || "一二三四五六七八九十".Contains(text[1], StringComparison.Ordinal));
        bool bracketed = c is '(' or '（' && text.Length > 2;
        return numbered || bracketed || text.EndsWith(':') || text.EndsWith('：');
    }
}
