using System.Text.Json;
using Reporting.Core.Numbers;
using static Reporting.Core.Indicators.IndicatorIds;

namespace Reporting.Core.Indicators;

/// <summary>
/// Flattens a report into id → value, in a stable order. Amounts in 万元 and percentages
/// unrounded (trailing zeros dropped, nothing rounded); a value that cannot be computed is null.
/// </summary>
public static class IndicatorCatalog
{
    public static IReadOnlyDictionary<string, object?> Flatten(IndicatorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            [ProjectsCount] = report.Overall.Count,
            [ProjectsAnnualPlan] = Clean(report.Overall.AnnualPlan),
            [ProjectsCompleted] = Clean(report.Overall.Completed),
            [ProjectsCompletionPct] = Clean(report.Overall.CompletionPct),
            [ProjectsSchedulePct] = Clean(report.SchedulePct),
            [ProjectsScheduleGapPp] = Clean(report.Overall.ScheduleGapPp),
        };

        foreach (GroupProgress county in report.ByCounty)
        {
            AddGroup(values, county, m => ByCounty(county.Key, m), withRank: true);
        }

        foreach (GroupProgress field in report.ByField)
        {
            AddGroup(values, field, m => ByField(field.Key, m), withRank: true);
        }

        foreach (GroupProgress level in report.ByLevel)
        {
            AddGroup(values, level, m => Level(level.Key, m), withRank: false);
        }

        values[ProjectsStartRatePct] = Clean(report.StartRatePct);
        values[ProjectsPlannedNewStarts] = report.PlannedNewStarts;
        values[ProjectsStartedNewStarts] = report.StartedNewStarts;
        values[ProjectsLagging] = report.Lagging;

        SigningSummary? signings = report.Signings;
        values[SigningsCount] = signings?.Count;
        values[SigningsOver100mCount] = signings?.Over100mCount;
        values[SigningsP5020Count] = signings?.P5020Count;
        values[SigningsAmount] = Clean(signings?.Amount);
        foreach (RegionSignings region in signings?.ByRegion ?? [])
        {
            values[SigningsRegion(region.Region, Measures.Count)] = region.Count;
            values[SigningsRegion(region.Region, Measures.Amount)] = Clean(region.Amount);
        }

        foreach (MetricIndicator metric in report.Metrics)
        {
            values[Metric(metric.Name, Measures.Value)] = Clean(metric.Value);
            values[Metric(metric.Name, Measures.Unit)] = metric.Unit;
            values[Metric(metric.Name, Measures.Prior)] = Clean(metric.Prior);
            values[Metric(metric.Name, Measures.YoyPct)] = Clean(metric.YoyPct);
            values[Metric(metric.Name, Measures.YoyIsReported)] = metric.YoyIsReported;
            values[Metric(metric.Name, Measures.SharePct)] = Clean(metric.SharePct);
            values[Metric(metric.Name, Measures.SharePriorPct)] = Clean(metric.SharePriorPct);
            values[Metric(metric.Name, Measures.ShareChangePp)] = Clean(metric.ShareChangePp);
        }

        return values;
    }

    /// <summary>The flattened report as JSON in the project's one convention.</summary>
    public static string ToJson(IndicatorReport report) => JsonSerializer.Serialize(Flatten(report), ReportingJson.Options);

    private static void AddGroup(OrderedDictionary<string, object?> values, GroupProgress group, Func<string, string> id, bool withRank)
    {
        values[id(Measures.Count)] = group.Figures.Count;
        values[id(Measures.AnnualPlan)] = Clean(group.Figures.AnnualPlan);
        values[id(Measures.Completed)] = Clean(group.Figures.Completed);
        values[id(Measures.CompletionPct)] = Clean(group.Figures.CompletionPct);
        values[id(Measures.ScheduleGapPp)] = Clean(group.Figures.ScheduleGapPp);
        if (withRank)
        {
            values[id(Measures.Rank)] = group.Rank;
        }
    }

    private static decimal? Clean(decimal? value) => value is { } v ? Percentages.Trim(v) : null;
}
