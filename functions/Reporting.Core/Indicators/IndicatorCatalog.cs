using System.Text.Json;
using Reporting.Core.Indicators.Comparison;
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

        AddChanges(values, report);
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

    // 环比 after everything else, so the ids that existed before keep their order. Every change is null ("—")
    // when there is no comparison; change.basis says why.
    private static void AddChanges(OrderedDictionary<string, object?> values, IndicatorReport report)
    {
        PeriodComparison? comparison = report.Comparison;
        PeriodComparison previous = comparison is { HasPrevious: true } ? comparison : s_none;
        values[ChangeBasis] = comparison is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(comparison.Basis.ToString());
        values[ChangePreviousPeriod] = comparison?.PreviousPeriod?.ToString();

        ProgressFigures? overall = previous.Overall;
        values[Changed(ProjectsCount)] = Change.Count(report.Overall.Count, overall?.Count);
        values[Changed(ProjectsCompleted)] = Clean(Change.Amount(report.Overall.Completed, overall?.Completed));
        values[ChangedPp(ProjectsCompletionPct)] = Clean(Change.Points(report.Overall.CompletionPct, overall?.CompletionPct));
        foreach (GroupProgress county in report.ByCounty)
        {
            AddGroupChange(values, county, previous.PreviousCounty(county.Key), m => ByCounty(county.Key, m), withRank: true);
        }

        foreach (GroupProgress field in report.ByField)
        {
            AddGroupChange(values, field, previous.PreviousField(field.Key), m => ByField(field.Key, m), withRank: true);
        }

        foreach (GroupProgress level in report.ByLevel)
        {
            AddGroupChange(values, level, previous.PreviousLevel(level.Key), m => Level(level.Key, m), withRank: false);
        }

        LaggingCounts now = LaggingCounts.Of(report.Lagging);
        LaggingCounts? before = previous.Lagging;
        values[ProjectsLaggingCount] = now.Total;
        values[Changed(ProjectsLaggingCount)] = Change.Count(now.Total, before?.Total);
        values[ProjectsLaggingRedCount] = now.Red;
        values[Changed(ProjectsLaggingRedCount)] = Change.Count(now.Red, before?.Red);
        values[ProjectsLaggingYellowCount] = now.Yellow;
        values[Changed(ProjectsLaggingYellowCount)] = Change.Count(now.Yellow, before?.Yellow);
        values[ProjectsNewlyLagging] = comparison is { HasPrevious: true } ? comparison.NewlyLagging : null;
        values[ProjectsNoLongerLagging] = comparison is { HasPrevious: true } ? comparison.NoLongerLagging : null;

        SigningSummary? signings = report.Signings;
        SigningSummary? earlier = previous.Signings;
        values[Changed(SigningsCount)] = Change.Count(signings?.Count, earlier?.Count);
        values[Changed(SigningsOver100mCount)] = Change.Count(signings?.Over100mCount, earlier?.Over100mCount);
        values[Changed(SigningsP5020Count)] = Change.Count(signings?.P5020Count, earlier?.P5020Count);
        values[Changed(SigningsAmount)] = Clean(Change.Amount(signings?.Amount, earlier?.Amount));

        values[ProjectsSeries] = report.Series
            .Select(m => new SeriesPoint(m.Period.ToString(), Percentages.Trim(m.SchedulePct), m.Figures?.Count, Clean(m.Figures?.CompletionPct)))
            .ToList();
    }

    private static readonly PeriodComparison s_none = new() { Basis = ComparisonBasis.NoPreviousData };

    private static void AddGroupChange(OrderedDictionary<string, object?> values, GroupProgress group, GroupProgress? previous, Func<string, string> id, bool withRank)
    {
        values[Changed(id(Measures.Count))] = Change.Count(group.Figures.Count, previous?.Figures.Count);
        values[Changed(id(Measures.Completed))] = Clean(Change.Amount(group.Figures.Completed, previous?.Figures.Completed));
        values[ChangedPp(id(Measures.CompletionPct))] = Clean(Change.Points(group.Figures.CompletionPct, previous?.Figures.CompletionPct));
        if (withRank)
        {
            values[Changed(id(Measures.Rank))] = Change.Rank(group.Rank, previous?.Rank);
        }
    }

    /// <summary>One month of <c>projects.series</c>; a month without data writes its figures as null (not left out), like every other id.</summary>
    public sealed record SeriesPoint(
        string Period,
        decimal SchedulePct,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] int? Count,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] decimal? CompletionPct);

    private static decimal? Clean(decimal? value) => value is { } v ? Percentages.Trim(v) : null;
}
