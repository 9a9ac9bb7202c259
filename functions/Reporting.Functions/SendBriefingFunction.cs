using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Pipeline;

namespace Reporting.Functions;

/// <summary>On the schedule (UTC; the period is worked out in Beijing time): render the briefing once and mail every leader once.</summary>
public sealed class SendBriefingFunction(BriefingPublisher publisher, ILogger<SendBriefingFunction> logger)
{
    public const string Name = "SendBriefing";
    public const string Schedule = "%BriefingSchedule%";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule, UseMonitor = false, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            BriefingRun run = await publisher.RunScheduledAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("SendBriefing: {Run}", run);
        }
        catch (Exception e)
        {
            // A timer does not retry: the deliveries ledger already holds what was sent, and the next run completes the rest.
            logger.LogError(e, "SendBriefing failed; the next run retries what was not sent");
        }
    }
}
