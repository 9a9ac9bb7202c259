namespace Reporting.Core.Ingestion.Submissions;

/// <summary>
/// 报送情况 of one period as the office reads it: every configured department with its state and its
/// submissions (newest first, with findings), the deadline, and the departments still owing an
/// accepted submission (missing or only rejected).
/// </summary>
public sealed record PeriodStatus(
    ReportingPeriod Period,
    DateTimeOffset Deadline,
    IReadOnlyList<PeriodStatus.Department> Departments,
    IReadOnlyList<PeriodStatus.Department> Missing)
{
    public sealed record Department(DepartmentSubmissionStatus Status, IReadOnlyList<Submission> Submissions);

    /// <param name="Id">The submission's ledger key within its department (<see cref="SubmissionRecord.LedgerKey"/>).</param>
    public sealed record Submission(
        string Id,
        string FileName,
        DateTimeOffset ReceivedAt,
        SubmissionResult Result,
        int ErrorCount,
        int WarningCount,
        IReadOnlyList<Finding> Findings,
        bool FindingsTruncated,
        string ArchivePath,
        string? AnnotatedPath);

    public static PeriodStatus From(
        ReportingPeriod period, DateTimeOffset deadline, IReadOnlyList<DepartmentSubmissionStatus> departments, IReadOnlyList<SubmissionRecord> submissions)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(submissions);
        List<Department> all = departments
            .Select(d => new Department(
                d,
                submissions
                    .Where(s => string.Equals(s.Department, d.DepartmentId, StringComparison.OrdinalIgnoreCase))
                    .Select(s => new Submission(s.LedgerKey(), s.FileName, s.ReceivedAt, s.Status, s.ErrorCount, s.WarningCount, s.ReadFindings(), s.FindingsTruncated, s.ArchivePath, s.AnnotatedPath))
                    .ToList()))
            .ToList();
        return new PeriodStatus(period, deadline, all, all.Where(d => d.Status.State is SubmissionState.Missing or SubmissionState.Rejected).ToList());
    }
}
