using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Pipeline;

namespace Reporting.Functions;

/// <summary>POST /api/periods/{period}/briefing[?send=true]: render the briefing now (the office's re-run button); send=true also delivers it.</summary>
public sealed class BriefingFunction(BriefingPublisher publisher, ILogger<BriefingFunction> logger)
{
    public const string Name = "RenderBriefing";
    public const string Route = "api/periods/{period}/briefing";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReportingPeriod.TryParse(period, out ReportingPeriod parsed))
        {
            return HttpResults.BadPeriod(period);
        }

        bool send = string.Equals(request.Query["send"], "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            PublishedBriefing? briefing = await publisher.RenderAsync(parsed, cancellationToken).ConfigureAwait(false);
            if (briefing is null)
            {
                return HttpResults.Error(StatusCodes.Status409Conflict, $"{parsed.ToChineseCumulative()}还没有已受理的报送，未生成简报。");
            }

            DeliveryReport? delivery = null;
            if (send)
            {
                SendAnswer answer = await publisher.SendAsync(parsed, issueDate: null, cancellationToken).ConfigureAwait(false);
                if (answer.Delivery is null)
                {
                    // With sign-off, leaders receive only a signed issue: the render stands, the send is refused.
                    return HttpResults.Error(StatusCodes.Status409Conflict, answer.Refusal ?? "简报尚未签发。");
                }

                delivery = answer.Delivery;
            }
            return HttpResults.Json(new BriefingAnswer(briefing, delivery is null ? null : new DeliveryAnswer(delivery)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Briefing {Period} could not be rendered or sent", parsed);
            return HttpResults.Failure();
        }
    }

    public sealed record BriefingAnswer(PublishedBriefing Briefing, DeliveryAnswer? Delivery);

    public sealed record DeliveryAnswer(int SentNow, int AlreadySent, int Failed, int InProgress, IReadOnlyList<DeliveryOutcome> Outcomes)
    {
        public DeliveryAnswer(DeliveryReport report)
            : this(report.SentNow, report.AlreadySent, report.Failed, report.InProgress, report.Outcomes)
        {
        }
    }
}
