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
        _classifier = new RowClassifier(sheet.Match);
        _merges = new MergeCarry(sheet.Match, merges, headerLastRow);
        _sections = new SectionFields(sheet);
        _cells = new CellReader(sheet);
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
                if (_totals?.Read(row, _cells) is { HasAny: true } sums)
                {
                    // A section row carrying figures is its section's 小计.
                    _totals.AddTotal(row.Index, grand: false, sums);
                }

                break;
            case RowKind.Record:
                _abandoned = !_records.Build(row, what.NameText);
                break;
        }
    }

    /// <summary>Ends the sheet: totals are checked once every row is known. Returns the records accepted from it.</summary>
    public int Finish()
    {
        if (!_unitsChecked)
        {
            CheckUnits();
        }

        _records.Finish();
        _sheet.Units.CheckPlausible(_sheet);
        _totals?.Check(_sheet.Run.Findings, _sheet.Sheet, _sheet.Run.Options.Ingestion.TotalTolerancePct);
        return _records.Records;
    }

    // Once the rows under the header that may state units are behind: every row after is read in the units known now.
    private void CheckUnits()
    {
        _unitsChecked = true;
        _sheet.Units.Check(_sheet);
        _sheet.Run.Units.AddRange(_sheet.Units.Describe(_sheet.Sheet));
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
