using System.IO.Compression;
using ExcelDataReader.Exceptions;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;
using Reporting.Core.Ingestion.Sheets;

namespace Reporting.Core.Ingestion;

/// <summary>
/// Reads one uploaded file into records and findings. Pure: no store, no clock. Never throws for
/// any input bytes: whatever goes wrong becomes a file-level finding a clerk can act on.
/// </summary>
public sealed class WorkbookIngestor
{
    /// <summary>The sheet the annotated copy adds; a clerk who re-uploads that copy must not see it read as data.</summary>
    public const string FindingsSheetName = "校验结果";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance seam that hosts inject and tests replace.")]
    public IngestionOutcome Read(Stream content, string fileName, IngestionContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return ReadCore(content, fileName ?? string.Empty, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug or a file no parser foresaw: the clerk still gets an answer.
            return FileRejected(context, FileProbe.Unreadable().RuleId!, FileProbe.Unreadable().Message! + $"（{ex.GetType().Name}）") with { Fault = ex };
        }
    }

    /// <summary>
    /// Adds the cumulative.decreased warnings against the same department's previous month, for callers
    /// that load the previous month asynchronously once the period is known. January starts a new year: no comparison.
    /// </summary>
    public static IngestionOutcome WithPreviousMonth(IngestionOutcome outcome, IReadOnlyList<ProjectRecord>? previousMonth, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        if (previousMonth is null || previousMonth.Count == 0 || outcome.Period is not ReportingPeriod period || period.Month == 1 || outcome.Projects.Count == 0)
        {
            return outcome;
        }

        FindingSink sink = SinkHolding(outcome, options);
        ProjectIndex<ProjectRecord> lastMonth = IndexOf(previousMonth);
        int added = 0;
        foreach (ProjectRecord project in outcome.Projects)
        {
            if (!ProjectIdentity.IsSameProject(lastMonth.Find(ProjectIdentity.KeyOf(project), out ProjectRecord? previous)))
            {
                continue;
            }

            if (project.Completed >= previous!.Completed
                || !outcome.CompletedColumns.TryGetValue(project.Source.Sheet, out ColumnBinding? column))
            {
                continue;
            }

            sink.Cell(
                Severity.Warning,
                RuleIds.CumulativeDecreased,
                project.Source.Sheet,
                project.Source.Row - 1,
                column,
                FindingSink.Format(project.Completed),
                $"（万元）低于上月（{period.Previous.ToChineseCumulative()}）报送的{FindingSink.Format(previous.Completed)}万元；自年初累计数不应减少，请核实。");
            added++;
        }

        return added == 0 ? outcome : WithWarnings(outcome, sink, added);
    }

    /// <summary>
    /// A second upload of the same period replaces the first (the latest wins). When it lacks projects the first one had,
    /// a clerk who meant it as a 补报 (only the new projects) would silently drop the rest from the city's figures: the
    /// receipt says how many and names a few, and how to send a supplement.
    /// </summary>
    public static IngestionOutcome WithEarlierUpload(IngestionOutcome outcome, Dataset? earlier, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        if (earlier is null || earlier.Projects.Count == 0 || outcome.Projects.Count == 0)
        {
            return outcome;
        }

        ProjectIndex<ProjectRecord> now = IndexOf(outcome.Projects);
        List<ProjectRecord> dropped = [.. earlier.Projects.Where(p => !ProjectIdentity.IsSameProject(now.Find(ProjectIdentity.KeyOf(p), out _)))];
        if (dropped.Count == 0)
        {
            return outcome;
        }

        FindingSink sink = SinkHolding(outcome, options);

        string examples = string.Join("、", dropped.Take(3).Select(p => $"“{FindingSink.Shorten(p.Name)}”"));
        sink.Sheet(
            outcome.Projects[0].Source.Sheet,
            RuleIds.ProjectsDroppedOnResubmission,
            $"本期此前已报送的《{earlier.SourceFile}》中有{dropped.Count}个项目本次没有（{examples}{(dropped.Count > 3 ? "等" : string.Empty)}）。"
                + "以最后一次报送为准，这些项目将不再计入；如本次只是补报新增项目，请把全部项目放在同一张表中重新报送。",
            Severity.Warning);
        return WithWarnings(outcome, sink, 1);
    }

    // Findings added after reading (the comparisons with stored datasets) join the file's own, under the same limit.
    private static FindingSink SinkHolding(IngestionOutcome outcome, ReportingOptions options)
    {
        var sink = new FindingSink(Math.Max(1, options.Ingestion.MaxFindings));
        foreach (Finding finding in outcome.Findings)
        {
            sink.Add(finding);
        }

        return sink;
    }

    private static IngestionOutcome WithWarnings(IngestionOutcome outcome, FindingSink sink, int added) => outcome with
    {
        Findings = sink.Items,
        WarningCount = outcome.WarningCount + added,
        FindingsTruncated = outcome.FindingsTruncated || sink.Truncated,
    };

    private static ProjectIndex<ProjectRecord> IndexOf(IReadOnlyList<ProjectRecord> projects)
    {
        var index = new ProjectIndex<ProjectRecord>(projects.Count);
        foreach (ProjectRecord project in projects)
        {
            index.Add(ProjectIdentity.KeyOf(project), project);
        }

        return index;
    }

    private static IngestionOutcome ReadCore(Stream content, string fileName, IngestionContext context)
    {
        ReportingOptions options = context.Options;
        long limit = options.Ingestion.MaxUploadBytes;
        using Stream? owned = Seekable(content, limit, out Stream seekable, out long length);
        if (length > limit)
        {
            return FileRejected(context, RuleIds.FileTooLarge, $"文件大小超过上限 {Megabytes(limit)} MB，未读取。请删除无关的工作表、图片后重新上传。");
        }

        if (length == 0)
        {
            return FileRejected(context, RuleIds.FileEmpty, "文件是空的（0 字节）。请确认上传的是填好的报表。");
        }

        ProbeResult probe = FileProbe.Probe(seekable, options.Ingestion.MaxUncompressedBytes);
        if (probe.Format is not SpreadsheetFormat format)
        {
            return FileRejected(context, probe.RuleId!, probe.Message!);
        }

        var run = new IngestionRun(options) { GivenPeriod = context.Period, IsText = format == SpreadsheetFormat.Csv };
        run.UploadCounty = UploadCounty(context, run.Counties);
        if (format == SpreadsheetFormat.OpenXml)
        {
            ReadPackageMarks(seekable, run);
        }
        var sheets = new List<SheetResult>();
        try
        {
            using SpreadsheetReader reader = SpreadsheetReader.Open(seekable, format, probe.CsvEncoding, SheetNameForCsv(fileName));
            HashSet<string> earlierMonths = format == SpreadsheetFormat.Csv ? [] : EarlierMonthSheets(reader.ListSheets(), context.Period);
            while (reader.NextSheet())
            {
                if (reader.SheetHidden || reader.SheetName == FindingsSheetName || earlierMonths.Contains(reader.SheetName) || IsInstructions(reader.SheetName))
                {
                    continue;
                }

                sheets.Add(SheetScanner.Scan(reader, run));
            }
        }
        catch (TooManyRowsException)
        {
            return FileRejected(context, RuleIds.FileTooManyRows, $"文件的数据行超过上限 {options.Ingestion.MaxRows:N0} 行，已停止读取。请只保留本期报表后重新上传。");
        }
        catch (InvalidPasswordException)
        {
            return FileRejected(context, FileProbe.Encrypted().RuleId!, FileProbe.Encrypted().Message!);
        }
        catch (Exception ex) when (ex is ExcelReaderException or InvalidDataException or IOException or FormatException
            or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or System.Xml.XmlException
            or OverflowException or NotSupportedException or EndOfStreamException)
        {
            return FileRejected(context, FileProbe.Unreadable().RuleId!, FileProbe.Unreadable().Message!) with { Fault = ex };
        }

        bool hasTable = sheets.Any(s => s.Status == SheetStatus.Read);
        if (!hasTable)
        {
            ReportNoTable(run, sheets);
        }

        // Without a table, period and department questions would only bury the one answer that matters.
        ReportingPeriod? period = hasTable ? ResolvePeriod(run, context, fileName) : context.Period;
        string? department = hasTable ? ResolveDepartment(run, context) : context.Department;
        HashSet<(string Sheet, int Row)> yearless = SettleYearlessDates(run, period);
        if (period is ReportingPeriod stated)
        {
            WarnSigningsOutsidePeriod(run, stated, yearless);
        }

        CheckUploadCounty(run);
        CheckUploadKinds(run, context, department);
        CheckRepeatedMetrics(run);
        int records = run.Projects.Count + run.Signings.Count + run.Metrics.Count;
        if (run.Findings.Errors == 0 && records == 0)
        {
            run.Findings.File(RuleIds.SheetNoRecords, "表头下没有任何数据行。请填写数据后重新上传。");
        }

        var outcome = new IngestionOutcome
        {
            Accepted = run.Findings.Errors == 0,
            Period = period,
            DepartmentId = department,
            DepartmentName = run.DepartmentName,
            Findings = run.Findings.Items,
            ErrorCount = run.Findings.Errors,
            WarningCount = run.Findings.Warnings,
            FindingsTruncated = run.Findings.Truncated,
            Kinds = [.. FieldCatalog.Kinds.Where(k => run.RecordsOf(k) > 0)],
            Projects = run.Projects,
            Signings = run.Signings,
            Metrics = run.Metrics,
            Sheets = run.Sheets,
            Units = run.Units,
            CompletedColumns = run.CompletedColumns,
        };

        if (period is ReportingPeriod known && context.PreviousMonthProjects is { } lookup && outcome.Projects.Count > 0)
        {
            outcome = WithPreviousMonth(outcome, lookup(known.Previous), options);
        }

        return outcome;
    }

    /// <summary>
    /// A date written without a year is the reporting period's year (never the computer's), said at the cell. A signing
    /// it puts outside the period is said once, by the outside-period warning: returned, (sheet, row) of such signings.
    /// </summary>
    private static HashSet<(string Sheet, int Row)> SettleYearlessDates(IngestionRun run, ReportingPeriod? period)
    {
        HashSet<(string Sheet, int Row)> signingsYearless = [];
        foreach (YearlessDate written in run.YearlessDates)
        {
            DateOnly? date = period is ReportingPeriod p && written.Day <= DateTime.DaysInMonth(p.Year, written.Month)
                ? new DateOnly(p.Year, written.Month, written.Day)
                : null;
            SetDate(run, written, date);
            if (date is not DateOnly read)
            {
                run.Findings.Cell(Severity.Warning, RuleIds.DateYearMissing, written.Sheet, written.Row, written.Column, written.Typed,
                    period is null ? "未写年份，报告期也无法确定，已忽略。请注明年份。" : $"未写年份，报告期{period.Value.Year}年没有这一天，已忽略。请注明年份。");
                continue;
            }

            if (written.Key == FieldCatalog.SignedOn)
            {
                signingsYearless.Add((written.Sheet, written.Row));
                if (!SigningPeriod.Counts(read, period!.Value))
                {
                    continue;
                }
            }

            run.Findings.Cell(Severity.Warning, RuleIds.DateYearMissing, written.Sheet, written.Row, written.Column, written.Typed,
                $"未写年份，按报告期年份读作{ChineseDate(read)}；如不是，请注明年份。");
        }

        return signingsYearless;
    }

    // The record read from the cell gets the settled date (the stand-in year is replaced, or the date dropped).
    private static void SetDate(IngestionRun run, YearlessDate written, DateOnly? date)
    {
        var source = new SourceRef(written.Sheet, written.Row + 1);
        if (written.Key == FieldCatalog.SignedOn)
        {
            int i = run.Signings.FindIndex(s => s.Source == source);
            if (i >= 0)
            {
                run.Signings[i] = run.Signings[i] with { SignedOn = date };
            }

            return;
        }

        int j = run.Projects.FindIndex(p => p.Source == source);
        if (j >= 0)
        {
            run.Projects[j] = written.Key switch
            {
                FieldCatalog.PlannedStart => run.Projects[j] with { PlannedStart = date },
                FieldCatalog.ActualStart => run.Projects[j] with { ActualStart = date },
                FieldCatalog.PlannedCompletion => run.Projects[j] with { PlannedCompletion = date },
                _ => run.Projects[j],
            };
        }
    }

    private static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    // A signing dated outside the period is kept as sent but not counted (SigningPeriod): the clerk is told at the cell,
    // quoting what was typed (a date without a year is the period's year, and said so).
    private static void WarnSigningsOutsidePeriod(IngestionRun run, ReportingPeriod period, HashSet<(string Sheet, int Row)> yearless)
    {
        foreach (SigningRecord signing in run.Signings)
        {
            if (SigningPeriod.Counts(signing.SignedOn, period) || run.Matches.GetValueOrDefault(signing.Source.Sheet)?[FieldCatalog.SignedOn] is not ColumnBinding column)
            {
                continue;
            }

            DateOnly date = signing.SignedOn!.Value;
            YearlessDate? written = yearless.Contains((signing.Source.Sheet, signing.Source.Row - 1))
                ? run.YearlessDates.Find(y => y.Key == FieldCatalog.SignedOn && y.Sheet == signing.Source.Sheet && y.Row == signing.Source.Row - 1)
                : null;
            run.Findings.Cell(
                Severity.Warning,
                RuleIds.SigningOutsidePeriod,
                signing.Source.Sheet,
                signing.Source.Row - 1,
                column,
                written?.Typed ?? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                (written is null ? string.Empty : $"未写年份，按报告期年份读作{ChineseDate(date)}，")
                + $"不在报告期{period.ToChineseCumulative()}内，该项目不计入本期新签约项目数和签约金额。如签约时间填错，请更正后重新上传。");
        }
    }

    private static void ReportNoTable(IngestionRun run, List<SheetResult> sheets)
    {
        if (sheets.FirstOrDefault(s => s.Status == SheetStatus.Summary) is SheetResult summary)
        {
            run.Findings.Sheet(
                summary.Sheet,
                RuleIds.ColumnRequiredMissing,
                $"工作表“{summary.Sheet}”是汇总表（只有县区或领域的合计，没有“项目名称”列），不能据此统计。请上传逐个项目填报的明细表。");
            return;
        }

        List<SheetResult> unknown = [.. sheets.Where(s => s.Status == SheetStatus.UnknownKind)];
        foreach (SheetResult sheet in unknown)
        {
            string found = string.Join("、", sheet.Layout!.Headers.Where(h => h.Display.Length > 0).Take(12).Select(h => "“" + h.Display + "”"));
            run.Findings.Sheet(
                sheet.Sheet,
                RuleIds.KindUnknown,
                $"工作表“{sheet.Sheet}”的表头（第{sheet.Layout.FirstRow + 1}行：{found}）无法识别为重大项目调度表、招商引资签约项目表或经济运行指标表。请使用对应的模板。");
        }

        if (unknown.Count > 0)
        {
            return;
        }

        if (sheets.Any(s => s.Status == SheetStatus.NoHeader))
        {
            run.Findings.File(RuleIds.HeaderMissing, $"文件中没有找到可识别的表头：前{HeaderDetector.ScanRows}行内应有“项目名称”“县区”“年度计划投资”等列名（或“指标名称”“本期值”）。请使用模板填报。");
            return;
        }

        run.Findings.File(RuleIds.FileEmpty, "文件中没有任何内容（所有工作表都是空的）。请确认上传的是填好的报表。");
    }

    private static ReportingPeriod? ResolvePeriod(IngestionRun run, IngestionContext context, string fileName)
    {
        List<PeriodClue> full = [.. run.PeriodClues.Where(c => c.Period is not null)];
        if (context.Period is ReportingPeriod given)
        {
            PeriodClue? conflict = run.PeriodClues.FirstOrDefault(c => c.Period is ReportingPeriod p ? p != given : c.MonthOnly != given.Month);
            if (conflict is not null)
            {
                string stated = conflict.Period is ReportingPeriod p ? p.ToChineseCumulative() : $"{conflict.MonthOnly}月";
                run.Findings.File(RuleIds.PeriodConflict, $"报表期间不一致：{context.PeriodSource}指定为{given.ToChineseCumulative()}，但{conflict.Where}写的是{stated}。请核对报告期后重新上传。");
            }

            return given;
        }

        List<ReportingPeriod> distinct = [.. full.Select(c => c.Period!.Value).Distinct().Order()];
        if (distinct.Count == 0)
        {
            if (FillPeriod(run, fileName) is ReportingPeriod filled)
            {
                return filled;
            }

            if (Guess(run, context.FallbackPeriod) is ReportingPeriod guessed)
            {
                return guessed;
            }

            run.Findings.File(RuleIds.PeriodMissing, "无法确定报表所属期间：表中没有“时间：2022年1-12月”这样的说明，表头也未注明月份，上传时也未指定。请在表头上方注明报告期后重新上传。");
            return null;
        }

        if (distinct.Count > 1)
        {
            string list = string.Join("；", distinct.Select(p => $"{full.First(c => c.Period == p).Where}为{p.ToChineseCumulative()}"));
            run.Findings.File(RuleIds.PeriodConflict, $"报表期间不一致：{list}。请统一为同一报告期后重新上传。");
            return null;
        }

        ReportingPeriod period = distinct[0];
        PeriodClue? monthConflict = run.PeriodClues.FirstOrDefault(c => c.MonthOnly is int m && m != period.Month);
        if (monthConflict is not null)
        {
            run.Findings.File(RuleIds.PeriodConflict, $"报表期间不一致：{full[0].Where}为{period.ToChineseCumulative()}，但{monthConflict.Where}写的是1-{monthConflict.MonthOnly}月。请核对后重新上传。");
            return null;
        }

        return period;
    }

    /// <summary>
    /// No full period stated: a month (from a header "1-12月" or the sheet name "12月") with the one year the
    /// title or the headers name; else a period in a sheet name, then in the file name.
    /// </summary>
    private static ReportingPeriod? FillPeriod(IngestionRun run, string fileName)
    {
        int[] months = [.. run.PeriodClues.Where(c => c.MonthOnly is not null).Select(c => c.MonthOnly!.Value).Distinct()];
        if (months.Length > 1)
        {
            return null;
        }

        int? month = months.Length == 1 ? months[0] : null;
        List<ReportingPeriod> named = [.. run.PeriodHints.Where(h => h.Period is not null).Select(h => h.Period!.Value)];
        if (SheetNotes.TryFindPeriodInName(Path.GetFileNameWithoutExtension(fileName), out ReportingPeriod? inFileName, out _) && inFileName is ReportingPeriod file)
        {
            named.Add(file);
        }

        foreach (ReportingPeriod candidate in named)
        {
            if (month is null || candidate.Month == month)
            {
                return candidate;
            }
        }

        int[] sheetMonths = [.. run.PeriodHints.Where(h => h.MonthOnly is not null).Select(h => h.MonthOnly!.Value).Distinct()];
        month ??= sheetMonths.Length == 1 ? sheetMonths[0] : null;
        int? year = SingleYear(run.PeriodHints.Where(h => !h.FromHeader)) ?? SingleYear(run.PeriodHints.Where(h => h.FromHeader));
        return month is int m && year is int y ? new ReportingPeriod(y, m) : null;
    }

    /// <summary>
    /// The caller's guess when the workbook states no period: as given, or, when the workbook names one month ("1-11月"),
    /// that month in the latest year not after the guess (a December report mailed in February is still December's).
    /// </summary>
    private static ReportingPeriod? Guess(IngestionRun run, ReportingPeriod? fallback)
    {
        if (fallback is not ReportingPeriod guess)
        {
            return null;
        }

        int[] months = [.. run.PeriodClues.Concat(run.PeriodHints).Where(c => c.MonthOnly is not null).Select(c => c.MonthOnly!.Value).Distinct()];
        return months.Length switch
        {
            0 => guess,
            1 => new ReportingPeriod(months[0] <= guess.Month ? guess.Year : guess.Year - 1, months[0]),
            _ => null,
        };
    }

    private static int? SingleYear(IEnumerable<PeriodClue> hints)
    {
        int[] years = [.. hints.Where(h => h.YearOnly is not null).Select(h => h.YearOnly!.Value).Distinct()];
        return years.Length == 1 ? years[0] : null;
    }

    /// <summary>
    /// A workbook kept month by month ("11月", "12月" side by side): only the month being reported is read,
    /// the one the upload names, else the latest. Sheets not named after a month are read as usual.
    /// </summary>
    private static HashSet<string> EarlierMonthSheets(IReadOnlyList<(string Name, bool Hidden)> sheets, ReportingPeriod? given)
    {
        var monthly = new List<(string Name, int Order)>();
        foreach ((string name, bool hidden) in sheets)
        {
            if (!hidden && SheetNotes.TryFindPeriodInName(name, out ReportingPeriod? period, out int? month))
            {
                int order = period is ReportingPeriod p ? (given is ReportingPeriod g && p == g ? int.MaxValue : p.Year * 12 + p.Month)
                    : given is ReportingPeriod gm && month == gm.Month ? int.MaxValue : month!.Value;
                monthly.Add((name, order));
            }
        }

        if (monthly.Count < 2 || monthly.Select(m => m.Order).Distinct().Count() < 2)
        {
            return [];
        }

        int keep = monthly.Max(m => m.Order);
        return [.. monthly.Where(m => m.Order != keep).Select(m => m.Name)];
    }

    // "填报说明", "填表说明", "说明": the template's instructions, whose 示例 rows are no data.
    private static bool IsInstructions(string sheet) =>
        ChineseText.Compact(sheet) is "说明" or "填报说明" or "填表说明" or "填报须知" or "使用说明" or "示例" or "填报示例" or "样表";

    /// <summary>
    /// One indicator twice in an upload (a section per reporting office, a 当月 sheet beside the 累计 one under the same
    /// name, a 分县区 sheet): the first copy was taken without a word. Copies that agree are one indicator, said; copies
    /// that disagree are refused with both cells, since which one the leaders should read cannot be told.
    /// </summary>
    private static void CheckRepeatedMetrics(IngestionRun run)
    {
        foreach (IGrouping<string, MetricRecord> same in run.Metrics.GroupBy(m => ProjectIdentity.NormalizeName(m.Name)).Where(g => g.Count() > 1).ToList())
        {
            MetricRecord first = same.First();
            foreach (MetricRecord copy in same.Skip(1))
            {
                string where = copy.Source.Sheet == first.Source.Sheet ? $"第{first.Source.Row}行" : $"工作表“{first.Source.Sheet}”第{first.Source.Row}行";
                if (copy.Value == first.Value && copy.Prior == first.Prior && copy.YoyReported == first.YoyReported && copy.Unit == first.Unit)
                {
                    run.Findings.Sheet(copy.Source.Sheet, RuleIds.MetricDuplicate,
                        $"工作表“{copy.Source.Sheet}”第{copy.Source.Row}行的指标“{copy.Name}”与{where}重复，数字相同，只计一次。请删除重复行。", Severity.Warning);
                    run.Metrics.Remove(copy);
                    continue;
                }

                run.Findings.Sheet(copy.Source.Sheet, RuleIds.MetricDuplicate,
                    $"工作表“{copy.Source.Sheet}”第{copy.Source.Row}行的指标“{copy.Name}”与{where}重复，但数字不同（本期值{FindingSink.Format(copy.Value ?? 0m)}与{FindingSink.Format(first.Value ?? 0m)}），"
                    + "无法确定以哪一行为准。请只保留一行（当月数和累计数请用不同的指标名称，如“电子信息产业工业增加值（当月）”）后重新上传。");
            }
        }
    }

    // What ExcelDataReader does not read from an .xlsx: struck-through rows and filters left on. One pass over the package,
    // before the reader's; a package this cannot open is the reader's to answer for.
    private static void ReadPackageMarks(Stream seekable, IngestionRun run)
    {
        long start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            run.Struck = StruckRows.Read(zip);
            run.Filtered = FilteredSheets.Read(zip);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
        }
        finally
        {
            seekable.Position = start;
        }
    }

    /// <summary>
    /// A county department's upload of which not one row is that county's (安源区's table sent from 莲花县's folder, or a
    /// neighbour's list forwarded): counted under its own counties it would leave the uploading county with no data and
    /// another county's list counted from the wrong office, so it is refused with the question. A county list that carries a
    /// few projects of another county (a 经开区 project in 安源区's list) is read as written.
    /// </summary>
    private static void CheckUploadCounty(IngestionRun run)
    {
        if (run.UploadCounty is not string own || run.Findings.Errors > 0)
        {
            return;
        }

        string[] counties = [.. run.Projects.Select(p => p.County).Concat(run.Signings.Select(s => s.County)).Where(c => c.Length > 0)];
        if (counties.Length == 0 || counties.Contains(own, StringComparer.Ordinal))
        {
            return;
        }

        string[] named = [.. counties.Distinct(StringComparer.Ordinal)];
        string theirs = string.Join("、", named.Take(3)) + (named.Length > 3 ? $"等{named.Length}个县区" : string.Empty);
        run.Findings.File(
            RuleIds.DepartmentOtherCounty,
            $"本文件上传到{own}，但其中{counties.Length}行全部属于{theirs}，没有一行是{own}的。可能选错了上传单位，或上传了其他县区的表。"
            + $"请确认：{own}的表请重新选择文件上传；{theirs}的表请由该县区上传。");
    }

    /// <summary>
    /// An upload of a kind its department does not report (a county's project list sent from 市金融办's folder, signings from
    /// 工信局's, indicators from a county's): counted, it would stand beside or replace the figures of the office that does
    /// report them, and leave both offices shown as not reported. Refused, naming who reports that kind. A department
    /// configured with no kinds takes any; a county's own signings list is taken (decided earlier: WorkbookHabitTests).
    /// </summary>
    private static void CheckUploadKinds(IngestionRun run, IngestionContext context, string? departmentId)
    {
        if (run.Findings.Errors > 0 || departmentId is null || context.Options.FindDepartment(departmentId) is not DepartmentOptions department
            || department.Kinds.Count == 0)
        {
            return;
        }

        foreach (DatasetKind kind in FieldCatalog.Kinds)
        {
            // A county may send its own 招商 list beside its projects (signings are counted once across files); no county
            // sends the city's indicators, and no bureau sends projects.
            if (run.RecordsOf(kind) == 0 || department.Kinds.Contains(kind) || (kind == DatasetKind.Signings && run.UploadCounty is not null))
            {
                continue;
            }

            string[] reporters = [.. context.Options.Departments.Where(d => d.Kinds.Contains(kind)).Select(d => d.Name)];
            string who = reporters.Length == 0 ? string.Empty
                : "；" + kind.ToChinese() + "由" + string.Join("、", reporters.Take(3)) + (reporters.Length > 3 ? $"等{reporters.Length}个单位" : string.Empty) + "报送";
            string own = string.Join("、", department.Kinds.Select(k => k.ToChinese()));
            run.Findings.File(
                RuleIds.DepartmentWrongKind,
                $"本文件是{kind.ToChinese()}，但上传到了{department.Name}，{department.Name}报送的是{own}。可能选错了上传单位{who}。请到正确的单位重新上传。");
            return;
        }
    }

    /// <summary>The county an uploading county department stands for (anyuan → 安源区); null for a city bureau.</summary>
    private static string? UploadCounty(IngestionContext context, Vocabulary counties) =>
        context.Department is string id && context.Options.FindDepartment(id) is DepartmentOptions department ? counties.Match(department.Name) : null;

    private static string? ResolveDepartment(IngestionRun run, IngestionContext context)
    {
        if (context.Department is string given)
        {
            if (!DepartmentOptions.IsValidId(given))
            {
                run.Findings.File(RuleIds.DepartmentInvalid, $"上传位置中的部门标识“{Storage.StorePath.Printable(given)}”无效（只能是小写字母、数字和“-”）。请上传到本单位的文件夹。");
                return null;
            }

            return given;
        }

        string? id = DepartmentResolver.Resolve(context.Options, run.DepartmentName);
        if (id is null)
        {
            string written = run.DepartmentName is null ? "表中没有“填报单位：…”" : $"表中的填报单位“{run.DepartmentName}”不在报送单位名单中";
            run.Findings.File(RuleIds.DepartmentMissing, $"无法确定填报单位：{written}，上传时也未指定。请在表头上方注明“填报单位：XX”或上传到本单位的文件夹。");
        }

        return id;
    }

    private static IngestionOutcome FileRejected(IngestionContext context, string ruleId, string message) => new()
    {
        Accepted = false,
        Period = context.Period,
        DepartmentId = context.Department,
        Findings = [new Finding { Severity = Severity.Error, RuleId = ruleId, Message = message }],
        ErrorCount = 1,
    };

    // The probe and the parser seek; an upload stream from the network does not. Copy at most limit + 1 bytes.
    private static MemoryStream? Seekable(Stream content, long limit, out Stream seekable, out long length)
    {
        if (content.CanSeek)
        {
            length = content.Length - content.Position;
            if (content.Position == 0 || length > limit)
            {
                seekable = content;
                return null;
            }
        }

        var copy = new MemoryStream();
        byte[] buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > limit)
            {
                break;
            }
        }

        copy.Position = 0;
        length = copy.Length;
        seekable = copy;
        return copy;
    }

    private static string SheetNameForCsv(string fileName) => WorkbookIngestorNames.CsvSheetName(fileName);

    private static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
