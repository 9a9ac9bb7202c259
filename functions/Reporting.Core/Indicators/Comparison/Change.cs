namespace Reporting.Core.Indicators.Comparison;

/// <summary>
/// 环比 changes from unrounded figures: this month minus last month. Null ("—") whenever either side is
/// missing; a missing previous month is never taken as 0.
/// </summary>
public static class Change
{
    /// <summary>Percentage-point change of a percentage (completion): current − previous, unrounded.</summary>
    public static decimal? Points(decimal? current, decimal? previous) => current is { } c && previous is { } p ? c - p : null;

    /// <summary>Change of an amount (万元) or a count.</summary>
    public static decimal? Amount(decimal? current, decimal? previous) => current is { } c && previous is { } p ? c - p : null;

    public static int? Count(int? current, int? previous) => current is { } c && previous is { } p ? c - p : null;

    /// <summary>Places moved up: previous rank − current rank (a rank of 3 last month and 1 now is +2, 排名上升2位).</summary>
    public static int? Rank(int? current, int? previous) => current is { } c && previous is { } p ? p - c : null;
}
