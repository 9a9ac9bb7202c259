using Reporting.Core.Configuration;

namespace Reporting.Core.Ingestion;

/// <summary>What the reader is told besides the bytes: who sent them, for which period, with which vocabularies and limits.</summary>
public sealed record IngestionContext
{
    /// <summary>Department id from the upload path or the command line; null means "find 填报单位 in the sheet".</summary>
    public string? Department { get; init; }

    /// <summary>Period from the upload path or the command line; a sheet stating a different period is a conflict.</summary>
    public ReportingPeriod? Period { get; init; }

    public required ReportingOptions Options { get; init; }

    /// <summary>
    /// The same department's projects of a period (called with the previous month once the period is known),
    /// for the cumulative.decreased warning; null or returning null means no comparison.
    /// </summary>
    public Func<ReportingPeriod, IReadOnlyList<ProjectRecord>?>? PreviousMonthProjects { get; init; }
}
