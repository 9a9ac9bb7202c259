namespace Reporting.Core.Ingestion;

public enum SubmissionState
{
    /// <summary>Accepted before the deadline.</summary>
    OnTime,

    /// <summary>Accepted after the deadline.</summary>
    Late,

    /// <summary>Only rejected submissions so far.</summary>
    Rejected,

    /// <summary>Nothing received.</summary>
    Missing,
}

/// <summary>报送情况 of one department for one period (section 七 of the briefing; the status endpoint).</summary>
public sealed record DepartmentSubmissionStatus
{
    public required string DepartmentId { get; init; }

    public required string DepartmentName { get; init; }

    public required SubmissionState State { get; init; }

    /// <summary>When the latest accepted submission arrived (or the latest rejected one, when none was accepted).</summary>
    public DateTimeOffset? LastReceivedAt { get; init; }

    public int WarningCount { get; init; }

    public int ErrorCount { get; init; }
}
