using Reporting.Core.Configuration;

namespace Reporting.Core.Ingestion;

/// <summary>What the reader is told besides the bytes: who sent them, for which period, with which vocabularies and limits.</summary>
public sealed record IngestionContext
{
    /// <summary>Department id from the upload path or the command line; null means "find 填报单位 in the sheet".</summary>
    public string? Department { get; init; }

    /// <summary>Period from the upload path, the command line or a mail's subject; a sheet stating a different period is a conflict.</summary>
    public ReportingPeriod? Period { get; init; }

    /// <summary>Where <see cref="Period"/> was stated, as a conflict finding names it ("上传时", "邮件主题中").</summary>
    public string PeriodSource { get; init; } = "上传时";

    /// <summary>
    /// A guess used only when neither <see cref="Period"/> nor the workbook states one (a mail's date: the month before it);
    /// never a conflict, because nobody stated it. A month the workbook names ("1-11月") takes the guess's year instead.
    /// </summary>
    public ReportingPeriod? FallbackPeriod { get; init; }

    public required ReportingOptions Options { get; init; }

    /// <summary>
    /// The same department's projects of a period (called with the previous month once the period is known),
    /// for the cumulative.decreased warning; null or returning null means no comparison.
    /// </summary>
    public Func<ReportingPeriod, IReadOnlyList<ProjectRecord>?>? PreviousMonthProjects { get; init; }
}
