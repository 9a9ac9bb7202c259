namespace Reporting.Core.Numbers;

/// <summary>Exact decimal ratios. Nothing here rounds; a missing or non-positive denominator gives null ("—").</summary>
public static class Percentages
{
    private const decimal MaxRatio = 1_000_000_000_000_000_000_000_000m;

    /// <summary>numerator / denominator × 100, or null when the denominator is not positive.</summary>
    public static decimal? Of(decimal numerator, decimal denominator) =>
        denominator > 0 && Fits(numerator, denominator) ? numerator / denominator * 100m : null;

    /// <summary>
    /// Growth in percent: (value − prior) / prior × 100; null without a positive base (统计上不计算负基数的增速), and null for
    /// a value below zero (a profit turned into a loss is 由盈转亏, not "−240%").
    /// </summary>
    public static decimal? Growth(decimal? value, decimal? prior) =>
        value is { } v && prior is { } p && p > 0 && v >= 0 && Fits(v - p, p) ? (v - p) / p * 100m : null;

    /// <summary>a − b in percentage points, from the unrounded values; null when either is missing.</summary>
    public static decimal? Points(decimal? a, decimal? b) => a is { } x && b is { } y ? x - y : null;

    /// <summary>序时进度 of a cumulative monthly period: month / 12 × 100.</summary>
    public static decimal Schedule(ReportingPeriod period) => period.Month * 100m / 12m;

    /// <summary>
    /// Whether |numerator| / denominator × 100 stays inside decimal's range (with room to spare). A ratio beyond
    /// 10^24 (completed 100 over a plan of 1E-25) means nothing and would throw; it is shown as "—".
    /// </summary>
    private static bool Fits(decimal numerator, decimal denominator) => Math.Abs(numerator) / MaxRatio <= denominator;

    /// <summary>The same value without trailing zeros (134.800 → 134.8), for readable JSON. Not a rounding.</summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
