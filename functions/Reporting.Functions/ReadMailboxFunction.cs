using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core.Mailbox;

namespace Reporting.Functions;

/// <summary>
/// 邮件报送: reads the reporting mailbox on a UTC schedule and puts every department's spreadsheet through the upload
/// path, answering in the clerk's thread. Does nothing when no mailbox is configured.
/// </summary>
public sealed class ReadMailboxFunction(MailboxService mailbox, ILogger<ReadMailboxFunction> logger)
{
    public const string Name = "ReadMailbox";
    public const string Schedule = "%MailboxSchedule%";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule, UseMonitor = false, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        // A timer does not retry: what a run could not finish is recorded in the mailbox ledger (or left in the mailbox) and the next tick does it.
        try
        {
            MailboxRunReport report = await mailbox.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (report.Error is null)
            {
                logger.LogInformation("ReadMailbox: {Report}", report);
            }
            else
            {
                logger.LogError("ReadMailbox stopped early; the next tick continues: {Report}", report);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "ReadMailbox failed; the next tick reads again");
        }
    }
}
