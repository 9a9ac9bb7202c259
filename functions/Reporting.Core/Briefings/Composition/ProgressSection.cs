using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;
using Reporting.Core.Indicators.Comparison;

namespace Reporting.Core.Briefings.Composition;

/// <summary>二、分县区推进情况 and 三、分领域推进情况: a sentence naming the leaders and the laggards, a table, a chart.</summary>
internal static class ProgressSection
{
    /// <param name="groupNoun">县区 or 领域.</param>
    /// <param name="lead">分县区看 or 分领域看.</param>
    /// <param name="previousOf">How to find a group in last month's comparison (环比); null compares nothing.</param>
    /// <param name="pairedChart">Whether the chart sets each bar against last month's (本月 against 上月).</param>
    public static IReadOnlyList<Block> Build(
        CompositionContext context,
        IReadOnlyList<GroupProgress> groups,
        string groupNoun,
        string lead,
        Func<PeriodComparison, Func<string, GroupProgress?>>? previousOf = null,
        bool pairedChart = false)
    {
        IndicatorReport report = context.Report;
        PeriodComparison? comparison = MonthOnMonth.Previous(context);
        Func<string, GroupProgress?>? previous = comparison is not null && previousOf is not null && comparison.Overall is not null ? previousOf(comparison) : null;
        var blocks = new List<Block>();
        Paragraph? summary = Summary(groups, groupNoun, lead);
        Paragraph? moves = previous is null ? null : MonthOnMonth.RankMoves(groups, previous, groupNoun);

        // The rank moves continue the summary's paragraph: one thought (who leads, who moved), one paragraph.
        if (summary is not null && moves is not null)
        {
            blocks.Add(new Paragraph([.. summary.Runs, .. moves.Runs]));
        }
        else if ((summary ?? moves) is { } only)
        {
            blocks.Add(only);
        }

        blocks.Add(TableOf(context, groups, groupNoun, previous));
        if (groups.Any(g => g.Figures.CompletionPct is not null))
        {
            bool paired = pairedChart && previous is not null;
            string month = MonthOnMonth.MonthName(report.Period);
            string? previousMonth = comparison?.PreviousPeriod is { } p ? MonthOnMonth.MonthName(p) : null;
            blocks.Add(new BarChart(
                context.NextChartCaption("各" + groupNoun + "完成年计划投资比例" + (paired ? "（" + month + "与" + previousMonth + "）" : string.Empty)),
                groups.Select(g => paired && previous!(g.Key)?.Figures.CompletionPct is { } before
                        ? new ChartBar(DataText.Clean(g.Key), g.Figures.CompletionPct, Display.Percent(g.Figures.CompletionPct), before, Display.Percent(before))
                        : new ChartBar(DataText.Clean(g.Key), g.Figures.CompletionPct, Display.Percent(g.Figures.CompletionPct)))
                    .ToArray(),
                report.SchedulePct,
                "序时进度" + Display.Percent(report.SchedulePct),
                paired ? month : null,
                paired ? previousMonth : null));
        }

        return blocks;
    }

    /// <summary>
    /// "分县区看，完成年计划投资比例最高的是湘东区（152.3%），最低的是莲花县（98.1%）；7个县区均快于序时进度。"
    /// Ties share a rank, so "最高的是A、B（…）" names every unit at the top.
    /// </summary>
    public static Paragraph? Summary(IReadOnlyList<GroupProgress> groups, string groupNoun, string lead)
    {
        List<GroupProgress> ranked = groups.Where(g => g.Figures.CompletionPct is not null && g.Rank is not null).ToList();
        if (ranked.Count < 2 && ranked.All(g => g.Figures.ScheduleGapPp is null))
        {
            return null; // nothing to compare and nothing to rank
        }

        var prose = new ProseBuilder().Text(lead + "，");
        bool first = true;
        if (ranked.Count >= 2)
        {
            int best = ranked.Min(g => g.Rank!.Value);
            int worst = ranked.Max(g => g.Rank!.Value);
            prose.Text("完成年计划投资比例最高的是");
            AppendNamesWithPercent(prose, ranked.Where(g => g.Rank == best).ToList());
            if (worst != best)
            {
                prose.Text("，最低的是");
                AppendNamesWithPercent(prose, ranked.Where(g => g.Rank == worst).ToList());
            }

            first = false;
        }

        List<GroupProgress> compared = ranked.Where(g => g.Figures.ScheduleGapPp is not null).ToList();
        List<GroupProgress> ahead = compared.Where(g => Display.AheadOrBehind(g.Figures.ScheduleGapPp!.Value) == "快于").ToList();
        List<GroupProgress> behind = compared.Where(g => Display.AheadOrBehind(g.Figures.ScheduleGapPp!.Value) == "慢于").ToList();
        int level = compared.Count - ahead.Count - behind.Count;
        string unit = "个" + groupNoun;
        if (compared.Count > 0)
        {
            prose.Text(first ? string.Empty : "；");
            string all = compared.Count > 1 ? "均" : string.Empty;
            if (ahead.Count == compared.Count)
            {
                prose.Figure(Display.Plain(compared.Count)).Text(unit + all + "快于序时进度");
            }
            else if (behind.Count == compared.Count)
            {
                prose.Figure(Display.Plain(compared.Count)).Text(unit + all + "慢于序时进度");
            }
            else
            {
                string separator = string.Empty;
                if (ahead.Count > 0)
                {
                    prose.Figure(Display.Plain(ahead.Count)).Text(unit + "快于序时进度");
                    separator = "，";
                }

                if (level > 0)
                {
                    prose.Text(separator).Figure(Display.Plain(level)).Text(unit + "与序时进度持平");
                    separator = "，";
                }

                if (behind.Count > 0)
                {
                    prose.Text(separator).Figure(Display.Plain(behind.Count)).Text(unit + "慢于序时进度");
                    if (behind.Count <= 3)
                    {
                        prose.Text("（" + string.Join("、", behind.Select(g => DataText.Clean(g.Key))) + "）");
                    }
                }
            }
        }

        return prose.Text("。").Build();
    }

    /// <param name="previous">Last month's group by key; with it the table gains 较上月 and 排名变化 columns.</param>
    public static Table TableOf(CompositionContext context, IReadOnlyList<GroupProgress> groups, string groupNoun, Func<string, GroupProgress?>? previous = null)
    {
        List<TableColumn> columns =
        [
            new(groupNoun, ColumnAlignment.Left, 1.6),
            new("项目数", ColumnAlignment.Right),
            new("年度计划\n（亿元）", ColumnAlignment.Right),
            new("累计完成\n（亿元）", ColumnAlignment.Right),
            new("完成率", ColumnAlignment.Right),
            new("与序时比较\n（百分点）", ColumnAlignment.Right),
            new("排名", ColumnAlignment.Center, 0.6),
        ];
        if (previous is not null)
        {
            // Short headers: nine columns must fit the measure without wrapping a figure; the unit is in the note.
            columns.Add(new("完成率\n较上月", ColumnAlignment.Right));
            columns.Add(new("排名\n变化", ColumnAlignment.Center, 0.6));
        }

        var rows = groups.Select(g => new TableRow(
        [
            DataText.Clean(g.Key),
            Display.Plain(g.Figures.Count),
            Display.YiCell(g.Figures.AnnualPlan),
            Display.YiCell(g.Figures.Completed),
            Display.Percent(g.Figures.CompletionPct),
            Display.SignedPoints(g.Figures.ScheduleGapPp),
            g.Rank is { } rank ? Display.Plain(rank) : Display.Missing,
            .. previous is null ? Array.Empty<string>() : ChangeCells(g, previous(g.Key)),
        ])).ToList();
        ProgressFigures overall = context.Report.Overall;
        ProgressFigures? overallBefore = MonthOnMonth.Previous(context)?.Overall;
        rows.Add(new TableRow(
        [
            "全市",
            Display.Plain(overall.Count),
            Display.YiCell(overall.AnnualPlan),
            Display.YiCell(overall.Completed),
            Display.Percent(overall.CompletionPct),
            Display.SignedPoints(overall.ScheduleGapPp),
            Display.Missing,
            .. previous is null ? Array.Empty<string>() : [Display.SignedPoints(Change.Points(overall.CompletionPct, overallBefore?.CompletionPct)), Display.Missing],
        ], TableRowKind.Total));
        string changeNote = previous is null ? string.Empty : "；完成率较上月为本月完成率减上月完成率（百分点），排名变化与上月相比（↑上升、↓下降）";
        return new Table(
            context.NextTableCaption("分" + groupNoun + "重大项目推进情况"),
            columns,
            rows,
            "注：完成率为累计完成投资占年度计划投资的比例；与序时比较为完成率减序时进度（" + Display.Percent(context.Report.SchedulePct) + "）" + changeNote + "。");
    }

    private static string[] ChangeCells(GroupProgress group, GroupProgress? before) =>
    [
        Display.SignedPoints(Change.Points(group.Figures.CompletionPct, before?.Figures.CompletionPct)),
        Display.RankMove(Change.Rank(group.Rank, before?.Rank)),
    ];

    private static void AppendNamesWithPercent(ProseBuilder prose, List<GroupProgress> groups)
    {
        prose.Text(string.Join("、", groups.Select(g => DataText.Clean(g.Key))))
            .Text("（").Figure(Display.Percent(groups[0].Figures.CompletionPct)).Text("）");
    }
}
