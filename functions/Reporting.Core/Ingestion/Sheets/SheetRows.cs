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

    // The latest row of one text alone (a title, "二、储备项目") with nothing read since: a header repeated under it starts a table of its own.
    private (int Row, string Text, bool OwnSection)? _titleAbove;

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

        (int Row, string Text, bool OwnSection)? titleAbove = _titleAbove;
        _titleAbove = what.Kind is RowKind.Skip or RowKind.Footer or RowKind.Section && LoneText(row) is string text
            ? (row.Index, text, what.Kind == RowKind.Section && _sheet.Run.Fields.Match(what.SectionLabel) is not null)
            : null;

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
            case RowKind.Record when _totals is not null && NamesTheWholeList(what.NameText) && _totals.Read(row, _cells) is { HasAny: true } whole
                && _totals.Covers(row.Index, whole, minimum: null):
                WholeListTotal(row, what.NameText, _totals);
                break;
            case RowKind.Record when _merges.Continues(row, _sheet.Match):
                break;
            case RowKind.Record or RowKind.FiguresOnly when _sheet.Run.IsText && BeyondHeader(row) is int extra:
                TooWide(row, extra);
                break;
            case RowKind.Record or RowKind.FiguresOnly:
                _abandoned = !_records.Build(row, what.NameText);
                break;
            case RowKind.SecondHeader:
                SecondHeader(row, what.NameText);
                break;
            case RowKind.RepeatedHeader when titleAbove is (int titleRow, string title, bool ownSection) && !ownSection && !title.Contains('续')
                && !_sheet.Defaults.LeadTexts.Contains(ChineseText.Compact(title)):
                StackedTable(row, titleRow, title);
                break;
        }
    }

    // How many filled fields a text file's row has right of its header's last column, or null when none.
    private int? BeyondHeader(RowView row)
    {
        int width = _sheet.Defaults.HeaderWidth;
        int extra = 0;
        for (int c = width; c < Math.Min(row.Width, SheetScanner.MaxColumns); c++)
        {
            extra += row[c].IsEmpty ? 0 : 1;
        }

        return width > 0 && extra > 0 ? extra : null;
    }

    // "安源区污水处理厂,安源区,生态环保,5,000,3,000" read as six fields under four headers: the figures after the first comma
    // are all shifted (5 as the plan, 000 as the completion). No figure of the row can be trusted.
    private void TooWide(RowView row, int extra)
    {
        _totals?.AddRowInError(row.Index);
        string message = $"文件第{row.Index + 1}行比表头多出{extra}个字段（表头共{_sheet.Defaults.HeaderWidth}列），像是数字中的千位分隔逗号（如 10,000）把一个数拆成了几格，"
            + "这一行其后各列的数都错了位。请去掉数字中的逗号（或用英文双引号把这样的数括起来），也可在 Excel 或 WPS 中另存为 .xlsx 后重新上传。";
        _sheet.Run.Findings.Add(new Finding { Severity = Severity.Error, RuleId = RuleIds.TextRowTooWide, Message = message, Sheet = _sheet.Sheet, Cell = CellRef.ToA1(row.Index, _sheet.Defaults.HeaderWidth) });
    }

    // The one text of a row holding nothing else, or null.
    private static string? LoneText(RowView row)
    {
        (int filled, int first) = row.Census(SheetScanner.MaxColumns);
        return filled == 1 && CellReader.TextOf(row[first]) is { Length: > 0 } text && row[first].Type == CellType.Text ? text : null;
    }

    // "附表：2021年度已竣工项目（供参考）", "二、储备项目", "二、在谈意向项目（未签约）" over the same header again: another table
    // stacked under the first, whose rows are no projects of this period. A header repeated under "（续）", under the sheet's
    // own title printed again, or under a field's section ("二、服务业项目") is the same table going on.
    private void StackedTable(RowView row, int titleRow, string title)
    {
        string? cell = _sheet[FieldCatalog.Name] is ColumnBinding name ? CellRef.ToA1(row.Index, name.Column) : null;
        string items = _sheet.Kind == DatasetKind.Signings ? "签约项目" : "项目";
        string message = $"工作表“{_sheet.Sheet}”第{row.Index + 1}行又是一行表头，上方第{titleRow + 1}行“{FindingSink.Shorten(title)}”是另一张表的标题：其下各行会被当作本表的{items}计入。"
            + $"如不是本期报送的{items}（附表、储备项目、在谈项目等），请删除或移到单独的工作表；如是本表的续表，请删除第{titleRow + 1}行和第{row.Index + 1}行后重新上传。";
        _sheet.Run.Findings.Add(new Finding { Severity = Severity.Error, RuleId = RuleIds.HeaderSecondTable, Message = message, Sheet = _sheet.Sheet, Cell = cell });
        _abandoned = true;
    }

    // "全区重大项目", "全市签约项目", "安源区重大项目" with 县区 (and 领域) filled: the list's own total in a project's place.
    private bool NamesTheWholeList(string nameText)
    {
        string name = RowClassifier.WithoutCount(ChineseText.Compact(nameText));
        foreach (string whole in (ReadOnlySpan<string>)["全区", "全县", "全市", "全部", "本区", "本县", "本市", "所有"])
        {
            if (name.StartsWith(whole, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (string what in (ReadOnlySpan<string>)["重大项目", "签约项目", "招商项目", "项目"])
        {
            if (name.EndsWith(what, StringComparison.Ordinal) && name[..^what.Length] is { Length: > 0 } place
                && (_sheet.Run.Counties.IsExactly(place) || place is "萍乡市" or "萍乡"))
            {
                return true;
            }
        }

        return false;
    }

    // Such a row whose figures are those of the rows above: their total, said and not counted. One whose figures differ
    // is read as a project ("全区农村公路提升项目" is one).
    private void WholeListTotal(RowView row, string nameText, TotalsTracker totals)
    {
        totals.AddBoundary(row.Index);
        string? cell = _sheet[FieldCatalog.Name] is ColumnBinding name ? CellRef.ToA1(row.Index, name.Column) : null;
        string message = $"工作表“{_sheet.Sheet}”第{row.Index + 1}行“{ChineseText.Tidy(nameText)}”的数字等于上方各行之和，按合计行处理，未计入。"
            + "如确是一个项目，请在项目名称中写明具体建设内容后重新上传。";
        _sheet.Run.Findings.Add(new Finding { Severity = Severity.Warning, RuleId = RuleIds.TotalUnlabelled, Message = message, Sheet = _sheet.Sheet, Cell = cell });
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

                // "注：本表数据为1-11月累计数" under a title naming no month: checked against the period like a title's.
                if (SheetNotes.FindFootnotePeriod(row[c].Text) is var (period, month))
                {
                    _sheet.Run.PeriodClues.Add(new PeriodClue(period, month,
                        $"工作表“{_sheet.Sheet}”{CellRef.ToA1(row.Index, c)}单元格“{FindingSink.Shorten(ChineseText.Tidy(row[c].Text))}”"));
                }
            }
        }
    }
}
