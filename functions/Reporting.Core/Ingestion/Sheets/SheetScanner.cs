using ExcelDataReader;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

internal enum SheetStatus
{
    /// <summary>Nothing in it.</summary>
    Empty,

    /// <summary>Rows, but none that looks like a header (a notes sheet).</summary>
    NoHeader,

    /// <summary>A header, but not one of the three kinds.</summary>
    UnknownKind,

    /// <summary>A 汇总表 (per county, no project names) next to the detail sheets: not records.</summary>
    Summary,

    /// <summary>Read as a kind (possibly with errors).</summary>
    Read,
}

internal sealed record SheetResult(string Sheet, SheetStatus Status, HeaderLayout? Layout);

/// <summary>
/// Reads one sheet: buffers the first rows to find the header and the notes above it, then streams
/// every following row once, turning it into a record or skipping it (blank, 合计/小计, note, footer).
/// </summary>
internal static class SheetScanner
{
    /// <summary>Columns looked at; anything beyond is decoration.</summary>
    public const int MaxColumns = 256;

    public static SheetResult Scan(SpreadsheetReader reader, IngestionRun run)
    {
        string sheet = reader.SheetName;
        var buffer = new List<CellValue[]>(HeaderDetector.ScanRows);
        var hiddenInBuffer = new HashSet<int>();
        int nonEmpty = 0;
        while (buffer.Count < HeaderDetector.ScanRows && reader.ReadRow())
        {
            CellValue[] cells = RowView.Capture(reader, MaxColumns);
            buffer.Add(cells);
            if (!reader.IsRowEmpty())
            {
                nonEmpty++;
                run.CountRow();
                if (reader.IsRowHidden())
                {
                    hiddenInBuffer.Add(buffer.Count - 1);
                }
            }
        }

        if (nonEmpty == 0)
        {
            return new SheetResult(sheet, SheetStatus.Empty, null);
        }

        IReadOnlyList<CellRange> merges = reader.MergedCells;
        HeaderLayout? layout = HeaderDetector.Detect(buffer, merges, reader.IsColumnHidden);
        if (layout is null)
        {
            return new SheetResult(sheet, SheetStatus.NoHeader, null);
        }

        if (!layout.KindKnown)
        {
            return new SheetResult(sheet, SheetStatus.UnknownKind, layout);
        }

        PeriodHint? hint = run.GivenPeriod is ReportingPeriod given ? new PeriodHint(given.Year, given.Month) : PeriodAbove(buffer, layout.FirstRow, sheet);
        if (hint is not null)
        {
            layout = layout with { Match = HeaderDetector.BestKind(layout.Headers, reader.IsColumnHidden, hint) };
        }

        KindMatch match = layout.Match;
        if (IsSummary(layout))
        {
            return new SheetResult(sheet, SheetStatus.Summary, layout);
        }

        // "开工项目" beside "签约项目" in 商务局's workbook: the same projects at a later stage, with no 签约时间 and 计划总投资 for
        // an amount. Read as signings they were counted again.
        if (IsLaterStage(sheet, match, layout))
        {
            run.Findings.Sheet(sheet, RuleIds.SheetLaterStage,
                $"工作表“{sheet}”是开工（履约、投产）项目表，没有签约时间，不是签约项目，未计入签约项目数和签约金额。", Severity.Warning);
            return new SheetResult(sheet, SheetStatus.Summary, layout);
        }

        int cluesBefore = run.PeriodClues.Count;
        (MoneyUnit? noteUnit, string? notedCounty) = ReadNotes(buffer, layout, sheet, run);

        // A sheet named "11月份" whose title and header name no month: the name is all that says which month it holds.
        if (run.PeriodClues.Count == cluesBefore && SheetNotes.TryFindPeriodInName(sheet, out ReportingPeriod? named, out int? namedMonth))
        {
            run.PeriodClues.Add(new PeriodClue(named, named is null ? namedMonth : null, $"工作表名“{sheet}”"));
        }

        // A first table above the header that was chosen (the second names more columns): its rows were taken for notes.
        if (HeaderDetector.EarlierTable(buffer, merges, layout, reader.IsColumnHidden) is int earlier)
        {
            run.Findings.Sheet(
                sheet,
                RuleIds.HeaderSecondTable,
                $"工作表“{sheet}”第{earlier + 1}行和第{layout.FirstRow + 1}行各有一行表头，两行的列不同，第{earlier + 2}-{layout.FirstRow}行无法确定按哪一行表头读取。"
                + SheetRows.SecondTableAdvice);
            run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, 0, "两行表头不一致"));
            return new SheetResult(sheet, SheetStatus.Read, layout);
        }

        if (HeaderDetector.SideBySideBlock(layout) is int second && match[FieldCatalog.Name] is ColumnBinding first)
        {
            run.Findings.Sheet(
                sheet,
                RuleIds.HeaderSideBySide,
                $"工作表“{sheet}”第{layout.FirstRow + 1}行有左右并排的两张表（{CellRef.ColumnLetters(first.Column)}列和{CellRef.ColumnLetters(second)}列都是“{first.Header.Display}”），"
                + $"右边一张无法按列读取。请把{CellRef.ColumnLetters(second)}列起的各行移到左边一张表的下方（每行一个{(match.Kind == DatasetKind.Metrics ? "指标" : "项目")}），删除右边的列后重新上传。");
            run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, 0, "左右并排两张表"));
            return new SheetResult(sheet, SheetStatus.Read, layout);
        }

        var defaults = new SheetDefaults(null, layout.FirstRow + 1)
        {
            LeadTexts = buffer.Take(layout.FirstRow).SelectMany(r => r).Where(c => c.Type == CellType.Text).Select(c => ChineseText.Compact(c.Text)).ToHashSet(StringComparer.Ordinal),
            HeaderWidth = layout.Headers.Select((h, c) => h.Key.Length > 0 ? c + 1 : 0).DefaultIfEmpty(0).Max(),
        };
        List<FieldSpec> missingColumns = [.. match.MissingRequired];

        // A county's own table, or one sheet per county, often has no county column: the sheet says it once.
        if (missingColumns.Any(s => s.Key == FieldCatalog.County)
            && (run.Counties.Match(sheet) ?? notedCounty ?? run.UploadCounty) is string county)
        {
            missingColumns.RemoveAll(s => s.Key == FieldCatalog.County);
            defaults = defaults with { County = county };
        }

        // Without a field column the fields may come from "一、工业项目" rows; SectionFields says so if they do not.
        bool fieldFromSections = match.Kind == DatasetKind.Projects && missingColumns.Count == 1 && missingColumns[0].Key == FieldCatalog.Field;
        if (missingColumns.Count > 0 && !fieldFromSections)
        {
            string missing = string.Join("、", match.MissingRequired.Select(s => "“" + s.Label + "”"));
            run.Findings.Sheet(
                sheet,
                RuleIds.ColumnRequiredMissing,
                $"工作表“{sheet}”看起来是{match.Kind.ToChinese()}，但缺少必填列：{missing}。请按模板补齐这些列的表头（表头第{layout.FirstRow + 1}行）。"
                + MissingColumnHint(match, layout, hint?.Year));
            run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, 0, "缺少必填列"));
            return new SheetResult(sheet, SheetStatus.Read, layout);
        }

        var rows = new SheetRows(new SheetContext(run, sheet, match, defaults, new ColumnUnits(match, noteUnit)), merges, layout.LastRow);
        var view = new RowView();
        var hidden = new List<int>();
        for (int r = layout.LastRow + 1; r < buffer.Count; r++)
        {
            if (hiddenInBuffer.Contains(r))
            {
                hidden.Add(r);
                continue;
            }

            rows.Process(view.Buffered(r, buffer[r]));
        }

        while (reader.ReadRow())
        {
            if (reader.IsRowEmpty())
            {
                continue;
            }

            run.CountRow();
            if (reader.IsRowHidden())
            {
                hidden.Add(reader.RowIndex);
                continue;
            }

            rows.Process(view.Live(reader));
        }

        ReportHiddenRows(run, sheet, hidden);
        int count = rows.Finish();
        run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, count, null));
        return new SheetResult(sheet, SheetStatus.Read, layout);
    }

    // Hidden rows are left out, as hidden sheets are: what the clerk sees and prints is what is counted. Said once per sheet.
    private static void ReportHiddenRows(IngestionRun run, string sheet, List<int> hidden)
    {
        if (hidden.Count == 0)
        {
            return;
        }

        const int Listed = 20;
        string rows = string.Join("、", hidden.Take(Listed).Select(r => (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string more = hidden.Count > Listed ? $"等{hidden.Count}" : string.Empty;
        // A filter left on hides rows the clerk still believes sent: refused with the way out, rather than counted short.
        if (run.Filtered.Contains(sheet))
        {
            run.Findings.Sheet(sheet, RuleIds.RowFiltered,
                $"工作表“{sheet}”设置了筛选，第{rows}{more}行被筛选隐藏，未读取。请清除筛选（显示全部行）后重新上传；如这些行不应上报，请删除这些行。");
            return;
        }

        run.Findings.Sheet(sheet, RuleIds.RowHidden, $"工作表“{sheet}”第{rows}{more}行是隐藏行，未读取。如需统计，请取消隐藏后重新上传。", Severity.Warning);
    }

    private static readonly string[] s_laterStages = ["开工", "履约", "投产", "竣工", "落地", "在建"];

    private static bool IsLaterStage(string sheet, KindMatch match, HeaderLayout layout) =>
        match.Kind == DatasetKind.Signings && match[FieldCatalog.SignedOn] is null && !sheet.Contains("签约", StringComparison.Ordinal)
        && (ChineseText.ContainsAny(sheet, s_laterStages) || layout.Headers.Any(h => ChineseText.ContainsAny(h.Key, s_laterStages) && h.Key.Contains("时间", StringComparison.Ordinal)));

    /// <summary>A projects-like header without project names but with a count column: a 汇总表 by county or field.</summary>
    private static bool IsSummary(HeaderLayout layout) =>
        (layout.Match.Kind == DatasetKind.Projects
            && layout.Match.MissingRequired.Any(s => s.Key == FieldCatalog.Name)
            && layout.Headers.Any(h => ChineseText.ContainsAny(h.Key, ["个数", "项目数", "数量"])))
        || IsPivot(layout);

    // A pivot table of the detail sheet ("行标签 | 求和项:年度计划投资"): its figures are the detail's, summed again.
    private static bool IsPivot(HeaderLayout layout) =>
        layout.Headers.Any(h => h.Key is "行标签" or "列标签") && layout.Headers.Any(h => ChineseText.StartsWithAny(h.Key, ["求和项", "计数项", "平均值项"]));

    /// <summary>The period a line above the header states ("时间：2022年1-12月"), else the year a title names, else the sheet's name's.</summary>
    private static PeriodHint? PeriodAbove(List<CellValue[]> buffer, int headerRow, string sheet)
    {
        int? year = null;
        for (int r = 0; r < headerRow; r++)
        {
            foreach (CellValue cell in buffer[r])
            {
                if (cell.Type != CellType.Text)
                {
                    continue;
                }

                if (SheetNotes.TryFindPeriod(cell.Text, out ReportingPeriod period))
                {
                    return new PeriodHint(period.Year, period.Month);
                }

                if (year is null && SheetNotes.TryFindYear(cell.Text, out int found))
                {
                    year = found;
                }
            }
        }

        if (year is int titled)
        {
            return new PeriodHint(titled, null);
        }

        return SheetNotes.TryFindPeriodInName(sheet, out ReportingPeriod? named, out _) && named is ReportingPeriod p ? new PeriodHint(p.Year, p.Month) : null;
    }

    /// <summary>Why a header that looks like the missing column is not it.</summary>
    // What the clerk can do about a missing column: a reason when one is seen, else the headers that were not understood,
    // one of which may be the missing column written another way ("1-12月完成" for 累计完成投资).
    private static string MissingColumnHint(KindMatch match, HeaderLayout layout, int? periodYear)
    {
        string reason = MissingColumnReason(match, layout, periodYear);
        if (reason.Length > 0)
        {
            return reason;
        }

        string[] unread = [.. layout.Headers.Where(h => h.Key.Length > 0 && match.Columns.Values.All(b => b.Header != h)).Select(h => "“" + h.Display + "”").Distinct().Take(8)];
        return unread.Length == 0 ? string.Empty
            : $"表头中没有认出的列：{string.Join("、", unread)}；如其中有所缺的列，请把表头改为模板的写法（如“{match.MissingRequired[0].Label}”）。";
    }

    private static string MissingColumnReason(KindMatch match, HeaderLayout layout, int? periodYear)
    {
        // "县区 | 市场主体户数（户） | 上年同期 | 同比增长" with 全市, 安源区… down the rows: an indicator laid out by county.
        if (match.Kind == DatasetKind.Metrics && match[FieldCatalog.Name] is null
            && layout.Headers.FirstOrDefault(h => h.Key.Length > 0) is HeaderText first
            && FieldCatalog.Projects.First(s => s.Key == FieldCatalog.County).Score(first.Key) > 0)
        {
            HeaderText? indicator = layout.Headers.Skip(1).FirstOrDefault(h => h.Key.Length > 0 && match.Columns.Values.All(b => b.Header != h));
            string name = indicator is null ? "市场主体户数" : indicator.Key;
            return "本表按县区逐行列出，经济运行指标表应每行一个指标：请改为“指标名称 | 单位 | 本期值 | 上年同期 | 同比增长”五列，"
                + $"把全市的数填为一行（如指标名称“{name}”，本期值填全市合计），各县区的数不必报。";
        }

        if (match.Kind != DatasetKind.Projects)
        {
            return string.Empty;
        }

        // "2023年投资计划" in the 2022 table: another year's figure is never this year's.
        foreach (FieldSpec spec in match.MissingRequired.Where(s => s.Key is FieldCatalog.AnnualPlan or FieldCatalog.Completed))
        {
            if (periodYear is int year && layout.Headers.FirstOrDefault(h => h.Year is int other && other != year && spec.Score(h.Key) > 0) is HeaderText other)
            {
                return $"表中的“{other.Display}”是{other.Year}年的数，报告期是{year}年，请填写{year}年的“{spec.Label}”。";
            }
        }

        if (match[FieldCatalog.Completed] is not null)
        {
            return string.Empty;
        }

        foreach (HeaderText header in layout.Headers)
        {
            if (ChineseText.ContainsAny(header.Key, ["开工以来", "自开工", "建设以来", "开工累计", "至今", "历年"]) && header.Key.Contains("完成", StringComparison.Ordinal))
            {
                return $"表中的“{header.Display}”是项目开工以来的累计数，不是本年累计，请另列“本年累计完成投资”。";
            }

            if (header.MonthlyOnly && header.Key.Contains("完成", StringComparison.Ordinal))
            {
                return $"表中的“{header.Display}”是当月完成数，不是自年初累计数，请填写“1-{header.Month}月累计完成投资”。";
            }
        }

        return string.Empty;
    }

    // Above the header: the period line, the unit note, 填报单位 and a county named in the title; in the
    // header: periods embedded in column names; in the sheet name: a month ("12月").
    private static (MoneyUnit? Unit, string? County) ReadNotes(List<CellValue[]> buffer, HeaderLayout layout, string sheet, IngestionRun run)
    {
        MoneyUnit? unit = null;
        string? county = null;
        if (SheetNotes.TryFindPeriodInName(sheet, out ReportingPeriod? named, out int? namedMonth))
        {
            run.PeriodHints.Add(new PeriodClue(named, namedMonth, $"工作表名“{sheet}”"));
        }

        for (int r = 0; r < layout.FirstRow; r++)
        {
            CellValue[] row = buffer[r];
            for (int c = 0; c < row.Length; c++)
            {
                // "时间：" followed by a date cell shown as 2022年12月: a template's way of carrying the month.
                if (row[c].Type == CellType.DateTime && c > 0 && row[c - 1].Type == CellType.Text && SheetNotes.IsTimeLabel(row[c - 1].Text))
                {
                    DateTime date = row[c].Date;
                    run.PeriodClues.Add(new PeriodClue(new ReportingPeriod(date.Year, date.Month), null, $"工作表“{sheet}”{CellRef.ToA1(r, c)}单元格“{row[c].Display}”"));
                    continue;
                }

                if (row[c].Type != CellType.Text)
                {
                    continue;
                }

                string text = row[c].Text;
                if (SheetNotes.TryFindPeriod(text, out ReportingPeriod period))
                {
                    run.PeriodClues.Add(new PeriodClue(period, null, $"工作表“{sheet}”{CellRef.ToA1(r, c)}单元格“{FindingSink.Shorten(ChineseText.Tidy(text))}”"));
                }
                else if (SheetNotes.TryFindYear(text, out int year))
                {
                    run.PeriodHints.Add(new PeriodClue(null, null, $"工作表“{sheet}”{CellRef.ToA1(r, c)}单元格") { YearOnly = year });
                }

                unit ??= SheetNotes.FindUnitNote(text);
                string? department = SheetNotes.FindDepartment(text, c + 1 < row.Length && row[c + 1].Type == CellType.Text ? row[c + 1].Text : null);
                run.DepartmentName ??= department;
                county ??= run.Counties.Match(text);
            }
        }

        foreach (ColumnBinding binding in layout.Match.Columns.Values)
        {
            // Last year's column ("2021年1-12月" as 上年同期) names last year's period, not this one's.
            HeaderText header = binding.Header;
            if (header.Month is null || binding.Spec.Key is FieldCatalog.Prior or FieldCatalog.SharePrior)
            {
                continue;
            }

            string where = $"工作表“{sheet}”表头“{header.Display}”";
            run.PeriodClues.Add(header.Year is int year && year is >= 2000 and <= 2100
                ? new PeriodClue(new ReportingPeriod(year, header.Month.Value), null, where)
                : new PeriodClue(null, header.Month, where));
        }

        // "2022年计划投资" says the year; a later column of next year's plan must not, so headers only hint.
        foreach (ColumnBinding binding in layout.Match.Columns.Values)
        {
            if (binding.Header is { Month: null, Year: int year } && year is >= 2000 and <= 2100)
            {
                run.PeriodHints.Add(new PeriodClue(null, null, $"工作表“{sheet}”表头“{binding.Header.Display}”") { YearOnly = year, FromHeader = true });
            }
        }

        return (unit, county);
    }
}
