using System.Text.Json.Serialization;

namespace Reporting.Core.Indicators.Comparison;

/// <summary>Why a month is, or is not, compared with the month before it (环比).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonBasis>))]
public enum ComparisonBasis
{
    /// <summary>The previous month of the same year has accepted data: every change is computed.</summary>
    [JsonStringEnumMemberName("compared")]
    Compared,

    /// <summary>
    /// January: figures are cumulative from the start of the year, so December of the year before is a
    /// different series and is never the comparison.
    /// </summary>
    [JsonStringEnumMemberName("firstMonthOfYear")]
    FirstMonthOfYear,

    /// <summary>The previous month has no accepted submission: every change is "—", never 0.</summary>
    [JsonStringEnumMemberName("noPreviousData")]
    NoPreviousData,
}

/// <summary>
/// The previous month's figures (same year) that this month is read against, and the lagging projects that
/// came and went. Changes themselves are derived with <see cref="Change"/> from these and the current report,
/// so a figure and its change can never disagree. Every previous figure is null when there is none.
/// </summary>
public sealed record PeriodComparison
{
    public required ComparisonBasis Basis { get; init; }

    /// <summary>The month compared with; null in January.</summary>
    public ReportingPeriod? PreviousPeriod { get; init; }

    /// <summary>The previous month's overall project figures; null without project data that month.</summary>
    public ProgressFigures? Overall { get; init; }

    public IReadOnlyList<GroupProgress> ByCounty { get; init; } = [];

    public IReadOnlyList<GroupProgress> ByField { get; init; } = [];

    public IReadOnlyList<GroupProgress> ByLevel { get; init; } = [];

    /// <summary>Lagging projects last month (red, yellow); null without project data that month.</summary>
    public LaggingCounts? Lagging { get; init; }

    /// <summary>Lagging this month and not last month (or not reported last month), with this month's figures, in the report's order.</summary>
    public IReadOnlyList<LaggingProject> NewlyLagging { get; init; } = [];

    /// <summary>Lagging last month and not this month, with last month's figures.</summary>
    public IReadOnlyList<LaggingProject> NoLongerLagging { get; init; } = [];

    /// <summary>The previous month's signings summary; null without a signings submission that month.</summary>
    public SigningSummary? Signings { get; init; }

    /// <summary>Whether there is anything to compare with.</summary>
    [JsonIgnore]
    public bool HasPrevious => Basis == ComparisonBasis.Compared;

    public GroupProgress? PreviousCounty(string county) => Find(ByCounty, county);

    public GroupProgress? PreviousField(string field) => Find(ByField, field);

    public GroupProgress? PreviousLevel(string level) => Find(ByLevel, level);

    private static GroupProgress? Find(IReadOnlyList<GroupProgress> groups, string key)
    {
        foreach (GroupProgress group in groups)
        {
            if (string.Equals(group.Key, key, StringComparison.Ordinal))
            {
                return group;
            }
        }

        return null;
    }
}

/// <summary>How many projects are behind schedule, and how many of them red and yellow.</summary>
public sealed record LaggingCounts(int Total, int Red, int Yellow)
{
    public static LaggingCounts Of(IReadOnlyList<LaggingProject> lagging)
    {
        ArgumentNullException.ThrowIfNull(lagging);
        int red = 0;
        foreach (LaggingProject project in lagging)
        {
            if (project.Severity == LagSeverity.Red)
            {
                red++;
            }
        }

        return new LaggingCounts(lagging.Count, red, lagging.Count - red);
    }
}

/// <summary>One month of the year's trend: the city's cumulative completion against 序时进度. Figures null when the month has no project data.</summary>
public sealed record MonthlyProgress(ReportingPeriod Period, decimal SchedulePct, ProgressFigures? Figures);
