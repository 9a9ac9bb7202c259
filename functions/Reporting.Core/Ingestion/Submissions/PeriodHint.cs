namespace Reporting.Core.Ingestion.Submissions;

/// <summary>
/// What an entrance knows of an upload's period before the workbook is read. <see cref="Stated"/> was said by the
/// sender (the upload path, <c>--period</c>, a mail's subject): the workbook stating another period is a finding that
/// names <see cref="StatedWhere"/>. <see cref="Guess"/> was said by nobody (the month before a mail's date): used only
/// when the workbook is silent. The default knows nothing.
/// </summary>
public readonly record struct PeriodHint(ReportingPeriod? Stated = null, ReportingPeriod? Guess = null, string? StatedWhere = null)
{
    public static PeriodHint None => default;

    /// <summary>How a period conflict finding names where the period was stated.</summary>
    public string Where => StatedWhere ?? "上传时";
}
