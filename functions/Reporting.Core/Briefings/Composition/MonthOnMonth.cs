using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>
/// 环比 in the office's register: 较上月提高/下降X个百分点, 排名上升/下降N位, 与上月持平. Every phrase is left out
/// when there is nothing to compare (January, a previous month without data, a figure missing on either side).
/// </summary>
internal static class MonthOnMonth
{
    /// <summary>The comparison when the previous month has data; null otherwise (nothing is said).</summary>
    public static PeriodComparison? Previous(CompositionContext context) => context.Report.Comparison is { HasPrevious: true } comparison ? comparison : null;

    /// <summary>"，较上月提高2.1个百分点" / "，较上月下降0.4个百分点" / "，与上月持平"; nothing without a change.</summary>
    public static void AppendPointsChange(ProseBuilder prose, decimal? change)
    {
        if (change is not { } points)
        {
            return;
        }

        string? direction = Display.RiseOrFall(points);
        if (direction is null)
        {
            prose.Text("，与上月持平");
        }
        else
        {
            prose.Text("，较上月" + direction).Figure(Display.PointsMagnitude(points));
        }
    }

    /// <summary>"排名上升2位" / "排名下降1位" / "排名与上月持平".</summary>
    public static string RankPhrase(int placesUp) => placesUp switch
    {
        > 0 => "排名上升" + Display.Plain(placesUp) + "位",
        < 0 => "排名下降" + Display.Plain(-placesUp) + "位",
        _ => "排名与上月持平",
    };

    /// <summary>
    /// "与上月相比，湘东区排名上升2位，莲花县排名下降1位，其余5个县区排名与上月持平。" Units without a rank in
    /// either month are not mentioned; null when no unit can be compared.
    /// </summary>
    public static Paragraph? RankMoves(IReadOnlyList<GroupProgress> groups, Func<string, GroupProgress?> previousOf, string groupNoun)
    {
        var moves = groups
            .Select(g => (Group: g, Up: Change.Rank(g.Rank, previousOf(g.Key)?.Rank)))
            .Where(m => m.Up is not null)
            .ToList();
        if (moves.Count == 0)
        {
            return null;
        }

        var prose = new ProseBuilder().Text("与上月相比，");
        var moved = moves.Where(m => m.Up != 0).OrderByDescending(m => m.Up).ToList();
        int same = moves.Count - moved.Count;
        if (moved.Count == 0)
        {
            return prose.Text("各" + groupNoun + "排名均与上月持平。").Build();
        }

        for (int i = 0; i < moved.Count; i++)
        {
            prose.Text((i == 0 ? string.Empty : "，") + DataText.Clean(moved[i].Group.Key) + (moved[i].Up > 0 ? "排名上升" : "排名下降"))
                .Figure(Display.Plain(Math.Abs(moved[i].Up!.Value))).Text("位");
        }

        if (same > 0)
        {
            prose.Text("，其余").Figure(Display.Plain(same)).Text("个" + groupNoun + "排名与上月持平");
        }

        return prose.Text("。").Build();
    }

    /// <summary>A month's increment: "6.5亿元", or "598万元" below 1亿元, where 亿元 with two decimals would round a small county's month away.</summary>
    public static string Amount(decimal wan) => Math.Abs(wan) < 10_000m ? Display.WanYuan(wan) : Display.YiYuan(wan);

    /// <summary>"12月" — the month a monthly increment belongs to.</summary>
    public static string MonthName(ReportingPeriod period) => Display.Plain(period.Month) + "月";
}
