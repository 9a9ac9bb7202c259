using System.CommandLine;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;

namespace Reporting.Cli.Commands;

/// <summary>`reporting template &lt;projects|signings|metrics&gt; --out FILE.xlsx [--period YYYY-MM]`.</summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "报表类型：projects（重大项目）、signings（招商签约）、metrics（经济指标）" };
        kind.AcceptOnlyFromAmong("projects", "signings", "metrics");
        var output = new Option<string>("--out") { Description = "输出文件（.xlsx）", Required = true };
        var period = new Option<string?>("--period") { Description = "预填的报告期 YYYY-MM" };
        var config = new Option<string?>("--config") { Description = "附加配置文件（JSON）" };
        var command = new Command("template", "生成空白填报模板（含表头、单位、期间行和下拉选项）");
        command.Arguments.Add(kind);
        command.Options.Add(output);
        command.Options.Add(period);
        command.Options.Add(config);
        command.SetAction(async (parseResult, ct) =>
        {
            TextWriter error = parseResult.InvocationConfiguration.Error;
            if (!DatasetKinds.TryParse(parseResult.GetValue(kind), out DatasetKind datasetKind))
            {
                await error.WriteLineAsync("报表类型应为 projects、signings 或 metrics。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            ReportingPeriod? reportingPeriod = null;
            if (parseResult.GetValue(period) is string periodText)
            {
                if (!ReportingPeriod.TryParse(periodText, out ReportingPeriod parsed))
                {
                    await error.WriteLineAsync($"--period 应为 YYYY-MM：'{periodText}'").ConfigureAwait(false);
                    return CliApp.BadArguments;
                }

                reportingPeriod = parsed;
            }

            string path = Path.GetFullPath(parseResult.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (FileStream file = File.Create(path))
            {
                TemplateWriter.Write(datasetKind, CliEnvironment.LoadOptions(parseResult.GetValue(config)), file, reportingPeriod);
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"已生成{datasetKind.ToChinese()}模板：{path}").ConfigureAwait(false);
            _ = ct;
            return CliApp.Ok;
        });
        return command;
    }
}
