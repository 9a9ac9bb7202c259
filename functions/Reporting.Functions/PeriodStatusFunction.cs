using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Functions;

/// <summary>GET /api/periods/{period}/status: who submitted, when, with which findings, and who is missing.</summary>
public sealed class PeriodStatusFunction(SubmissionStatusService status, ILogger<PeriodStatusFunction> logger)
{
    public const string Name = "GetPeriodStatus";
    public const string Route = "api/periods/{period}/status";

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
            return HttpResults.Json(await status.GetPeriodStatusAsync(parsed, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Status of {Period} could not be read", parsed);
            return HttpResults.Failure();
        }
    }
}
