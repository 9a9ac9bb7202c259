using System.CommandLine;
using System.Globalization;
using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Pdf;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Cli.Commands;

/// <summary>`reporting brief --period 2022-12 --out FILE.pdf [--store DIR] [--config FILE] [--date YYYY-MM-DD]`.</summary>
public static class BriefCommand
{
    public static Command Create()
    {
        // Checked in the action rather than by the parser, so that a mistake exits with
        // CliApp.BadArguments and a Chinese message instead of the parser's generic error.
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var output = new Option<string?>("--out") { Description = "输出的 PDF 文件（必填）" };
        var store = new Option<string>("--store") { Description = "存储目录", DefaultValueFactory = _ => "out/store" };
        var config = new Option<string?>("--config") { Description = "附加配置文件 (JSON)" };
        var date = new Option<string?>("--date") { Description = "印发日期 YYYY-MM-DD，默认北京时间今天" };

        var command = new Command("brief", "生成某一期的简报 PDF（第N期按年编号，重复生成同一期沿用原期号）");
        command.Options.Add(period);
        command.Options.Add(output);
        command.Options.Add(store);
        command.Options.Add(config);
        command.Options.Add(date);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(period),
            parseResult.GetValue(output),
            parseResult.GetValue(store) ?? "out/store",
            parseResult.GetValue(config),
            parseResult.GetValue(date),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? periodText,
        string? outputPath,
        string storeDirectory,
        string? configFile,
        string? dateText,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!ReportingPeriod.TryParse(periodText, out ReportingPeriod period))
        {
            await error.WriteLineAsync(periodText is null
                ? "请用 --period 指定报告期，格式 YYYY-MM，例如 --period 2022-12。"
                : $"报告期“{periodText}”无效：格式应为 YYYY-MM（年份 2000–2100，月份 1–12），例如 2022-12。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        if (string.IsNullOrWhiteSpace(outputPath))
        {
            await error.WriteLineAsync("请用 --out 指定输出的 PDF 文件，例如 --out out/briefings/2022-12.pdf。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        DateOnly issueDate = ChinaTime.Today(TimeProvider.System);
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out issueDate))
        {
            await error.WriteLineAsync($"印发日期“{dateText}”无效：格式应为 YYYY-MM-DD，例如 2023-01-06。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        CliEnvironment environment;
        try
        {
            environment = CliEnvironment.Open(storeDirectory, configFile);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            await error.WriteLineAsync($"无法打开配置或存储目录：{e.Message}").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        IndicatorReport report = await new IndicatorService(environment.Store, environment.Options).ComputeAsync(period, cancellationToken).ConfigureAwait(false);
        if (report.Sources.Count == 0)
        {
            // An empty briefing would still use up an issue number; the office needs data first.
            await error.WriteLineAsync($"{environment.Store.Location} 中没有 {period} 已接受的报表，未生成简报。请先导入各部门报表（reporting ingest）。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        IReadOnlyList<DepartmentSubmissionStatus> submissions =
            await new SubmissionStatusService(environment.Ledger, environment.Options).GetStatusAsync(period, cancellationToken).ConfigureAwait(false);
        int issue = await new IssueNumbering(environment.Ledger).AllocateAsync(period, cancellationToken).ConfigureAwait(false);
        BriefingDocument document = BriefingComposer.Compose(report, submissions, environment.Options.Briefing, environment.Options, issue, issueDate);

        string fullPath = Path.GetFullPath(outputPath);
        try
        {
            long bytes = Render(document, fullPath);
            await output.WriteLineAsync(
                $"已生成简报：{fullPath}（{document.Title} {document.IssueLabel}，{document.IssueDateLabel}，{Display.Plain(bytes / 1024m, 0)} KB）").ConfigureAwait(false);
        }
        catch (MissingGlyphException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CliApp.Rejected;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"无法写入 {fullPath}：{e.Message}").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        foreach (Finding warning in report.Warnings)
        {
            await error.WriteLineAsync(warning.ToString()).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    /// <summary>Renders next to the target and moves it into place, so a failed render never leaves half a PDF.</summary>
    private static long Render(BriefingDocument document, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (FileStream stream = File.Create(temporary))
            {
                new PdfBriefingRenderer().Render(document, stream);
            }

            File.Move(temporary, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
