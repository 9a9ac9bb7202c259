using System.CommandLine;
using System.Globalization;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Fonts;
using Reporting.Core.Pipeline;

namespace Reporting.Cli.Commands;

/// <summary>
/// `reporting send --period 2022-12 [--date YYYY-MM-DD] [--store DIR] [--config FILE] [--connection C]`:
/// mails the period's stored briefing (rendered first if there is none) to every configured
/// recipient, at most once each; failed deliveries are recorded and retried by the next run.
/// </summary>
public static class SendCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var date = new Option<string?>("--date") { Description = "若需新生成简报，其印发日期 YYYY-MM-DD，默认北京时间今天" };
        var command = new Command("send", "把某一期简报发送给配置的全部收件人（每人只发一次；失败的下次重试）");
        command.Options.Add(period);
        command.Options.Add(date);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            if (!CliArguments.TryParsePeriod(parseResult.GetValue(period), error, out ReportingPeriod reportingPeriod))
            {
                return CliApp.BadArguments;
            }

            DateOnly? issueDate = null;
            if (parseResult.GetValue(date) is string dateText)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
                {
                    await error.WriteLineAsync($"印发日期“{dateText}”无效：格式应为 YYYY-MM-DD。").ConfigureAwait(false);
                    return CliApp.BadArguments;
                }

                issueDate = parsed;
            }

            using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(() => store.Open(parseResult), error).ConfigureAwait(false);

            if (environment is null)
            {
                return CliApp.BadArguments;
            }
            if (environment.Options.Delivery.Leaders().Count == 0)
            {
                await error.WriteLineAsync("未配置收件人（Reporting:Delivery:Recipients），没有发送任何邮件。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            BriefingPublisher publisher = environment.Get<BriefingPublisher>();
            SendAnswer answer;
            try
            {
                answer = await publisher.SendAsync(reportingPeriod, issueDate, cancellationToken).ConfigureAwait(false);
            }
            catch (MissingGlyphException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return CliApp.Rejected;
            }

            if (answer is not { Briefing: { } briefing, Delivery: { } report })
            {
                await error.WriteLineAsync(answer.Refusal + (publisher.RequiresSignOff ? "（需要先审核签发：reporting review / reporting sign）" : string.Empty)).ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            await output.WriteLineAsync($"{briefing.Subject}（{briefing.PdfPath}）").ConfigureAwait(false);
            foreach (DeliveryOutcome outcome in report.Outcomes)
            {
                string state = outcome.Result switch
                {
                    DeliveryResult.Sent => "已发送",
                    DeliveryResult.AlreadySent => "此前已发送，未重复发送",
                    DeliveryResult.Failed => $"发送失败（第{outcome.Attempts}次）：{outcome.Error}；下次运行重试",
                    _ => "正由另一进程发送",
                };
                await output.WriteLineAsync($"  {outcome.Recipient}：{state}").ConfigureAwait(false);
            }

            return report.Failed > 0 ? CliApp.DeliveryFailed : CliApp.Ok;
        });
        return command;
    }
}
