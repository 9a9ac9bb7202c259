using System.CommandLine;
using System.Globalization;
using Reporting.Core;
using Reporting.Core.Fonts;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using Reporting.Core.Pipeline;

namespace Reporting.Cli.Commands;

/// <summary>`reporting brief --period 2022-12 [--out FILE.pdf] [--date YYYY-MM-DD] [--store DIR] [--config FILE] [--connection C]`.</summary>
public static class BriefCommand
{
    public static Command Create()
    {
        // Checked in the action rather than by the parser, so that a mistake exits with
        // CliApp.BadArguments and a Chinese message instead of the parser's generic error.
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var output = new Option<string?>("--out") { Description = "另存一份 PDF 到此文件（存储中的 briefings/{期间}/ 总会保存一份）" };
        var date = new Option<string?>("--date") { Description = "印发日期 YYYY-MM-DD，默认北京时间今天" };

        var command = new Command("brief", "生成某一期的简报 PDF 并存入 briefings/（第N期按年编号，重复生成同一期沿用原期号）");
        command.Options.Add(period);
        command.Options.Add(output);
        command.Options.Add(date);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(period),
            parseResult.GetValue(output),
            parseResult.GetValue(date),
            () => store.Open(parseResult),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? periodText,
        string? outputPath,
        string? dateText,
        Func<CliEnvironment> openEnvironment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openEnvironment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!CliArguments.TryParsePeriod(periodText, error, out ReportingPeriod period))
        {
            return CliApp.BadArguments;
        }

        DateOnly givenDate = default;
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out givenDate))
        {
            await error.WriteLineAsync($"印发日期“{dateText}”无效：格式应为 YYYY-MM-DD，例如 2023-01-06。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(openEnvironment, error).ConfigureAwait(false);

        if (environment is null)
        {
            return CliApp.BadArguments;
        }

        // Today in Beijing by the clock every other step uses (the demo's and the tests' clocks included).
        DateOnly issueDate = dateText is null ? ChinaTime.Today(environment.Get<TimeProvider>()) : givenDate;

        PublishedBriefing? briefing;
        try
        {
            briefing = await environment.Get<BriefingPublisher>().RenderAsync(period, issueDate, cancellationToken).ConfigureAwait(false);
        }
        catch (MissingGlyphException e)
        {
            // The data holds a character the font cannot print: say which, rather than print a blank box.
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return CliApp.Rejected;
        }

        if (briefing is null)
        {
            // An empty briefing would still use up an issue number; the office needs data first.
            await error.WriteLineAsync($"{environment.Store.Location} 中没有 {period} 已接受的报表，未生成简报。请先导入各部门报表（reporting ingest）。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        await output.WriteLineAsync(
            $"已生成简报：{briefing.Subject}，{Display.Plain(briefing.PdfBytes / 1024m, 0)} KB，存于 {briefing.PdfPath}").ConfigureAwait(false);
        if (outputPath is not null)
        {
            string fullPath = Path.GetFullPath(outputPath);
            try
            {
                await CopyOutAsync(environment, briefing.PdfPath, fullPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"无法写入 {fullPath}：{e.Message}").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            await output.WriteLineAsync($"另存为：{fullPath}").ConfigureAwait(false);
        }

        foreach (Finding warning in briefing.Warnings)
        {
            await error.WriteLineAsync(warning.ToString()).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    /// <summary>Copies a stored file next to the target first and moves it into place, so a failure never leaves half a PDF.</summary>
    internal static async Task CopyOutAsync(CliEnvironment environment, string storePath, string fullPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = fullPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            Stream source = await environment.Store.OpenReadAsync(storePath, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"{storePath} 不在存储中。");
            await using (source.ConfigureAwait(false))
            {
                await using FileStream target = File.Create(temporary);
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
