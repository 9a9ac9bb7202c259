using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>一、总体情况: the headline sentence in the seed's register, then the amounts and 开工率.</summary>
internal static class OverviewSection
{
    public const string Title = "总体情况";

    public static IReadOnlyList<Block> Build(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        if (report.Overall.Count == 0)
        {
            return [new ProseBuilder().Text(context.PeriodText + "，本期未收到重大项目调度数据。").Build()];
        }

        var blocks = new List<Block> { Headline(context), KeyFiguresOf(report) };
        Paragraph? amounts = Amounts(context);
        if (amounts is not null)
        {
            blocks.Add(amounts);
        }

        if (TrendChart(context) is { } trend)
        {
            blocks.Add(trend);
        }

        return blocks;
    }

    /// <summary>
    /// The city's cumulative completion month by month against the 序时进度 line, January to the period; none
    /// before there are two months to draw.
    /// </summary>
    public static LineChart? TrendChart(CompositionContext context)
    {
        IReadOnlyList<MonthlyProgress> series = context.Report.Series;
        if (series.Count < 2 || !series.Any(m => m.Figures?.CompletionPct is not null))
        {
            return null;
        }

        return new LineChart(
            context.NextChartCaption("全市重大项目累计完成年计划投资比例与序时进度（" + context.PeriodText + "）"),
            series.Select(m => MonthOnMonth.MonthName(m.Period)).ToArray(),
            [
                new LineSeries("序时进度", series.Select(m => (decimal?)m.SchedulePct).ToArray(), series.Select(_ => string.Empty).ToArray(), LineStyle.Reference),
                new LineSeries(
                    "累计完成年计划投资比例",
                    series.Select(m => m.Figures?.CompletionPct).ToArray(),
                    series.Select(m => m.Figures?.CompletionPct is { } pct ? Display.Percent(pct) : string.Empty).ToArray(),
                    LineStyle.Data),
            ]);
    }

    /// <summary>
    /// "全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点；其中46个省重点项目
    /// 完成年计划投资的138.7%，201个省大中型项目完成年计划投资的148.4%。"
    /// </summary>
    public static Paragraph Headline(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        ProgressFigures overall = report.Overall;
        var prose = new ProseBuilder().Text(context.PeriodText + "，全市");
        if (report.ByField.Count >= 2)
        {
            prose.Text(ChineseNumerals.Format(report.ByField.Count) + "大领域");
        }

        prose.Figure(Display.Plain(overall.Count)).Text("项重大项目");
        if (overall.CompletionPct is { } completion)
        {
            prose.Text("完成年计划投资的").Figure(Display.Percent(completion));
            if (overall.ScheduleGapPp is { } gap)
            {
                AppendScheduleComparison(prose, gap);
            }

            MonthOnMonth.AppendPointsChange(prose, Change.Points(completion, MonthOnMonth.Previous(context)?.Overall?.CompletionPct));
        }
        else
        {
            // No annual plan: a completion ratio does not exist, so state the amount instead.
            prose.Text("累计完成投资").Figure(Display.YiYuan(overall.Completed));
        }

        List<ProgressClause> levelClauses = LevelClauses(report, s_headlineLevels);
        for (int i = 0; i < levelClauses.Count; i++)
        {
            prose.Text(i == 0 ? "；其中" : "，");
            AppendLevel(prose, levelClauses[i]);
        }

        return prose.Text("。").Build();
    }

    // The seed's headline names the provincial levels; 市重点 and "5020" follow in the next paragraph.
    private static readonly string[] s_headlineLevels = [ProjectLevels.Provincial, ProjectLevels.ProvincialLargeMedium];

    private static readonly string[] s_otherLevels = [ProjectLevels.Municipal, ProjectLevels.P5020];

    /// <summary>The levels with projects and a completion figure, in <paramref name="levels"/> order; a level with no figure gets no clause.</summary>
    private static List<ProgressClause> LevelClauses(IndicatorReport report, IEnumerable<string> levels) =>
        levels
            .Select(level => (Level: level, Group: report.ByLevel.FirstOrDefault(g => g.Key == level)))
            .Where(l => l.Group is { Figures.Count: > 0, Figures.CompletionPct: not null })
            .Select(l => new ProgressClause(l.Group!.Figures.Count, LevelNoun(l.Level), l.Group.Figures.CompletionPct!.Value))
            .ToList();

    private static void AppendLevel(ProseBuilder prose, ProgressClause clause) =>
        prose.Figure(Display.Plain(clause.Count)).Text("个" + clause.Noun + "完成年计划投资的").Figure(Display.Percent(clause.CompletionPct));

    /// <summary>"，快于序时进度34.8个百分点" / "，慢于…" / "，与序时进度持平".</summary>
    public static void AppendScheduleComparison(ProseBuilder prose, decimal gap)
    {
        string? direction = Display.AheadOrBehind(gap);
        if (direction is null)
        {
            prose.Text("，与序时进度持平");
        }
        else
        {
            prose.Text("，" + direction + "序时进度").Figure(Display.PointsMagnitude(gap));
        }
    }

    public static string LevelNoun(string level) => level switch
    {
        ProjectLevels.P5020 => "“5020”项目",
        _ => level + "项目",
    };

    private static KeyFigures KeyFiguresOf(IndicatorReport report)
    {
        ProgressFigures overall = report.Overall;
        var items = new List<KeyFigure>
        {
            new("重大项目", Display.Plain(overall.Count) + "个"),
            new("累计完成投资", Display.YiYuan(overall.Completed)),
        };
        if (overall.CompletionPct is { } completion)
        {
            items.Add(new KeyFigure("完成年计划投资", Display.Percent(completion)));
        }

        if (overall.ScheduleGapPp is { } gap)
        {
            string? direction = Display.AheadOrBehind(gap);
            items.Add(direction is null
                ? new KeyFigure("与序时进度", "持平")
                : new KeyFigure(direction + "序时进度", Display.PointsMagnitude(gap)));
        }

        return new KeyFigures(items);
    }

    /// <summary>
    /// "年度计划投资X亿元，累计完成投资Y亿元，其中12月完成投资Z亿元；100个市重点项目完成…；计划新开工项目N个，已开工M个，开工率P。"
    /// </summary>
    private static Paragraph? Amounts(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        ProgressFigures overall = report.Overall;
        var prose = new ProseBuilder();
        if (overall.CompletionPct is not null)
        {
            prose.Text("全市重大项目年度计划投资").Figure(Display.YiYuan(overall.AnnualPlan))
                .Text("，累计完成投资").Figure(Display.YiYuan(overall.Completed));
            AppendMonthlyIncrement(prose, report.Period, Change.Amount(overall.Completed, MonthOnMonth.Previous(context)?.Overall?.Completed));
        }

        List<ProgressClause> others = LevelClauses(report, s_otherLevels);
        for (int i = 0; i < others.Count; i++)
        {
            prose.Text(prose.IsEmpty ? string.Empty : i == 0 ? "；" : "，");
            AppendLevel(prose, others[i]);
        }

        if (report.StartRatePct is { } startRate && report.PlannedNewStarts > 0)
        {
            prose.Text(prose.IsEmpty ? string.Empty : "；")
                .Text("计划新开工项目").Figure(Display.Plain(report.PlannedNewStarts)).Text("个，已开工")
                .Figure(Display.Plain(report.StartedNewStarts)).Text("个，开工率").Figure(Display.Percent(startRate));
        }

        return prose.IsEmpty ? null : prose.Text("。").Build();
    }

    // What the month itself added: the cumulative figure less last month's. A resubmission can lower a
    // department's cumulative figure, and the sentence then says so rather than print a negative investment.
    private static void AppendMonthlyIncrement(ProseBuilder prose, ReportingPeriod period, decimal? increment)
    {
        switch (increment)
        {
            case null:
                return;
            case > 0:
                prose.Text("，其中" + MonthOnMonth.MonthName(period) + "完成投资").Figure(MonthOnMonth.Amount(increment.Value));
                return;
            case < 0:
                prose.Text("，较上月减少").Figure(MonthOnMonth.Amount(-increment.Value));
                return;
            default:
                prose.Text("，" + MonthOnMonth.MonthName(period) + "无新增完成投资");
                return;
        }
    }

    private sealed record ProgressClause(int Count, string Noun, decimal CompletionPct);
}
