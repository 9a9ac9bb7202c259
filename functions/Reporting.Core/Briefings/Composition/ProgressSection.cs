using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>二、分县区推进情况 and 三、分领域推进情况: a sentence naming the leaders and the laggards, a table, a chart.</summary>
internal static class ProgressSection
{
    /// <param name="groupNoun">县区 or 领域.</param>
    /// <param name="lead">分县区看 or 分领域看.</param>
    public static IReadOnlyList<Block> Build(CompositionContext context, IReadOnlyList<GroupProgress> groups, string groupNoun, string lead)
    {
        IndicatorReport report = context.Report;
        var blocks = new List<Block>();
        Paragraph? summary = Summary(groups, groupNoun, lead);
        if (summary is not null)
        {
            blocks.Add(summary);
        }

        blocks.Add(TableOf(context, groups, groupNoun));
        if (groups.Any(g => g.Figures.CompletionPct is not null))
        {
            blocks.Add(new BarChart(
                context.NextChartCaption("各" + groupNoun + "完成年计划投资比例"),
                groups.Select(g => new ChartBar(DataText.Clean(g.Key), g.Figures.CompletionPct, Display.Percent(g.Figures.CompletionPct))).ToArray(),
                report.SchedulePct,
                "序时进度" + Display.Percent(report.SchedulePct)));
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

    public static Table TableOf(CompositionContext context, IReadOnlyList<GroupProgress> groups, string groupNoun)
    {
        TableColumn[] columns =
        [
            new(groupNoun, ColumnAlignment.Left, 1.6),
            new("项目数", ColumnAlignment.Right),
            new("年度计划\n（亿元）", ColumnAlignment.Right),
            new("累计完成\n（亿元）", ColumnAlignment.Right),
            new("完成率", ColumnAlignment.Right),
            new("与序时比较\n（百分点）", ColumnAlignment.Right),
            new("排名", ColumnAlignment.Center, 0.6),
        ];
        var rows = groups.Select(g => new TableRow(
        [
            DataText.Clean(g.Key),
            Display.Plain(g.Figures.Count),
            Display.YiCell(g.Figures.AnnualPlan),
            Display.YiCell(g.Figures.Completed),
            Display.Percent(g.Figures.CompletionPct),
            Display.SignedPoints(g.Figures.ScheduleGapPp),
            g.Rank is { } rank ? Display.Plain(rank) : Display.Missing,
        ])).ToList();
        ProgressFigures overall = context.Report.Overall;
        rows.Add(new TableRow(
        [
            "全市",
            Display.Plain(overall.Count),
            Display.YiCell(overall.AnnualPlan),
            Display.YiCell(overall.Completed),
            Display.Percent(overall.CompletionPct),
            Display.SignedPoints(overall.ScheduleGapPp),
            Display.Missing,
        ], TableRowKind.Total));
        return new Table(
            context.NextTableCaption("分" + groupNoun + "重大项目推进情况"),
            columns,
            rows,
            "注：完成率为累计完成投资占年度计划投资的比例；与序时比较为完成率减序时进度（" + Display.Percent(context.Report.SchedulePct) + "）。");
    }

    private static void AppendNamesWithPercent(ProseBuilder prose, List<GroupProgress> groups)
    {
        prose.Text(string.Join("、", groups.Select(g => DataText.Clean(g.Key))))
            .Text("（").Figure(Display.Percent(groups[0].Figures.CompletionPct)).Text("）");
    }
}
