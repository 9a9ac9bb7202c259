using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Functions;

/// <summary>GET /api/periods/{period}/status: who submitted, when, with which findings, and who is missing.</summary>
public sealed class PeriodStatusFunction(SubmissionStatusService status, ILogger<PeriodStatusFunction> logger)
{
    public const string Name = "GetPeriodStatus";
    public const string Route = "periods/{period}/status";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request, string period, CancellationToken cancellationToken)
    {
        if (!ReportingPeriod.TryParse(period, out ReportingPeriod parsed))
        {
            return HttpResults.BadPeriod(period);
        }

        try
        {
            IReadOnlyList<DepartmentSubmissionStatus> departments = await status.GetStatusAsync(parsed, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SubmissionRecord> submissions = await status.GetSubmissionsAsync(parsed, cancellationToken).ConfigureAwait(false);
            return HttpResults.Json(PeriodStatus.From(parsed, status.Deadline(parsed), departments, submissions));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Status of {Period} could not be read", parsed);
            return HttpResults.Failure();
        }
    }
}

/// <summary>The status endpoint's answer.</summary>
public sealed record PeriodStatus(
    ReportingPeriod Period,
    DateTimeOffset Deadline,
    IReadOnlyList<PeriodStatus.Department> Departments,
    IReadOnlyList<PeriodStatus.Department> Missing)
{
    public sealed record Department(DepartmentSubmissionStatus Status, IReadOnlyList<Submission> Submissions);

    public sealed record Submission(
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
                    .Select(s => new Submission(s.FileName, s.ReceivedAt, s.Status, s.ErrorCount, s.WarningCount, s.ReadFindings(), s.FindingsTruncated, s.ArchivePath, s.AnnotatedPath))
                    .ToList()))
            .ToList();
        return new PeriodStatus(period, deadline, all, all.Where(d => d.Status.State is SubmissionState.Missing or SubmissionState.Rejected).ToList());
    }
}
