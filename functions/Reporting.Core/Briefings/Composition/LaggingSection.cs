using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>
/// 六、需关注的问题: red then yellow lagging projects by name, with county, responsible unit, completion and stated
/// issue; what changed since last month; and, beyond <see cref="BriefingOptions.LaggingListLimit"/>, only the
/// projects furthest behind, "等M个项目" for the rest, whose full list travels as the attached workbook.
/// </summary>
internal static class LaggingSection
{
    public const string Title = "需关注的问题";

    /// <summary>The attached workbook's title as the prose names it (the file is 滞后项目清单.xlsx).</summary>
    public const string AttachmentTitle = "滞后项目清单";

    public static IReadOnlyList<Block> Build(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        IndicatorOptions thresholds = context.Reporting.Indicators;
        string yellow = Display.Plain(Math.Abs(thresholds.YellowGapPp)) + "个百分点";
        string red = Display.Plain(Math.Abs(thresholds.RedGapPp)) + "个百分点";
        if (report.Lagging.Count == 0)
        {
            Paragraph none = new ProseBuilder().Text("本期无完成率慢于序时进度" + yellow + "以上的项目。").Build();
            return Changes(context) is { } cleared ? [none, cleared] : [none];
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
        if (Changes(context) is { } changes)
        {
            blocks.Add(changes);
        }

        int limit = context.Briefing.LaggingListLimit;
        if (limit > 0 && report.Lagging.Count > limit)
        {
            // The furthest behind first: the report lists red before yellow and, within each, the largest gap
            // first, so the first N are the N furthest behind; they keep the red and yellow lists of a short briefing.
            List<LaggingProject> named = report.Lagging.Take(limit).ToList();
            AddNamed(context, blocks, named.Where(p => p.Severity == LagSeverity.Red).ToList(), reds.Count, "红色预警项目");
            AddNamed(context, blocks, named.Where(p => p.Severity == LagSeverity.Yellow).ToList(), yellows.Count, "黄色预警项目");
            blocks.Add(Remainder(report.Lagging, named.Count));
            return blocks;
        }

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

    /// <summary>
    /// "与上月相比，滞后项目增加3个；新增滞后项目5个（甲、乙、丙等），不再滞后项目2个。" Names at most
    /// <see cref="NamedChanges"/> projects; null without a previous month.
    /// </summary>
    public static Paragraph? Changes(CompositionContext context)
    {
        if (MonthOnMonth.Previous(context) is not { Lagging: { } before } comparison || (before.Total == 0 && context.Report.Lagging.Count == 0))
        {
            return null;
        }

        int change = context.Report.Lagging.Count - before.Total;
        var prose = new ProseBuilder().Text("与上月相比，滞后项目");
        if (change == 0)
        {
            prose.Text("数量持平");
        }
        else
        {
            prose.Text(change > 0 ? "增加" : "减少").Figure(Display.Plain(Math.Abs(change))).Text("个");
        }

        prose.Text("；新增滞后项目").Figure(Display.Plain(comparison.NewlyLagging.Count)).Text("个");
        AppendNames(prose, comparison.NewlyLagging);
        prose.Text("，不再滞后项目").Figure(Display.Plain(comparison.NoLongerLagging.Count)).Text("个");
        AppendNames(prose, comparison.NoLongerLagging);
        return prose.Text("。").Build();
    }

    // "（一）红色预警项目（共250个，列出最滞后的20个）" and its table; nothing when none of the named is of this colour.
    private static void AddNamed(CompositionContext context, List<Block> blocks, List<LaggingProject> named, int total, string title)
    {
        if (named.Count == 0)
        {
            return;
        }

        int number = blocks.OfType<Subheading>().Count() + 1;
        string count = named.Count == total ? Display.Plain(total) + "个" : "共" + Display.Plain(total) + "个，列出最滞后的" + Display.Plain(named.Count) + "个";
        blocks.Add(new Subheading("（" + ChineseNumerals.Format(number) + "）" + title + "（" + count + "）"));
        blocks.Add(TableOf(context, named, title + "清单"));
    }

    /// <summary>How many projects the change sentence names before "等".</summary>
    public const int NamedChanges = 3;

    private static void AppendNames(ProseBuilder prose, IReadOnlyList<LaggingProject> projects)
    {
        if (projects.Count == 0)
        {
            return;
        }

        string names = string.Join("、", projects.Take(NamedChanges).Select(p => DataText.OrMissing(p.Name)));
        prose.Text("（" + names + (projects.Count > NamedChanges ? "等" : string.Empty) + "）");
    }

    /// <summary>"限于篇幅，上表仅列慢于序时进度最多的20个项目，其余红色预警X个、黄色预警Y个等M个项目详见附件《滞后项目清单》。"</summary>
    private static Paragraph Remainder(IReadOnlyList<LaggingProject> lagging, int named)
    {
        int red = 0;
        for (int i = named; i < lagging.Count; i++)
        {
            red += lagging[i].Severity == LagSeverity.Red ? 1 : 0;
        }

        int rest = lagging.Count - named;
        var prose = new ProseBuilder().Text("限于篇幅，上表仅列慢于序时进度最多的" + Display.Plain(named) + "个项目，其余");
        if (red > 0)
        {
            prose.Text("红色预警").Figure(Display.Plain(red)).Text("个");
        }

        if (rest - red > 0)
        {
            prose.Text((red > 0 ? "、" : string.Empty) + "黄色预警").Figure(Display.Plain(rest - red)).Text("个");
        }

        return prose.Text("等").Figure(Display.Plain(rest)).Text("个项目（含县区、领域、完成情况和存在问题）详见附件《" + AttachmentTitle + "》。").Build();
    }

    private static Table TableOf(CompositionContext context, IReadOnlyList<LaggingProject> projects, string title)
    {
        List<TableColumn> columns =
        [
            new("序号", ColumnAlignment.Center, 0.5),
            new("项目名称", ColumnAlignment.Left, 2.4),
            new("县区", ColumnAlignment.Left, 1.1),
            new("责任单位", ColumnAlignment.Left, 1.3),
            new("完成率", ColumnAlignment.Right, 0.8),
            new("与序时比较\n（百分点）", ColumnAlignment.Right, 0.8),
        ];
        columns.Add(new("存在问题", ColumnAlignment.Left, 2.4));
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
