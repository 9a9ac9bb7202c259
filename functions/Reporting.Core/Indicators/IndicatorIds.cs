namespace Reporting.Core.Indicators;

/// <summary>The stable indicator ids of domain.md, used as JSON keys and by tests.</summary>
public static class IndicatorIds
{
    public const string ProjectsCount = "projects.count";
    public const string ProjectsAnnualPlan = "projects.annualPlan";
    public const string ProjectsCompleted = "projects.completed";
    public const string ProjectsCompletionPct = "projects.completionPct";
    public const string ProjectsSchedulePct = "projects.schedulePct";
    public const string ProjectsScheduleGapPp = "projects.scheduleGapPp";
    public const string ProjectsStartRatePct = "projects.startRatePct";
    public const string ProjectsPlannedNewStarts = "projects.plannedNewStarts";
    public const string ProjectsStartedNewStarts = "projects.startedNewStarts";
    public const string ProjectsLagging = "projects.lagging";

    /// <summary>Current lagging counts (the list is <see cref="ProjectsLagging"/>); each has a <c>.change</c>.</summary>
    public const string ProjectsLaggingCount = "projects.laggingCount";
    public const string ProjectsLaggingRedCount = "projects.laggingRedCount";
    public const string ProjectsLaggingYellowCount = "projects.laggingYellowCount";

    /// <summary>Lagging this month and not last month (this month's figures).</summary>
    public const string ProjectsNewlyLagging = "projects.newlyLagging";

    /// <summary>Lagging last month and not this month (last month's figures).</summary>
    public const string ProjectsNoLongerLagging = "projects.noLongerLagging";

    /// <summary>The city's cumulative completion and 序时进度 for each month from January to the period.</summary>
    public const string ProjectsSeries = "projects.series";

    /// <summary>"compared", "firstMonthOfYear" (January: never compared with December) or "noPreviousData" (every change "—").</summary>
    public const string ChangeBasis = "change.basis";

    /// <summary>The month compared with, "2022-11"; null in January.</summary>
    public const string ChangePreviousPeriod = "change.previousPeriod";

    public const string SigningsCount = "signings.count";
    public const string SigningsOver100mCount = "signings.over100mCount";
    public const string SigningsP5020Count = "signings.p5020Count";
    public const string SigningsAmount = "signings.amount";

    /// <summary><c>projects.byCounty.安源区.completionPct</c>.</summary>
    public static string ByCounty(string county, string measure) => $"projects.byCounty.{county}.{measure}";

    /// <summary><c>projects.byField.工业.rank</c>.</summary>
    public static string ByField(string field, string measure) => $"projects.byField.{field}.{measure}";

    /// <summary><c>projects.level.省重点.completionPct</c>.</summary>
    public static string Level(string level, string measure) => $"projects.level.{level}.{measure}";

    /// <summary><c>signings.byRegion.长三角.count</c>.</summary>
    public static string SigningsRegion(string region, string measure) => $"signings.byRegion.{region}.{measure}";

    /// <summary><c>metrics.制造业贷款余额.yoyPct</c>.</summary>
    public static string Metric(string name, string measure) => $"metrics.{name}.{measure}";

    /// <summary>环比 of a count or an amount: <c>projects.completed.change</c> (本月完成投资, 万元), <c>projects.byCounty.安源区.rank.change</c> (+ = up).</summary>
    public static string Changed(string id) => id + ".change";

    /// <summary>环比 of a percentage in percentage points, from unrounded values: <c>projects.completionPct.changePp</c>.</summary>
    public static string ChangedPp(string id) => id + ".changePp";

    /// <summary>The last segment of a group or metric id.</summary>
    public static class Measures
    {
        public const string Count = "count";
        public const string AnnualPlan = "annualPlan";
        public const string Completed = "completed";
        public const string CompletionPct = "completionPct";
        public const string ScheduleGapPp = "scheduleGapPp";
        public const string Rank = "rank";
        public const string Amount = "amount";
        public const string Value = "value";
        public const string Prior = "prior";
        public const string Unit = "unit";
        public const string YoyPct = "yoyPct";
        public const string YoyIsReported = "yoyIsReported";
        public const string SharePct = "sharePct";
        public const string SharePriorPct = "sharePriorPct";
        public const string ShareChangePp = "shareChangePp";
    }
}
