using ExcelDataReader;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// Turns the data rows of one sheet into records and findings. Rows that are not records are
/// recognised and skipped: blanks, section titles, repeated headers, notes and footers, 其中 lines;
/// 合计/小计 rows are kept aside for the cross-check.
/// </summary>
internal sealed partial class RowBuilder
{
    private static readonly string[] s_grandTotals = ["合计", "总计", "共计", "全市合计", "总合计", "全市"];
    private static readonly System.Buffers.SearchValues<char> s_countMarks = System.Buffers.SearchValues.Create("0123456789个项");
    private static readonly System.Buffers.SearchValues<char> s_numerals = System.Buffers.SearchValues.Create("一二三四五六七八九十");

    private readonly IngestionRun _run;
    private readonly string _sheet;
    private readonly KindMatch _match;
    private readonly decimal _sheetScale;
    private readonly bool _sheetScaleStated;
    private readonly TotalsTracker? _totals;
    private readonly ColumnBinding? _name;
    private readonly ColumnBinding? _county;
    private readonly SheetDefaults _defaults;
    private int _records;

    // The field named by the latest "一、工业项目" row, for sheets without a field column.
    private string? _sectionField;
    private string? _sectionLabel;
    private bool _abandoned;

    // Vertical merges in descriptive columns (县区 merged over a county's projects), by first row, and the value
    // each carries down. Rows come in order, so only the merges open at the current row are looked at.
    private readonly CellRange[] _downMerges;
    private readonly CellValue[] _downValues;
    private readonly List<int> _openMerges = [];
    private int _nextMerge;

    public RowBuilder(IngestionRun run, string sheet, KindMatch match, decimal? sheetScale, SheetDefaults? defaults = null, IReadOnlyList<CellRange>? merges = null, int headerLastRow = -1)
    {
        _downMerges = [.. (merges ?? []).Where(m => m.ToRow > m.FromRow && m.FromRow > headerLastRow && CarriesDown(match, m.FromColumn)).OrderBy(m => m.FromRow)];
        _downValues = new CellValue[_downMerges.Length];
        _run = run;
        _sheet = sheet;
        _match = match;
        _sheetScale = sheetScale ?? HeaderText.WanScale;
        _sheetScaleStated = sheetScale is not null;
        _name = match[FieldCatalog.Name];
        _county = match[FieldCatalog.County];
        _defaults = defaults ?? SheetDefaults.None;

        ColumnBinding?[] totalColumns = match.Kind switch
        {
            DatasetKind.Projects => [match[FieldCatalog.AnnualPlan], match[FieldCatalog.Completed], match[FieldCatalog.TotalInvestment]],
            DatasetKind.Signings => [match[FieldCatalog.Amount]],
            _ => [],
        };
        ColumnBinding[] present = [.. totalColumns.Where(c => c is not null).Select(c => c!)];
        _totals = present.Length > 0 ? new TotalsTracker(present) : null;

        if (match[FieldCatalog.Completed] is ColumnBinding completed)
        {
            run.CompletedColumns[sheet] = completed;
        }

        if (_name is not null)
        {
            run.NameColumns[sheet] = _name;
        }
    }

    public void Process(RowView row)
    {
        if (_abandoned || row.IsEmpty())
        {
            return;
        }

        if (_downMerges.Length > 0)
        {
            CarryDown(row);
        }

        (int filled, int firstColumn) = row.Census(SheetScanner.MaxColumns);
        CellValue first = row[firstColumn];
        string firstText = first.Type == CellType.Text ? ChineseText.Compact(first.Text) : string.Empty;
        if (firstText.Length > 0 && SheetNotes.IsFooter(firstText))
        {
            for (int c = firstColumn; c < Math.Min(row.Width, SheetScanner.MaxColumns); c++)
            {
                if (row[c].Type == CellType.Text)
                {
                    _run.DepartmentName ??= SheetNotes.FindDepartment(row[c].Text, c + 1 < row.Width && row[c + 1].Type == CellType.Text ? row[c + 1].Text : null);
                }
            }

            return;
        }

        string nameText = _name is null ? string.Empty : TextOf(row[_name.Column]);
        string nameKey = ChineseText.Compact(nameText);
        string countyKey = _county is null ? string.Empty : ChineseText.Compact(TextOf(row[_county.Column]));
        TotalKind total = Classify(nameKey, countyKey, firstText);
        if (total == TotalKind.Breakdown && _match.Kind != DatasetKind.Metrics)
        {
            return;
        }

        if (total is TotalKind.Grand or TotalKind.Sub)
        {
            _totals?.AddTotal(row.Index, total == TotalKind.Grand, TotalValues(row));
            return;
        }

        // "一、工业项目" (or 一 | 工业项目（12个）): names the field of the rows below; with figures it is their subtotal.
        if (SectionHeading(row, firstColumn, firstText, nameKey, out bool topLevel) is string label)
        {
            EnterSection(label, topLevel);
            decimal?[] sums = TotalValues(row);
            if (sums.Any(v => v is not null))
            {
                _totals!.AddTotal(row.Index, grand: false, sums);
            }

            return;
        }

        // A repeated header (printed on every page) or a section title ("一、工业项目") is not a record.
        if (nameKey.Length > 0 && _name!.Spec.Score(nameKey) > 0 && IsRepeatedHeader(row))
        {
            return;
        }

        if (filled == 1 && (_name is null || firstColumn != _name.Column || IsSectionTitle(nameKey) || IsPageTitle(nameKey)))
        {
            return;
        }

        switch (_match.Kind)
        {
            case DatasetKind.Projects:
                BuildProject(row, nameText);
                break;
            case DatasetKind.Signings:
                BuildSigning(row, nameText);
                break;
            default:
                BuildMetric(row, nameText);
                break;
        }
    }

    /// <summary>Ends the sheet: totals are checked once every row is known. Returns the records accepted from it.</summary>
    public int Finish()
    {
        _totals?.Check(_run.Findings, _sheet, _run.Options.Ingestion.TotalTolerancePct);
        return _records;
    }

    private enum TotalKind
    {
        None,
        Grand,
        Sub,
        Breakdown,
    }

    private static TotalKind Classify(string name, string county, string first)
    {
        // The county column says 合计 only on a row without a name: a project in "全市" is a project (and an unknown county).
        foreach (string text in (ReadOnlySpan<string>)[name, name.Length == 0 ? county : string.Empty, first])
        {
            if (text.Length == 0)
            {
                continue;
            }

            string bare = WithoutCount(text).TrimEnd(':', '：');
            if (bare.EndsWith("小计", StringComparison.Ordinal) && bare.Length <= 16)
            {
                return TotalKind.Sub;
            }

            if (Array.IndexOf(s_grandTotals, bare) >= 0 || ((bare.EndsWith("合计", StringComparison.Ordinal) || bare.EndsWith("总计", StringComparison.Ordinal)) && bare.Length <= 16))
            {
                return TotalKind.Grand;
            }

            if (bare.StartsWith("其中", StringComparison.Ordinal))
            {
                return TotalKind.Breakdown;
            }
        }

        return TotalKind.None;
    }

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

    // A county, field, level or date merged down applies to every row it spans. An amount or a name does
    // not: one figure over two projects cannot be split, and copying it would count it twice.
    private static bool CarriesDown(KindMatch match, int column) =>
        match.Columns.Values.FirstOrDefault(b => b.Column == column) is ColumnBinding binding
        && binding.Spec.Key != FieldCatalog.Name
        && binding.Spec.Kind is ValueKind.County or ValueKind.Field or ValueKind.Text or ValueKind.LevelList or ValueKind.LevelFlag or ValueKind.Boolean or ValueKind.Date;

    private void CarryDown(RowView row)
    {
        while (_nextMerge < _downMerges.Length && _downMerges[_nextMerge].FromRow <= row.Index)
        {
            _openMerges.Add(_nextMerge++);
        }

        _openMerges.RemoveAll(i => _downMerges[i].ToRow < row.Index);
        foreach (int i in _openMerges)
        {
            CellRange merge = _downMerges[i];
            if (row.Index == merge.FromRow)
            {
                _downValues[i] = row[merge.FromColumn];
            }
            else if (row[merge.FromColumn].IsEmpty)
            {
                row.Fill(merge.FromColumn, _downValues[i]);
            }
        }
    }

    /// <summary>A title printed again on a later page: "…调度表（续）", "续表", "…推进情况表" (not a project named "智能电表").</summary>
    private static bool IsPageTitle(string text) =>
        text.EndsWith("(续)", StringComparison.Ordinal) || text.EndsWith("续表", StringComparison.Ordinal)
        || (text.EndsWith('表') && ChineseText.ContainsAny(text, ["调度", "情况", "统计", "汇总", "进度", "一览", "清单", "项目表"]));

    /// <summary>"合计（25个）" → "合计": a trailing count in brackets does not change what a row is.</summary>
    private static string WithoutCount(string text)
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

    /// <summary>Length of a leading "一、", "十二.", "(一)" (or the whole text when it is only "一"); null when there is none.</summary>
    internal static int? SectionNumbering(string text, out bool topLevel)
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

    private void EnterSection(string label, bool topLevel)
    {
        if (_match.Kind != DatasetKind.Projects)
        {
            return;
        }

        string? field = _run.Fields.Match(label);
        if (topLevel || field is not null)
        {
            _sectionField = field;
            _sectionLabel = label;
        }
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

    private decimal?[] TotalValues(RowView row)
    {
        if (_totals is null)
        {
            return [];
        }

        var values = new decimal?[_totals.Columns.Count];
        for (int k = 0; k < values.Length; k++)
        {
            ColumnBinding column = _totals.Columns[k];
            ParsedNumber parsed = ValueParser.Amount(row[column.Column], ScaleOf(column));
            values[k] = parsed.Status == ParseStatus.Ok ? parsed.Value : null;
        }

        return values;
    }

    // A sheet's "单位：亿元" is about yuan; the foreign-investment column is in 万美元 unless its header says otherwise.
    private decimal ScaleOf(ColumnBinding column) =>
        column.Header.Scale ?? (column.Spec.Key == FieldCatalog.ForeignAmount ? HeaderText.WanScale : _sheetScale);

    private static string TextOf(in CellValue cell) => cell.Type switch
    {
        CellType.Text => ChineseText.Tidy(cell.Text),
        CellType.Empty => string.Empty,
        _ => cell.Display,
    };

    private void Error(string ruleId, int row, ColumnBinding column, string value, string what) =>
        _run.Findings.Cell(Severity.Error, ruleId, _sheet, row, column, value, what);

    private void Warn(string ruleId, int row, ColumnBinding column, string value, string what) =>
        _run.Findings.Cell(Severity.Warning, ruleId, _sheet, row, column, value, what);
}
