using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Functions;

/// <summary>Daily 催报: departments that have not submitted for the period in its reminder window get one reminder a day.</summary>
public sealed class SendRemindersFunction(ReminderService reminders, SubmissionStatusService status, ILogger<SendRemindersFunction> logger)
{
    public const string Name = "SendReminders";
    public const string Schedule = "%ReminderSchedule%";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule, UseMonitor = false, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            ReminderReport report = await reminders.SendDueAsync(status.GetStatusAsync, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("SendReminders: {Report}", report);
        }
        catch (Exception e)
        {
            logger.LogError(e, "SendReminders failed; tomorrow's run reminds again");
        }
    }
}
