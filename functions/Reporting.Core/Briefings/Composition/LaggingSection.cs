using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>六、需关注的问题: red then yellow lagging projects by name, with county, responsible unit, completion and stated issue.</summary>
internal static class LaggingSection
{
    public const string Title = "需关注的问题";

    public static IReadOnlyList<Block> Build(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        IndicatorOptions thresholds = context.Reporting.Indicators;
        string yellow = Display.Plain(Math.Abs(thresholds.YellowGapPp)) + "个百分点";
        string red = Display.Plain(Math.Abs(thresholds.RedGapPp)) + "个百分点";
        if (report.Lagging.Count == 0)
        {
            return [new ProseBuilder().Text("本期无完成率慢于序时进度" + yellow + "以上的项目。").Build()];
        }

        List<LaggingProject> reds = report.Lagging.Where(p => p.Severity == LagSeverity.Red).ToList();
        List<LaggingProject> yellows = report.Lagging.Where(p => p.Severity == LagSeverity.Yellow).ToList();
        var prose = new ProseBuilder()
            .Text("对照序时进度，全市共有").Figure(Display.Plain(report.Lagging.Count))
            .Text("个项目完成率慢于序时进度" + yellow + "以上，其中红色预警（慢于" + red + "以上）")
            .Figure(Display.Plain(reds.Count)).Text("个，黄色预警").Figure(Display.Plain(yellows.Count)).Text("个");
        // Most first; ties in the report's county order, so the sentence reads like the county table.
        List<string> countyOrder = report.ByCounty.Select(g => g.Key).ToList();
        List<IGrouping<string, LaggingProject>> byCounty = report.Lagging.GroupBy(p => p.County)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => countyOrder.IndexOf(g.Key) is var index and >= 0 ? index : int.MaxValue)
            .ToList();
        prose.Text("。从县区看，");
        for (int i = 0; i < byCounty.Count; i++)
        {
            prose.Text((i == 0 ? string.Empty : "、") + DataText.Clean(byCounty[i].Key)).Figure(Display.Plain(byCounty[i].Count())).Text("个");
        }

        prose.Text("。请相关县区和责任单位对照问题清单加快推进。");
        var blocks = new List<Block> { prose.Build() };
        int subsection = 0;
        if (reds.Count > 0)
        {
            blocks.Add(new Subheading("（" + ChineseNumerals.Format(++subsection) + "）红色预警项目（" + Display.Plain(reds.Count) + "个）"));
            blocks.Add(TableOf(context, reds, "红色预警项目清单"));
        }

        if (yellows.Count > 0)
        {
            blocks.Add(new Subheading("（" + ChineseNumerals.Format(++subsection) + "）黄色预警项目（" + Display.Plain(yellows.Count) + "个）"));
            blocks.Add(TableOf(context, yellows, "黄色预警项目清单"));
        }

        return blocks;
    }

    private static Table TableOf(CompositionContext context, IReadOnlyList<LaggingProject> projects, string title)
    {
        TableColumn[] columns =
        [
            new("序号", ColumnAlignment.Center, 0.5),
            new("项目名称", ColumnAlignment.Left, 2.4),
            new("县区", ColumnAlignment.Left, 1.1),
            new("责任单位", ColumnAlignment.Left, 1.3),
            new("完成率", ColumnAlignment.Right, 0.8),
            new("与序时比较\n（百分点）", ColumnAlignment.Right, 0.8),
            new("存在问题", ColumnAlignment.Left, 2.4),
        ];
        TableRow[] rows = projects.Select((p, i) => new TableRow(
        [
            Display.Plain(i + 1),
            DataText.OrMissing(p.Name),
            DataText.OrMissing(p.County),
            DataText.OrMissing(string.IsNullOrWhiteSpace(p.ResponsibleUnit) ? p.Owner : p.ResponsibleUnit),
            Display.Percent(p.CompletionPct),
            Display.SignedPoints(p.ScheduleGapPp),
            DataText.OrMissing(p.Issues),
        ])).ToArray();
        return new Table(context.NextTableCaption(title), columns, rows);
    }
}
