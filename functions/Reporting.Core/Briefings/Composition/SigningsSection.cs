using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>四、招商引资: "全市新签约招商项目185个，其中亿元以上项目133个，“5020”项目23个，签约金额…" and a table by source region.</summary>
internal static class SigningsSection
{
    public const string Title = "招商引资";

    public static IReadOnlyList<Block> Build(CompositionContext context)
    {
        SigningSummary? signings = context.Report.Signings;
        if (signings is null)
        {
            return [new ProseBuilder().Text("本期未收到招商引资签约数据。").Build()];
        }

        if (signings.Count == 0)
        {
            return [new ProseBuilder().Text(context.PeriodText + "，全市无新签约招商项目。").Build()];
        }

        var blocks = new List<Block> { Headline(context, signings) };
        if (signings.ByRegion.Count > 0)
        {
            blocks.Add(RegionTable(context, signings));
        }

        return blocks;
    }

    public static Paragraph Headline(CompositionContext context, SigningSummary signings)
    {
        var prose = new ProseBuilder()
            .Text(context.PeriodText + "，全市新签约招商项目").Figure(Display.Plain(signings.Count)).Text("个，其中");
        if (signings.Over100mCount > 0)
        {
            prose.Text("亿元以上项目").Figure(Display.Plain(signings.Over100mCount)).Text("个");
        }
        else
        {
            prose.Text("暂无亿元以上项目");
        }

        if (signings.P5020Count > 0)
        {
            prose.Text("，“5020”项目").Figure(Display.Plain(signings.P5020Count)).Text("个");
        }
        else
        {
            prose.Text("，暂无“5020”项目");
        }

        prose.Text("；签约金额").Figure(Display.YiYuan(signings.Amount));
        List<RegionSignings> regions = signings.ByRegion.Where(r => r.Count > 0).ToList();
        if (regions.Count > 0)
        {
            RegionSignings largest = regions.OrderByDescending(r => r.Amount).ThenByDescending(r => r.Count).First();
            prose.Text("。从来源地看，来自" + DataText.Clean(largest.Region) + "的项目签约金额最大，")
                .Figure(Display.Plain(largest.Count)).Text("个项目签约")
                .Figure(Display.YiYuan(largest.Amount));
            if (signings.Amount > 0)
            {
                prose.Text("，占").Figure(Display.Percent(largest.Amount / signings.Amount * 100m));
            }
        }

        prose.Text("。");
        AppendMonthChange(context, prose, signings);
        return prose.Build();
    }

    /// <summary>"与上月相比，新增签约项目12个，其中亿元以上8个，签约金额增加9.6亿元。" Nothing without last month's signings.</summary>
    private static void AppendMonthChange(CompositionContext context, ProseBuilder prose, SigningSummary signings)
    {
        if (MonthOnMonth.Previous(context)?.Signings is not { } before)
        {
            return;
        }

        int added = signings.Count - before.Count;
        int over100m = signings.Over100mCount - before.Over100mCount;
        decimal amount = signings.Amount - before.Amount;
        if (added == 0 && amount == 0)
        {
            prose.Text("与上月相比，签约项目数和签约金额持平。");
            return;
        }

        prose.Text("与上月相比，签约项目" + (added >= 0 ? "增加" : "减少")).Figure(Display.Plain(Math.Abs(added))).Text("个");
        if (over100m > 0)
        {
            prose.Text("，其中亿元以上").Figure(Display.Plain(over100m)).Text("个");
        }

        if (amount != 0)
        {
            prose.Text("，签约金额" + (amount > 0 ? "增加" : "减少")).Figure(MonthOnMonth.Amount(Math.Abs(amount)));
        }

        prose.Text("。");
    }

    private static Table RegionTable(CompositionContext context, SigningSummary signings)
    {
        TableColumn[] columns =
        [
            new("来源地区", ColumnAlignment.Left, 1.6),
            new("签约项目\n（个）", ColumnAlignment.Right),
            new("签约金额\n（亿元）", ColumnAlignment.Right),
            new("金额占比", ColumnAlignment.Right),
        ];
        var rows = signings.ByRegion.Select(r => new TableRow(
        [
            DataText.OrMissing(r.Region),
            Display.Plain(r.Count),
            Display.YiCell(r.Amount),
            Display.Percent(signings.Amount > 0 ? r.Amount / signings.Amount * 100m : null),
        ])).ToList();
        rows.Add(new TableRow(
        [
            "合计",
            Display.Plain(signings.Count),
            Display.YiCell(signings.Amount),
            Display.Percent(signings.Amount > 0 ? 100m : null),
        ], TableRowKind.Total));
        return new Table(context.NextTableCaption("新签约招商项目来源地区分布"), columns, rows);
    }
}
