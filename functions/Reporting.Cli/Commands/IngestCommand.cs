using System.CommandLine;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;

namespace Reporting.Cli.Commands;

/// <summary>`reporting ingest FILE... [--department D] [--period YYYY-MM] [--store DIR] [--dry-run]`.</summary>
public static class IngestCommand
{
    private const int MaxPrintedFindings = 50;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "要导入的报表文件（.xlsx、.xls、.csv）", Arity = ArgumentArity.OneOrMore };
        var department = new Option<string?>("--department") { Description = "部门标识，如 anyuan；省略时按表中“填报单位”识别" };
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM；省略时按表中“时间：…”识别" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验，不写入存储" };
        var command = new Command("ingest", "导入并校验部门报表：接收、存档、生成数据集；有问题时给出标注副本");
        command.Arguments.Add(files);
        command.Options.Add(department);
        command.Options.Add(period);
        command.Options.Add(dryRun);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, ct) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            string? departmentId = parseResult.GetValue(department);
            string? periodText = parseResult.GetValue(period);
            ReportingPeriod? periodOverride = null;
            if (periodText is not null)
            {
                if (!ReportingPeriod.TryParse(periodText, out ReportingPeriod parsed))
                {
                    await error.WriteLineAsync($"--period 应为 YYYY-MM，例如 2022-12：'{periodText}'").ConfigureAwait(false);
                    return CliApp.BadArguments;
                }

                periodOverride = parsed;
            }

            if (departmentId is not null && !DepartmentOptions.IsValidId(departmentId))
            {
                await error.WriteLineAsync($"--department 只能是小写字母、数字和“-”：'{departmentId}'").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            string[] paths = parseResult.GetValue(files) ?? [];
            string? missing = paths.FirstOrDefault(p => !File.Exists(p));
            if (missing is not null)
            {
                await error.WriteLineAsync($"文件不存在：{missing}").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            try
            {
                bool anyRejected = parseResult.GetValue(dryRun)
                    ? await DryRunAsync(paths, departmentId, periodOverride, store.ConfigFile(parseResult), output).ConfigureAwait(false)
                    : await IngestAsync(paths, departmentId, periodOverride, () => store.Open(parseResult), output, ct).ConfigureAwait(false);
                return anyRejected ? CliApp.Rejected : CliApp.Ok;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await error.WriteLineAsync("内部错误（bug）：" + ex).ConfigureAwait(false);
                return CliApp.Bug;
            }
        });
        return command;
    }

    private static async Task<bool> IngestAsync(string[] paths, string? department, ReportingPeriod? period, Func<CliEnvironment> open, TextWriter output, CancellationToken ct)
    {
        using CliEnvironment environment = open();
        UploadPipeline uploads = environment.Get<UploadPipeline>();
        bool anyRejected = false;
        foreach (string path in paths)
        {
            string fullPath = Path.GetFullPath(path);
            UploadAnswer answer;
            await using (FileStream content = File.OpenRead(fullPath))
            {
                answer = await uploads.ProcessAsync(fullPath, department ?? string.Empty, Path.GetFileName(fullPath), content, period, ct).ConfigureAwait(false);
            }

            SubmissionReceipt receipt = answer.Receipt;
            anyRejected |= !receipt.Accepted;
            SubmissionRecord record = receipt.Record;
            await output.WriteLineAsync($"{path}: {Verdict(record.Status)}{(receipt.AlreadyProcessed ? "（此前已处理，未重复写入）" : string.Empty)}").ConfigureAwait(false);
            await output.WriteLineAsync($"  部门 {record.Department}  期间 {record.Period?.ToString() ?? "未知"}  项目 {record.ProjectCount}  签约 {record.SigningCount}  指标 {record.MetricCount}  错误 {record.ErrorCount}  提示 {record.WarningCount}").ConfigureAwait(false);
            await output.WriteLineAsync($"  存档 {Path.Combine(environment.Store.Location, record.ArchivePath)}").ConfigureAwait(false);
            foreach (string dataset in record.DatasetPaths)
            {
                await output.WriteLineAsync($"  数据集 {Path.Combine(environment.Store.Location, dataset)}").ConfigureAwait(false);
            }

            if (record.AnnotatedPath is not null)
            {
                await output.WriteLineAsync($"  标注副本 {Path.Combine(environment.Store.Location, record.AnnotatedPath)}").ConfigureAwait(false);
            }

            if (answer.ReceiptDelivery is { } mailed)
            {
                string result = mailed.Result switch
                {
                    DeliveryResult.Sent => "已发送",
                    DeliveryResult.AlreadySent => "此前已发送",
                    DeliveryResult.Failed => $"发送失败（{mailed.Error}），再次导入时重试",
                    _ => "正由另一进程发送",
                };
                await output.WriteLineAsync($"  回执 {mailed.Recipient}：{result}").ConfigureAwait(false);
            }

            await PrintFindingsAsync(receipt.Findings, record.ErrorCount + record.WarningCount, output).ConfigureAwait(false);
        }

        return anyRejected;
    }

    private static async Task<bool> DryRunAsync(string[] paths, string? department, ReportingPeriod? period, string? configFile, TextWriter output)
    {
        ReportingOptions options = CliEnvironment.LoadOptions(configFile);
        var ingestor = new WorkbookIngestor();
        bool anyRejected = false;
        foreach (string path in paths)
        {
            IngestionOutcome outcome;
            await using (FileStream content = File.OpenRead(path))
            {
                outcome = ingestor.Read(content, Path.GetFileName(path), new IngestionContext { Department = department, Period = period, Options = options });
            }

            anyRejected |= !outcome.Accepted;
            SubmissionResult status = !outcome.Accepted ? SubmissionResult.Rejected : outcome.WarningCount > 0 ? SubmissionResult.AcceptedWithWarnings : SubmissionResult.Accepted;
            await output.WriteLineAsync($"{path}: {Verdict(status)}（试运行，未写入）").ConfigureAwait(false);
            await output.WriteLineAsync($"  部门 {outcome.DepartmentId ?? "未知"}  期间 {outcome.Period?.ToString() ?? "未知"}  项目 {outcome.Projects.Count}  签约 {outcome.Signings.Count}  指标 {outcome.Metrics.Count}  错误 {outcome.ErrorCount}  提示 {outcome.WarningCount}").ConfigureAwait(false);
            foreach (SheetSummary sheet in outcome.Sheets)
            {
                await output.WriteLineAsync($"  工作表“{sheet.Sheet}”：{sheet.Kind?.ToChinese() ?? "未识别"}，表头第{sheet.HeaderRow}行，{sheet.Records}条记录{(sheet.Note is null ? string.Empty : "，" + sheet.Note)}").ConfigureAwait(false);
            }

            await PrintFindingsAsync(outcome.Findings, outcome.ErrorCount + outcome.WarningCount, output).ConfigureAwait(false);
        }

        return anyRejected;
    }

    private static async Task PrintFindingsAsync(IReadOnlyList<Finding> findings, int total, TextWriter output)
    {
        foreach (Finding finding in findings.Take(MaxPrintedFindings))
        {
            await output.WriteLineAsync("  " + finding).ConfigureAwait(false);
        }

        if (total > MaxPrintedFindings)
        {
            await output.WriteLineAsync($"  ……共{total}条，其余见标注副本的“校验结果”工作表。").ConfigureAwait(false);
        }
    }

    private static string Verdict(SubmissionResult status) => status switch
    {
        SubmissionResult.Accepted => "已接收",
        SubmissionResult.AcceptedWithWarnings => "已接收（有提示）",
        SubmissionResult.Rejected => "未通过（已拒收）",
        SubmissionResult.Failed => "处理失败（内部错误，已记录）",
        _ => "处理中",
    };
}
