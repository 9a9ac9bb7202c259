using System.CommandLine;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;

namespace Reporting.Cli.Commands;

/// <summary>
/// `reporting mailbox --once`: reads the reporting mailbox once, as the timer does in Azure.
/// `reporting mailbox --assign ID --department D --by NAME`: the office assigns a kept message to a department (recorded).
/// </summary>
public static class MailboxCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "读取一次报送邮箱：受理各部门发来的报表并回复" };
        var assign = new Option<string?>("--assign") { Description = "把待人工处理的邮件（编号见 reporting status）指定给部门" };
        var department = new Option<string?>("--department") { Description = "与 --assign 同用：部门标识，如 anyuan" };
        var by = new Option<string?>("--by") { Description = "与 --assign 同用：分配人姓名（记录在案）" };
        var command = new Command("mailbox", "邮件报送：读取报送邮箱（--once），或把待人工处理的邮件指定给部门（--assign）");
        command.Options.Add(once);
        command.Options.Add(assign);
        command.Options.Add(department);
        command.Options.Add(by);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            string? assignId = parseResult.GetValue(assign);
            if (parseResult.GetValue(once) == (assignId is not null))
            {
                await error.WriteLineAsync("请指定 --once（读取一次邮箱）或 --assign 编号 --department 部门 --by 姓名（人工分配），二者选一。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(() => store.Open(parseResult), error).ConfigureAwait(false);
            if (environment is null)
            {
                return CliApp.BadArguments;
            }

            MailboxService mailbox = environment.Get<MailboxService>();
            return assignId is null
                ? await ReadOnceAsync(mailbox, output, error, cancellationToken).ConfigureAwait(false)
                : await AssignAsync(mailbox, environment.Options, assignId, parseResult.GetValue(department), parseResult.GetValue(by), output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ReadOnceAsync(MailboxService mailbox, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!mailbox.IsConfigured)
        {
            await error.WriteLineAsync("未配置报送邮箱（Reporting:Mailbox:Imap:Host），没有读取任何邮件。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        MailboxRunReport report = await mailbox.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        foreach (MessageOutcome message in report.Messages)
        {
            string result = message.Result switch
            {
                MessageResult.Answered => "已受理并回复",
                MessageResult.Ignored => "自动邮件，未处理",
                MessageResult.Kept => "待人工处理",
                MessageResult.AlreadyHandled => "此前已处理，仅归档",
                MessageResult.InProgress => "正由另一进程处理",
                _ => "未完成，下次重试",
            };
            string note = message.Note is null ? string.Empty : "：" + message.Note;
            await output.WriteLineAsync($"  [{MessageKeys.Display(message.Key)}] {message.From}《{message.Subject}》 {result}{note}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(report.Messages.Count == 0 ? "邮箱中没有新邮件。" : $"共处理{report.Messages.Count}封邮件。").ConfigureAwait(false);
        if (report.Error is not null)
        {
            await error.WriteLineAsync($"读取邮箱中断：{report.Error}；下次运行继续。").ConfigureAwait(false);
            return CliApp.DeliveryFailed;
        }

        return report.Count(MessageResult.Retry) > 0 ? CliApp.DeliveryFailed : CliApp.Ok;
    }

    private static async Task<int> AssignAsync(
        MailboxService mailbox, ReportingOptions options, string id, string? department, string? by, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(department) || string.IsNullOrWhiteSpace(by))
        {
            await error.WriteLineAsync("--assign 需要同时写明 --department 部门标识 和 --by 分配人姓名。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        MailboxAssignment assignment;
        try
        {
            assignment = await mailbox.AssignAsync(id, department, by, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        MailboxRecord message = assignment.Message;
        string when = ChinaTime.ToBeijing(message.AssignedAt ?? message.UpdatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await output.WriteLineAsync(
            $"邮件 [{MessageKeys.Display(message.Key)}] {message.From}《{message.Subject}》{(assignment.AlreadyAssigned ? "此前已" : "已")}由{message.AssignedBy}于{when}指定给{options.DepartmentName(message.Department ?? string.Empty)}。").ConfigureAwait(false);
        foreach (MailboxAttachmentRecord attachment in message.Attachments.Where(a => a.KeptPath is not null))
        {
            string result = attachment.Result switch
            {
                SubmissionResult.Accepted => "已受理",
                SubmissionResult.AcceptedWithWarnings => "已受理（有提示）",
                SubmissionResult.Rejected => "未通过校验",
                null => "未处理",
                _ => "处理失败，请再次分配以重试",
            };
            await output.WriteLineAsync($"  《{attachment.FileName}》：{result}{(attachment.Period is { } p ? "（" + p.ToChineseCumulative() + "）" : string.Empty)}").ConfigureAwait(false);
        }

        if (!message.Attachments.Any(a => a.KeptPath is not null))
        {
            await output.WriteLineAsync("  该邮件没有可受理的报表附件。").ConfigureAwait(false);
        }

        return assignment.Complete ? CliApp.Ok : CliApp.DeliveryFailed;
    }
}
