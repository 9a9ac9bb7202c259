using System.Globalization;
using Reporting.Core.Briefings.Composition;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings;

/// <summary>
/// The one-page 本县区附页 a county's leader receives with the city's briefing: that county's figures, its rank
/// among the counties and how both moved since last month, and its own lagging projects — never another
/// county's. It is a document of its own (a second PDF next to the briefing) rather than pages appended to the
/// briefing: the briefing stays one document, byte for byte the same for every leader and the same as the
/// archived copy, and each county's page is rendered alone (seven at most a month).
/// </summary>
public static class CountyAppendix
{
    public const string Label = "本县区附页";

    /// <summary>At most this many of the county's lagging projects are named; fewer when their text would not fit the page.</summary>
    public const int MaxNamedProjects = 10;

    /// <summary>A stated issue longer than this is cut with "…" in the appendix (the workbook has it whole).</summary>
    public const int MaxIssueLength = 28;

    /// <summary>The appendix's file name, e.g. 安源区附页.pdf.</summary>
    public static string FileName(string county) => DataText.Clean(county) + "附页.pdf";

    /// <param name="county">The county's canonical name, as in <see cref="IndicatorReport.ByCounty"/>.</param>
    public static BriefingDocument Compose(
        IndicatorReport report,
        string county,
        BriefingOptions options,
        ReportingOptions reporting,
        int issueNumber,
        DateOnly issueDate,
        int maxNamed = MaxNamedProjects)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(county);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reporting);
        var context = new CompositionContext(report, reporting, options);
        string name = DataText.Clean(county);
        GroupProgress? group = report.ByCounty.FirstOrDefault(g => g.Key == county);
        Section[] sections = group is null
            ? [new Section("一", "总体情况", [new ProseBuilder().Text(context.PeriodText + "，本期未收到" + name + "的重大项目调度数据。").Build()])]
            :
            [
                new Section("一", "总体情况", Overview(context, group, name)),
                new Section("二", "滞后项目", Lagging(context, county, name, maxNamed)),
            ];
        return new BriefingDocument
        {
            Title = options.Title,
            Year = report.Period.Year,
            IssueNumber = issueNumber,
            IssueLabel = string.Format(CultureInfo.InvariantCulture, options.IssueLabelFormat, Display.Plain(report.Period.Year), Display.Plain(issueNumber)),
            Office = options.Office,
            IssueDate = issueDate,
            IssueDateLabel = ChineseDates.Format(issueDate),
            Period = report.Period,
            Headline = name + context.PeriodText + "重大项目推进情况",
            AppendixLabel = Label,
            Sections = sections,

            // No 说明 of its own: the briefing it travels with has it, and the page is for the county's projects.
        };
    }

    /// <summary>
    /// Renders the appendix on one page: when the county's lagging projects (long names, long issues) would run
    /// over, fewer are named and the rest counted in "等M个项目".
    /// </summary>
    public static void Render(
        IndicatorReport report, string county, BriefingOptions options, ReportingOptions reporting, int issueNumber, DateOnly issueDate, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var renderer = new PdfBriefingRenderer();
        for (int named = MaxNamedProjects; ; named--)
        {
            BriefingDocument document = Compose(report, county, options, reporting, issueNumber, issueDate, named);
            if (named == 0 || renderer.Layout(document).Pages.Count == 1)
            {
                renderer.Render(document, output);
                return;
            }
        }
    }

    // "2022年1-12月，安源区60项重大项目年度计划投资X亿元，累计完成投资Y亿元，完成年计划投资的Z%，快于序时进度N个百分点，
    // 较上月提高M个百分点；完成率在全市7个县区中排第2位，排名上升1位。全市为134.8%。"
    private static IReadOnlyList<Block> Overview(CompositionContext context, GroupProgress group, string name)
    {
        IndicatorReport report = context.Report;
        ProgressFigures figures = group.Figures;
        GroupProgress? before = MonthOnMonth.Previous(context)?.PreviousCounty(group.Key);
        var prose = new ProseBuilder().Text(context.PeriodText + "，" + name).Figure(Display.Plain(figures.Count)).Text("项重大项目年度计划投资")
            .Figure(Display.YiYuan(figures.AnnualPlan)).Text("，累计完成投资").Figure(Display.YiYuan(figures.Completed));
        if (figures.CompletionPct is { } completion)
        {
            prose.Text("，完成年计划投资的").Figure(Display.Percent(completion));
            if (figures.ScheduleGapPp is { } gap)
            {
                OverviewSection.AppendScheduleComparison(prose, gap);
            }

            MonthOnMonth.AppendPointsChange(prose, Change.Points(completion, before?.Figures.CompletionPct));
        }

        int ranked = report.ByCounty.Count(g => g.Rank is not null);
        if (group.Rank is { } rank)
        {
            prose.Text("；完成率在全市").Figure(Display.Plain(ranked)).Text("个县区中排第").Figure(Display.Plain(rank)).Text("位");
            if (Change.Rank(group.Rank, before?.Rank) is { } up)
            {
                prose.Text("，" + MonthOnMonth.RankPhrase(up));
            }
        }

        prose.Text("。");
        if (report.Overall.CompletionPct is { } city)
        {
            prose.Text("全市平均完成年计划投资的").Figure(Display.Percent(city)).Text("。");
        }

        // Prose only, no key-figure panels: every figure is in bold in the sentence, and the page's room goes to
        // the county's own lagging projects.
        return [prose.Build()];
    }

    private static List<Block> Lagging(CompositionContext context, string county, string name, int maxNamed)
    {
        IndicatorReport report = context.Report;
        IndicatorOptions thresholds = context.Reporting.Indicators;
        string yellow = Display.Plain(Math.Abs(thresholds.YellowGapPp)) + "个百分点";

        // Only this county's projects, in the report's order (furthest behind first).
        List<LaggingProject> mine = report.Lagging.Where(p => p.County == county).ToList();
        if (mine.Count == 0)
        {
            return [new ProseBuilder().Text("本期" + name + "无完成率慢于序时进度" + yellow + "以上的项目。").Build()];
        }

        int red = mine.Count(p => p.Severity == LagSeverity.Red);
        var prose = new ProseBuilder().Text("对照序时进度，" + name + "共有").Figure(Display.Plain(mine.Count))
            .Text("个项目完成率慢于序时进度" + yellow + "以上，其中红色预警").Figure(Display.Plain(red))
            .Text("个，黄色预警").Figure(Display.Plain(mine.Count - red)).Text("个");
        if (MonthOnMonth.Previous(context) is { Lagging: not null } comparison)
        {
            prose.Text("；与上月相比，新增滞后项目").Figure(Display.Plain(comparison.NewlyLagging.Count(p => p.County == county)))
                .Text("个，不再滞后项目").Figure(Display.Plain(comparison.NoLongerLagging.Count(p => p.County == county))).Text("个");
        }

        var blocks = new List<Block> { prose.Text("。").Build() };
        List<LaggingProject> named = mine.Take(Math.Max(maxNamed, 0)).ToList();
        if (named.Count > 0)
        {
            TableColumn[] columns =
            [
                new("序号", ColumnAlignment.Center, 0.5),
                new("项目名称", ColumnAlignment.Left, 2.4),
                new("领域", ColumnAlignment.Left, 0.9),
                new("完成率", ColumnAlignment.Right, 0.8),
                new("与序时比较\n（百分点）", ColumnAlignment.Right, 0.8),
                new("预警", ColumnAlignment.Center, 0.5),
                new("存在问题", ColumnAlignment.Left, 2.2),
            ];
            TableRow[] rows = named.Select((p, i) => new TableRow(
            [
                Display.Plain(i + 1),
                DataText.OrMissing(p.Name),
                DataText.OrMissing(p.Field),
                Display.Percent(p.CompletionPct),
                Display.SignedPoints(p.ScheduleGapPp),
                p.Severity == LagSeverity.Red ? "红色" : "黄色",
                Shorten(DataText.OrMissing(p.Issues)),
            ])).ToArray();
            blocks.Add(new Table(context.NextTableCaption(name + "滞后项目"), columns, rows));
        }

        if (mine.Count > named.Count)
        {
            // "上表列慢于序时进度最多的3个项目，其余8029个项目详见附件…"; with none named, "安源区全部8032个滞后项目详见附件…".
            blocks.Add(new ProseBuilder().Text(named.Count > 0 ? "上表列慢于序时进度最多的" + Display.Plain(named.Count) + "个项目，其余" : name + "全部")
                .Figure(Display.Plain(mine.Count - named.Count)).Text((named.Count > 0 ? "个项目" : "个滞后项目") + "详见附件《" + LaggingSection.AttachmentTitle + "》。").Build());
        }

        return blocks;
    }

    private static string Shorten(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        return runes.Count <= MaxIssueLength ? text : string.Concat(runes.Take(MaxIssueLength - 1).Select(r => r.ToString())) + "…";
    }
}
