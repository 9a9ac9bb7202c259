using System.CommandLine;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;

namespace Reporting.Cli.Commands;

/// <summary>`reporting status --period 2022-12`: who has submitted, late, rejected or not at all (催报).</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var command = new Command("status", "报送情况：各部门是否按时报送、被拒收或未报送");
        command.Options.Add(period);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            if (!CliArguments.TryParsePeriod(parseResult.GetValue(period), parseResult.InvocationConfiguration.Error, out ReportingPeriod reportingPeriod))
            {
                return CliApp.BadArguments;
            }

            using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(() => store.Open(parseResult), parseResult.InvocationConfiguration.Error).ConfigureAwait(false);

            if (environment is null)
            {
                return CliApp.BadArguments;
            }
            SubmissionStatusService service = environment.Get<SubmissionStatusService>();
            IReadOnlyList<DepartmentSubmissionStatus> statuses = await service.GetStatusAsync(reportingPeriod, cancellationToken).ConfigureAwait(false);
            DateTimeOffset deadline = ChinaTime.ToBeijing(service.Deadline(reportingPeriod));
            await output.WriteLineAsync($"{reportingPeriod.ToChineseCumulative()}报送情况（截止 {deadline:yyyy-MM-dd HH:mm} 北京时间）").ConfigureAwait(false);
            foreach (DepartmentSubmissionStatus status in statuses)
            {
                string state = status.State switch
                {
                    SubmissionState.OnTime => "按时报送",
                    SubmissionState.Late => "逾期报送",
                    SubmissionState.Rejected => "已报送但未通过校验",
                    _ => "未报送",
                };
                string when = status.LastReceivedAt is { } at ? $"  {ChinaTime.ToBeijing(at):yyyy-MM-dd HH:mm}" : string.Empty;
                string findings = status.ErrorCount + status.WarningCount > 0 ? $"  错误{status.ErrorCount} 提示{status.WarningCount}" : string.Empty;
                await output.WriteLineAsync($"  {status.DepartmentName}（{status.DepartmentId}）：{state}{when}{findings}").ConfigureAwait(false);
            }

            int missing = statuses.Count(s => s.State is SubmissionState.Missing or SubmissionState.Rejected);
            await output.WriteLineAsync(missing == 0 ? "全部按要求报送。" : $"尚有{missing}个部门需要催报。").ConfigureAwait(false);

            // Mail the mailbox could not attribute to a department waits for the office, whatever its period.
            IReadOnlyList<MailboxRecord> kept = await environment.Get<MailboxService>().GetKeptAsync(cancellationToken).ConfigureAwait(false);
            if (kept.Count > 0)
            {
                await output.WriteLineAsync($"报送邮箱中有{kept.Count}封邮件待人工处理（未受理）：").ConfigureAwait(false);
                foreach (MailboxRecord message in kept)
                {
                    string files = string.Join("、", message.Attachments.Where(a => a.KeptPath is not null).Select(a => "《" + a.FileName + "》"));
                    await output.WriteLineAsync(
                        $"  [{MessageKeys.Display(message.Key)}] {ChinaTime.ToBeijing(message.ArrivedAt):yyyy-MM-dd HH:mm} {message.From}《{message.Subject}》 {(files.Length > 0 ? "附件" + files : "无报表附件")}").ConfigureAwait(false);
                    await output.WriteLineAsync($"      {message.Note}").ConfigureAwait(false);
                }

                await output.WriteLineAsync("确认来源后可用 reporting mailbox --assign 编号 --department 部门标识 --by 姓名 指定部门，系统将受理其中的报表并记录分配人。").ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
