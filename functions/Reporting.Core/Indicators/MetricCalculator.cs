using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Indicators;

/// <summary>产业运行 metrics: value, prior, growth (the reported rate first), share and the change in share.</summary>
public static class MetricCalculator
{
    /// <summary>
    /// yoyPct is the department's reported rate when there is one (growth at comparable prices
    /// differs from the ratio of current-price levels), else (value − prior) / prior × 100 — except for a rate
    /// (unit %), whose change is in points, not a percentage.
    /// shareChangePp is share − sharePrior from the unrounded values.
    /// </summary>
    public static MetricIndicator Compute(MetricRecord record, string department)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool reported = record.YoyReported is not null;
        return new MetricIndicator
        {
            Name = record.Name,
            Unit = record.Unit,
            Value = record.Value,
            Prior = record.Prior,
            YoyPct = record.YoyReported ?? (IsRate(record.Unit) ? null : Percentages.Growth(record.Value, record.Prior)),
            YoyIsReported = reported,
            SharePct = record.Share,
            SharePriorPct = record.SharePrior,
            ShareChangePp = Percentages.Points(record.Share, record.SharePrior),
            Note = record.Note,
            Department = department,
        };
    }

    // A rate (增速 8.5% against 7.9%) changes by points: its "growth" as a ratio of two rates is no figure a briefing may print.
    private static bool IsRate(string? unit) => unit?.Trim() is "%" or "％" or "‰" or "个百分点" or "百分点";
}
