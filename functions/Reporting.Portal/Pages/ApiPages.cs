using Reporting.Core.Ingestion.Submissions;
using Reporting.Portal.Hosting;

namespace Reporting.Portal.Pages;

/// <summary>JSON answers for scripts and other systems; the same data the pages show.</summary>
internal static class ApiPages
{
    public static Task MeAsync(PortalRequest request) =>
        request.JsonAsync(new { request.User.Name, Role = request.User.Role.ToString(), request.User.DepartmentId, request.User.DepartmentName, request.User.Development });

    public static async Task SubmissionsAsync(PortalRequest request)
    {
        IReadOnlyList<SubmissionRecord> rows = await request.Service<SubmissionStatusService>()
            .GetDepartmentSubmissionsAsync(request.User.DepartmentId!, request.Aborted).ConfigureAwait(false);
        await request.JsonAsync(rows.Select(r => new
        {
            Id = r.LedgerKey(),
            r.FileName,
            r.Period,
            r.ReceivedAt,
            r.Status,
            r.ErrorCount,
            r.WarningCount,
            r.ProjectCount,
            r.SigningCount,
            r.MetricCount,
            Findings = r.ReadFindings(),
            r.FindingsTruncated,
        }).ToList()).ConfigureAwait(false);
    }
}
