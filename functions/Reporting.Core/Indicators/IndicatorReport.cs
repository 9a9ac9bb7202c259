using System.Text.Json.Serialization;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators;

/// <summary>
/// Progress of a group of projects. Amounts in 万元; percentages unrounded (rounding happens only
/// at display). A percentage is null when its denominator is zero: printed as "—", never NaN.
/// </summary>
public sealed record ProgressFigures
{
    public required int Count { get; init; }

    public required decimal AnnualPlan { get; init; }

    public required decimal Completed { get; init; }

    /// <summary>completed / annualPlan × 100.</summary>
    public decimal? CompletionPct { get; init; }

    /// <summary>completionPct − schedulePct, in percentage points (+ ahead, − behind).</summary>
    public decimal? ScheduleGapPp { get; init; }
}

/// <summary>One row of a by-county, by-field or by-level breakdown.</summary>
public sealed record GroupProgress
{
    public required string Key { get; init; }

    public required ProgressFigures Figures { get; init; }

    /// <summary>1 = highest completion; ties share a rank; null when completion is undefined.</summary>
    public int? Rank { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<LagSeverity>))]
public enum LagSeverity
{
    /// <summary>Between the yellow and red thresholds behind schedule.</summary>
    [JsonStringEnumMemberName("yellow")]
    Yellow,

    /// <summary>Beyond the red threshold behind schedule.</summary>
    [JsonStringEnumMemberName("red")]
    Red,
}

public sealed record LaggingProject
{
    public required string Name { get; init; }

    /// <summary>项目代码 when the sheet gives one: how the same project is recognised from one month to the next.</summary>
    public string? Code { get; init; }

    public required string County { get; init; }

    public required string Field { get; init; }

    public string? ResponsibleUnit { get; init; }

    public string? Owner { get; init; }

    public string? Issues { get; init; }

    public required decimal AnnualPlan { get; init; }

    public required decimal Completed { get; init; }

    public required decimal CompletionPct { get; init; }

    public required decimal ScheduleGapPp { get; init; }

    public required LagSeverity Severity { get; init; }

    /// <summary>Submitting department id, so the briefing can say where the figure comes from.</summary>
    public required string Department { get; init; }
}

public sealed record RegionSignings(string Region, int Count, decimal Amount);

public sealed record SigningSummary
{
    public required int Count { get; init; }

    /// <summary>亿元以上: amount ≥ 10,000 万元.</summary>
    public required int Over100mCount { get; init; }

    public required int P5020Count { get; init; }

    /// <summary>签约金额, 万元.</summary>
    public required decimal Amount { get; init; }

    public IReadOnlyList<RegionSignings> ByRegion { get; init; } = [];
}

public sealed record MetricIndicator
{
    public required string Name { get; init; }

    public string? Unit { get; init; }

    public decimal? Value { get; init; }

    public decimal? Prior { get; init; }

    /// <summary>同比增长 %: the reported rate when given, else (value − prior) / prior × 100.</summary>
    public decimal? YoyPct { get; init; }

    /// <summary>True when <see cref="YoyPct"/> is the department's reported (e.g. comparable-price) rate.</summary>
    public bool YoyIsReported { get; init; }

    public decimal? SharePct { get; init; }

    public decimal? SharePriorPct { get; init; }

    /// <summary>sharePct − sharePriorPct in percentage points, from unrounded values.</summary>
    public decimal? ShareChangePp { get; init; }

    public string? Note { get; init; }

    public required string Department { get; init; }
}

/// <summary>Which submission each figure comes from (figures from scheduling sheets are not official statistics).</summary>
public sealed record SourceNote(string Department, DatasetKind Kind, ReportingPeriod Period, string SourceFile, DateTimeOffset ReceivedAt, int Records);

/// <summary>All indicators for one period, computed from the latest accepted submission per department and kind.</summary>
public sealed record IndicatorReport
{
    public required ReportingPeriod Period { get; init; }

    /// <summary>序时进度 = month / 12 × 100.</summary>
    public required decimal SchedulePct { get; init; }

    public required ProgressFigures Overall { get; init; }

    public IReadOnlyList<GroupProgress> ByCounty { get; init; } = [];

    public IReadOnlyList<GroupProgress> ByField { get; init; } = [];

    /// <summary>省重点, 省大中型, 市重点, 5020 (only levels with at least one project).</summary>
    public IReadOnlyList<GroupProgress> ByLevel { get; init; } = [];

    /// <summary>开工率 = started / planned new starts × 100; null when no new starts were planned.</summary>
    public decimal? StartRatePct { get; init; }

    public int PlannedNewStarts { get; init; }

    public int StartedNewStarts { get; init; }

    /// <summary>Red first, then yellow; within each, furthest behind first.</summary>
    public IReadOnlyList<LaggingProject> Lagging { get; init; } = [];

    public SigningSummary? Signings { get; init; }

    public IReadOnlyList<MetricIndicator> Metrics { get; init; } = [];

    public IReadOnlyList<SourceNote> Sources { get; init; } = [];

    /// <summary>Cross-submission findings, e.g. a project reported by two departments (counted once).</summary>
    public IReadOnlyList<Finding> Warnings { get; init; } = [];

    /// <summary>
    /// The month read against the previous month of the same year (环比); null when only this period was
    /// computed (<see cref="IndicatorEngine.Compute"/> alone), so nothing is said about a change.
    /// </summary>
    public PeriodComparison? Comparison { get; init; }

    /// <summary>The city's cumulative completion for each month from January to the period (the trend chart); empty when not computed.</summary>
    public IReadOnlyList<MonthlyProgress> Series { get; init; } = [];
}
