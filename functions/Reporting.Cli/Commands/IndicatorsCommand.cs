using System.CommandLine;
using System.Text.Json;
using Reporting.Core;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Cli.Commands;

/// <summary>`reporting indicators --period 2022-12 [--store DIR] [--format json|table]`.</summary>
public static class IndicatorsCommand
{
    public const string Json = "json";
    public const string Table = "table";

    public static Command Create()
    {
        // Checked in the action rather than by the parser, so that a wrong period exits with
        // CliApp.BadArguments and a Chinese message instead of the parser's generic error.
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var format = new Option<string>("--format") { Description = "输出格式：table（可读表格）或 json（按指标编号）", DefaultValueFactory = _ => Table };

        var command = new Command("indicators", "计算某一期的全部指标（各部门最近一次被接受的报送）");
        command.Options.Add(period);
        command.Options.Add(format);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(period),
            () => store.Open(parseResult),
            parseResult.GetValue(format) ?? Table,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? periodText, Func<CliEnvironment> openEnvironment, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!CliArguments.TryParsePeriod(periodText, error, out ReportingPeriod period))
        {
            return CliApp.BadArguments;
        }

        string normalizedFormat = format.Trim().ToUpperInvariant() switch
        {
            "JSON" => Json,
            "TABLE" => Table,
            _ => string.Empty,
        };
        if (normalizedFormat.Length == 0)
        {
            await error.WriteLineAsync($"输出格式“{format}”无效：应为 json 或 table。").ConfigureAwait(false);
            return CliApp.BadArguments;
        }

        using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(openEnvironment, error).ConfigureAwait(false);

        if (environment is null)
        {
            return CliApp.BadArguments;
        }

        IndicatorReport report;
        try
        {
            report = await environment.Get<IndicatorService>().ComputeAsync(period, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"读取 {period} 的数据集失败（{environment.Store.Location}）：{e.Message}").ConfigureAwait(false);
            return CliApp.Bug;
        }

        if (report.Sources.Count == 0)
        {
            await error.WriteLineAsync($"提示：{environment.Store.Location} 中没有 {period} 已接受的报表，所有指标为“—”。").ConfigureAwait(false);
        }

        if (normalizedFormat == Json)
        {
            await output.WriteLineAsync(IndicatorCatalog.ToJson(report)).ConfigureAwait(false);

            // stdout stays pure JSON; the office still sees what was counted once.
            foreach (Finding warning in report.Warnings)
            {
                await error.WriteLineAsync(warning.ToString()).ConfigureAwait(false);
            }
        }
        else
        {
            await output.WriteAsync(IndicatorTextReport.Render(report, environment.Options.DepartmentName)).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }
}
