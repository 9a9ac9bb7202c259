using System.CommandLine;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Fonts;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;

namespace Reporting.Cli.Commands;

/// <summary>
/// `reporting demo [--out DIR] [--config FILE] [--connection C]`: the whole product on the bundled
/// sample submissions for 2022 (January to December), in the order it happens in production: each
/// department's upload is archived, read and answered with a receipt, month after month; on the 5th at
/// 08:30 Beijing time the December briefing is rendered (read against November) and mailed to every
/// leader. Mail goes to DIR/outbox/ as .eml files unless SMTP is configured.
/// </summary>
public static class DemoCommand
{
    /// <summary>Who signs the briefing off in the demo (a person does it in the portal or with `reporting sign`).</summary>
    public const string DemoSigner = "推进办（演示）";

    /// <summary>The bundled sample settings: department contacts and leaders' addresses (example.invalid-style domains).</summary>
    public const string SampleSettingsFileName = "demo-settings.json";

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "输出目录（存储、简报和邮件都写在这里），默认 out", DefaultValueFactory = _ => StoreSelection.DefaultStoreDirectory };
        var config = new Option<string?>("--config") { Description = "附加配置文件（JSON），覆盖样例配置" };
        var connection = CliEnvironment.CreateConnectionOption();
        var command = new Command("demo", "演示：用随附的2022年1-12月样例报表走完整流程（逐月接收→校验→指标与环比→12月简报→邮件）");
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(connection);
        command.SetAction((parseResult, cancellationToken) =>
        {
            string[] configFiles = [Path.Combine(SampleDataFolder.Root, SampleSettingsFileName), .. OptionalFile(parseResult.GetValue(config))];
            // The demo runs on the office's calendar, not today's: uploads arrive and the timer fires on
            // the 5th of the month after the period at 08:30 Beijing time (the default schedule), so the
            // briefing is dated and numbered as it would have been, and every department is on time.
            var clock = new ShiftedTimeProvider(ScheduledRun(SampleDataFolder.Period));
            return RunAsync(
                () => CliEnvironment.Open(parseResult.GetValue(output)!, configFiles, parseResult.GetValue(connection), clock),
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                cancellationToken);
        });
        return command;
    }

    /// <param name="openEnvironment">Opens the services; the demo's own passes the office's calendar as their clock.</param>
    public static async Task<int> RunAsync(Func<CliEnvironment> openEnvironment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openEnvironment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<(string Department, string Path)> samples = SampleDataFolder.Files(SampleDataFolder.Period);
        if (samples.Count == 0)
        {
            await error.WriteLineAsync($"找不到随附的样例报表：{SampleDataFolder.For(SampleDataFolder.Period)}").ConfigureAwait(false);
            return CliApp.Bug;
        }

        using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(openEnvironment, error).ConfigureAwait(false);
        if (environment is null)
        {
            return CliApp.BadArguments;
        }

        // Uploads arrive in the order the office lists its departments: counties first, then the bureaus.
        List<string> order = environment.Options.Departments.Select(d => d.Id).ToList();
        samples = [.. samples.OrderBy(s => order.IndexOf(s.Department) is var i and >= 0 ? i : int.MaxValue).ThenBy(s => s.Path, StringComparer.Ordinal)];

        UploadPipeline uploads = environment.Get<UploadPipeline>();

        await output.WriteLineAsync($"Reporting 演示：{environment.Options.City}{SampleDataFolder.Period.ToChineseCumulative()}样例报表，存储 {environment.Store.Location}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        // The year's uploads in order, January first: each month is read against the month before (cumulative
        // figures must not fall) and the briefing compares December with November. Earlier months are summed up
        // in a line each; the briefing's own month is listed upload by upload.
        IReadOnlyList<ReportingPeriod> months = [.. SampleDataFolder.Periods().Where(p => p.Year == SampleDataFolder.Period.Year && p <= SampleDataFolder.Period)];
        List<(string Department, string Path)> year = [.. months.SelectMany(p => p == SampleDataFolder.Period ? samples : InOrder(SampleDataFolder.Files(p)))];
        await output.WriteLineAsync($"1. 接收 {year.Count} 份部门报送（{months[0].Year}年{months[0].Month}月至{months[^1].Month}月，每份先存档，再校验，并回执各部门）").ConfigureAwait(false);
        bool anyRejected = false;
        foreach (ReportingPeriod month in months)
        {
            bool listed = month == SampleDataFolder.Period;
            int accepted = 0;
            IReadOnlyList<(string Department, string Path)> files = listed ? samples : InOrder(SampleDataFolder.Files(month));
            foreach ((string department, string path) in files)
            {
                UploadAnswer answer = await UploadAsync(environment, uploads, department, path, cancellationToken).ConfigureAwait(false);
                anyRejected |= !answer.Accepted;
                accepted += answer.Accepted ? 1 : 0;
                if (listed || !answer.Accepted)
                {
                    await output.WriteLineAsync("   " + DescribeSubmission(environment, answer)).ConfigureAwait(false);
                }
            }

            if (!listed)
            {
                await output.WriteLineAsync($"   {month.ToChineseCumulative()}：{files.Count}份报送，{accepted}份已接收").ConfigureAwait(false);
            }
        }

        IReadOnlyList<(string Department, string Path)> InOrder(IReadOnlyList<(string Department, string Path)> files) =>
            [.. files.OrderBy(s => order.IndexOf(s.Department) is var i and >= 0 ? i : int.MaxValue).ThenBy(s => s.Path, StringComparer.Ordinal)];

        await output.WriteLineAsync().ConfigureAwait(false);
        BriefingPublisher publisher = environment.Get<BriefingPublisher>();
        await output.WriteLineAsync(publisher.RequiresSignOff
            ? "2. 计算指标并生成简报草稿，发给推进办审核（与定时任务 SendBriefing 相同的路径）"
            : "2. 计算指标并生成简报（与定时任务 SendBriefing 相同的路径）").ConfigureAwait(false);
        BriefingRun run;
        try
        {
            run = await publisher.RunScheduledAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MissingGlyphException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CliApp.Bug;
        }

        if (run.Briefing is not { } briefing)
        {
            await error.WriteLineAsync($"{run.Period} 没有已接受的报表，未生成简报。").ConfigureAwait(false);
            return CliApp.Bug;
        }

        foreach (string line in briefing.Headlines)
        {
            await output.WriteLineAsync("   " + line).ConfigureAwait(false);
        }

        foreach (Finding warning in briefing.Warnings)
        {
            await output.WriteLineAsync("   " + warning).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"   {(run.Issue is { State: IssueState.Draft } ? "草稿" : "简报")}：{Locate(environment, briefing.PdfPath)}（{briefing.Subject}，{briefing.PdfBytes / 1024} KB）").ConfigureAwait(false);
        foreach (DeliveryOutcome notice in run.ReviewNotice?.Outcomes ?? [])
        {
            await output.WriteLineAsync($"   审核通知 {notice.Recipient}：{DescribeDelivery(notice)}").ConfigureAwait(false);
        }

        DeliveryReport? report = run.Delivery;
        if (run.Issue is { State: IssueState.Draft } draft)
        {
            // The office's step, which a person takes in the portal or with `reporting sign`: here the demo takes it.
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"3. 推进办审核签发（演示中由“{DemoSigner}”签发草稿第{draft.DraftVersion}版；实际使用时在报送平台或用 reporting sign 签发）").ConfigureAwait(false);
            ReviewResult signed = await environment.Get<BriefingReview>().SignAsync(run.Period, draft.Number, draft.DraftVersion, DemoSigner, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("   " + signed.Message).ConfigureAwait(false);
            if (signed.View?.Issued is { } issued)
            {
                await output.WriteLineAsync($"   签发稿：{Locate(environment, issued.PdfPath)}（SHA-256 {issued.Sha256?[..16]}…）").ConfigureAwait(false);
            }

            report = signed.Delivery;
        }
        else if (run.Issue is { SignedBy: { } signer, SignedAt: { } signedAt })
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"3. 推进办审核签发：第{run.Issue.Number}期此前已由“{signer}”于{ChinaTime.ToBeijing(signedAt):yyyy-MM-dd HH:mm}签发").ConfigureAwait(false);
        }

        if (report is null)
        {
            await error.WriteLineAsync($"{run.Period} 的简报未发送。").ConfigureAwait(false);
            return CliApp.Bug;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"{(publisher.RequiresSignOff ? 4 : 3)}. 发送给 {report.Outcomes.Count} 位领导（{DescribeSender(environment)}）").ConfigureAwait(false);
        foreach (DeliveryOutcome outcome in report.Outcomes)
        {
            await output.WriteLineAsync($"   {outcome.Recipient}：{DescribeDelivery(outcome)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"完成。原件在 archive/，数据集在 datasets/，简报在 briefings/，邮件在 outbox/（{environment.Store.Location}）。").ConfigureAwait(false);
        await output.WriteLineAsync("再次运行不会重复导入或重复发送。在报送平台查看：reporting serve，然后打开 http://127.0.0.1:5080/portal/").ConfigureAwait(false);
        return report.Failed > 0 ? CliApp.DeliveryFailed : anyRejected ? CliApp.Rejected : CliApp.Ok;
    }

    /// <summary>08:30 Beijing time on the 5th of the month after <paramref name="period"/>: when the default timer fires.</summary>
    public static DateTimeOffset ScheduledRun(ReportingPeriod period)
    {
        DateOnly fifth = period.EndExclusive.AddDays(4);
        return new DateTimeOffset(fifth.Year, fifth.Month, fifth.Day, 8, 30, 0, ChinaTime.Offset);
    }

    private static async Task<UploadAnswer> UploadAsync(
        CliEnvironment environment, UploadPipeline uploads, string department, string path, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(path);
        string uploadPath = StorePath.Combine(Containers.Uploads, department, fileName);
        await using (FileStream upload = File.OpenRead(path))
        {
            try
            {
                // What the clerk does: put the file in their upload folder.
                await environment.Store.WriteAsync(uploadPath, upload, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
                // Uploaded by an earlier run of the demo; ingestion below recognises it as well.
            }
        }

        Stream content = await environment.Store.OpenReadAsync(uploadPath, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{uploadPath} vanished from the store.");
        await using (content.ConfigureAwait(false))
        {
            return await uploads.ProcessAsync(uploadPath, department, fileName, content, period: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DescribeSubmission(CliEnvironment environment, UploadAnswer answer)
    {
        SubmissionRecord record = answer.Record;
        string counts = string.Join("、", new[]
        {
            record.ProjectCount > 0 ? $"{record.ProjectCount}个项目" : null,
            record.SigningCount > 0 ? $"{record.SigningCount}个签约项目" : null,
            record.MetricCount > 0 ? $"{record.MetricCount}项指标" : null,
        }.Where(text => text is not null));
        string verdict = record.Status switch
        {
            SubmissionResult.Accepted => $"已接收，{counts}",
            SubmissionResult.AcceptedWithWarnings => $"已接收，{counts}，{record.WarningCount}条提示",
            SubmissionResult.Rejected => $"未通过，{record.ErrorCount}条错误，标注副本 {record.AnnotatedPath}",
            _ => "处理失败：" + record.FailureMessage,
        };
        string repeat = answer.Receipt.AlreadyProcessed ? "（此前已处理）" : string.Empty;
        string receiptText = answer.ReceiptDelivery is { } receipt ? $"；回执{DescribeDelivery(receipt)}" : string.Empty;
        return $"{environment.Options.DepartmentName(record.Department)}  {record.FileName}：{verdict}{repeat}{receiptText}";
    }

    private static string DescribeDelivery(DeliveryOutcome outcome) => outcome.Result switch
    {
        DeliveryResult.Sent => "已发送",
        DeliveryResult.AlreadySent => "此前已发送，未重复发送",
        DeliveryResult.Failed => $"发送失败（{outcome.Error}），下次运行重试",
        _ => "正由另一进程发送",
    };

    private static string DescribeSender(CliEnvironment environment) =>
        environment.Options.Delivery.Smtp.IsConfigured
            ? $"SMTP {environment.Options.Delivery.Smtp.Host}"
            : $"未配置 SMTP，邮件写为 .eml 文件：{Locate(environment, Containers.Outbox + "/")}";

    private static string Locate(CliEnvironment environment, string storePath) =>
        environment.Store is FolderReportStore ? Path.Combine(environment.Store.Location, storePath) : $"{environment.Store.Location.TrimEnd('/')}/{storePath}";

    private static IEnumerable<string> OptionalFile(string? path) => path is null ? [] : [path];

    /// <summary>Real time, moved to the demo's calendar: ledger times stay ordered and distinct.</summary>
    private sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
    }
}
