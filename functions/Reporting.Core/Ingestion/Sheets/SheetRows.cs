using ExcelDataReader;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// Reads the rows below one sheet's header: each row is classified, carried-down merges are filled in
/// first, records go to the builder of the sheet's kind, 合计/小计 rows to the totals cross-check.
/// </summary>
internal sealed class SheetRows
{
    private readonly SheetContext _sheet;
    private readonly RowClassifier _classifier;
    private readonly MergeCarry _merges;
    private readonly SectionFields _sections;
    private readonly CellReader _cells;
    private readonly TotalsTracker? _totals;
    private readonly IRecordBuilder _records;
    private bool _abandoned;
    private bool _unitsChecked;

    public SheetRows(SheetContext sheet, IReadOnlyList<CellRange> merges, int headerLastRow)
    {
        _sheet = sheet;
        _classifier = new RowClassifier(sheet.Match, sheet.Run.Counties, sheet.Run.Fields);
        _merges = new MergeCarry(sheet.Match, merges, headerLastRow);
        _sections = new SectionFields(sheet);
        _cells = new CellReader(sheet) { Merges = _merges };
        _totals = TotalsTracker.For(sheet.Match);
        _records = sheet.Kind switch
        {
            DatasetKind.Projects => new ProjectRows(sheet, _cells, _sections, _totals, sheet.Run.Duplicates),
            DatasetKind.Signings => new SigningRows(sheet, _cells, _totals, sheet.Run.Duplicates),
            _ => new MetricRows(sheet, _cells),
        };

        sheet.Run.Matches[sheet.Sheet] = sheet.Match;
        if (sheet[FieldCatalog.Completed] is ColumnBinding completed)
        {
            sheet.Run.CompletedColumns[sheet.Sheet] = completed;
        }
    }

    public void Process(RowView row)
    {
        if (_abandoned || row.IsEmpty())
        {
            return;
        }

        if (_merges.Any)
        {
            _merges.Apply(row);
        }

        RowClass what = _classifier.Classify(row);
        if (what.Kind == RowKind.Units)
        {
            _sheet.Units.ApplyUnitsRow(row.Index, what.Units!);
            return;
        }

        if (!_unitsChecked && what.Kind != RowKind.ColumnNumbers)
        {
            CheckUnits();
        }

        switch (what.Kind)
        {
            case RowKind.Footer:
                ReadFooter(row);
                break;
            case RowKind.GrandTotal or RowKind.SubTotal:
                _totals?.AddTotal(row.Index, what.Kind == RowKind.GrandTotal, _totals.Read(row, _cells));
                break;
            case RowKind.Section:
                _sections.Enter(what.SectionLabel!, what.TopLevel);
                _records.NewSection();
                if (_totals?.Read(row, _cells) is { HasAny: true } sums)
                {
                    // A section row carrying figures is its section's 小计.
                    _totals.AddTotal(row.Index, grand: false, sums);
                }
                else
                {
                    _totals?.AddBoundary(row.Index);
                }

                break;
            case RowKind.FiguresOnly when _totals?.Read(row, _cells) is { HasAny: true } figures:
                FiguresOnly(row, what.NameText, figures, _totals);
                break;
            case RowKind.Record when _merges.Continues(row, _sheet.Match):
                break;
            case RowKind.Record or RowKind.FiguresOnly:
                _abandoned = !_records.Build(row, what.NameText);
                break;
            case RowKind.SecondHeader:
                SecondHeader(row, what.NameText);
                break;
        }
    }

    /// <summary>What a clerk does about two tables under different headers on one sheet (header.second-table), wherever found.</summary>
    public const string SecondTableAdvice = "请把两张表分放在不同工作表，或统一为同一表头后重新上传。";

    // A second table stacked under the first with its own header: its rows read by the first header's columns put
    // a plan into 累计完成 or 亿元 into 万元 without a word, so the sheet is refused at that row and no further row is read.
    private void SecondHeader(RowView row, string difference)
    {
        string? cell = _sheet[FieldCatalog.Name] is ColumnBinding name ? CellRef.ToA1(row.Index, name.Column) : null;
        string message = $"工作表“{_sheet.Sheet}”第{row.Index + 1}行又是一行表头，但与上方的表头不同（{difference}），无法确定其下各行按哪一行表头读取。"
            + SecondTableAdvice;
        _sheet.Run.Findings.Add(new Finding { Severity = Severity.Error, RuleId = RuleIds.HeaderSecondTable, Message = message, Sheet = _sheet.Sheet, Cell = cell });
        _abandoned = true;
    }

    // A row of figures only: an unlabelled 合计 when they add up to the rows above (said, not counted); else neither
    // a total nor a project can be read from it, and one question replaces the 为空 of each cell.
    private void FiguresOnly(RowView row, string nameText, TotalsValues figures, TotalsTracker totals)
    {
        string? label = nameText.Length == 0 ? null : RowClassifier.CategoryLabel(ChineseText.Compact(nameText));
        decimal? minimum = _sheet.Kind == DatasetKind.Signings && label is not null && label.Contains("亿元以上", StringComparison.Ordinal)
            ? OverYi(label)
            : null;
        string where = $"工作表“{_sheet.Sheet}”第{row.Index + 1}行";
        string? cell = _sheet[FieldCatalog.Name] is ColumnBinding name ? CellRef.ToA1(row.Index, name.Column) : null;
        if (totals.Covers(row.Index, figures, minimum))
        {
            totals.AddBoundary(row.Index);
            string message = label is null
                ? $"{where}没有项目名称，数字等于上方各行之和，按合计行处理，未计入。"
                : $"{where}“{ChineseText.Tidy(nameText)}”没有县区，数字等于上方相应各行之和，按小计行处理，未计入。";
            _sheet.Run.Findings.Add(new Finding { Severity = Severity.Warning, RuleId = RuleIds.TotalUnlabelled, Message = message, Sheet = _sheet.Sheet, Cell = cell });
            return;
        }

        totals.AddRowInError(row.Index);
        string missing = Missing(label is null);
        string error = label is null
            ? $"{where}没有{missing}，只有数字。如是合计行，请在{Header(FieldCatalog.Name)}列写“合计”；如是项目，请补全{missing}。"
            : $"{where}“{ChineseText.Tidy(nameText)}”没有{Missing(false)}，只有数字，且不等于上方各行之和。如是小计行，请在{Header(FieldCatalog.Name)}前加“其中：”；如是项目，请写明项目名称并补全{Missing(false)}。";
        _sheet.Run.Findings.Add(new Finding { Severity = Severity.Error, RuleId = RuleIds.RowFiguresOnly, Message = error, Sheet = _sheet.Sheet, Cell = cell });
    }

    // "项目名称、县区和所属领域", in the sheet's own headers, of the columns this row leaves empty.
    private string Missing(bool withName)
    {
        List<string> headers = [];
        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.Name, FieldCatalog.County, FieldCatalog.Field])
        {
            if ((withName || key != FieldCatalog.Name) && _sheet[key] is not null)
            {
                headers.Add(Header(key));
            }
        }

        return headers.Count <= 1 ? string.Concat(headers) : string.Join("、", headers[..^1]) + "和" + headers[^1];
    }

    private string Header(string key) => _sheet[key] is ColumnBinding column ? FindingSink.HeaderLabel(column) : key;

    // "10亿元以上项目" → 100,000 万元; "亿元以上项目" → 10,000 万元.
    private static decimal? OverYi(string label)
    {
        int at = label.IndexOf("亿元以上", StringComparison.Ordinal);
        return at == 0 ? 10_000m
            : decimal.TryParse(label.AsSpan(0, at), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out decimal yi) ? yi * 10_000m : null;
    }

    /// <summary>Ends the sheet: totals are checked once every row is known. Returns the records accepted from it.</summary>
    public int Finish()
    {
        if (!_unitsChecked)
        {
            CheckUnits();
        }

        _records.Finish();

        // Described once every row is read: a row's own 计量单位 cell may have changed how a column was read.
        _sheet.Run.Units.AddRange(_sheet.Units.Describe(_sheet.Sheet));
        _sheet.Units.CheckPlausible(_sheet);
        _totals?.Check(_sheet.Run.Findings, _sheet.Sheet, _sheet.Run.Options.Ingestion.TotalTolerancePct);
        return _records.Records;
    }

    // Once the rows under the header that may state units are behind: every row after is read in the units known now.
    private void CheckUnits()
    {
        _unitsChecked = true;
        _sheet.Units.Check(_sheet);
    }

    // "填报单位：…" in a footer names the department when nothing above the header did; "注：表中金额单位为亿元"
    // states a unit too late for the rows already read, so it is checked against them.
    private void ReadFooter(RowView row)
    {
        (_, int firstColumn) = row.Census(SheetScanner.MaxColumns);
        for (int c = firstColumn; c < Math.Min(row.Width, SheetScanner.MaxColumns); c++)
        {
            if (row[c].Type == CellType.Text)
            {
                _sheet.Run.DepartmentName ??= SheetNotes.FindDepartment(row[c].Text, c + 1 < row.Width && row[c + 1].Type == CellType.Text ? row[c + 1].Text : null);
                if (SheetNotes.FindUnitNote(row[c].Text) is MoneyUnit unit)
                {
                    _sheet.Units.CheckFootnote(_sheet, unit, row.Index, c, ChineseText.Tidy(row[c].Text));
                }
            }
        }
    }
}
