using System.CommandLine;

namespace Reporting.Cli;

/// <summary>The `reporting` command tree. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    /// <summary>Exit codes: 0 done; 1 a bug (unexpected exception); 2 bad arguments; 3 a submission was rejected; 4 a mail could not be delivered (recorded, retried next run).</summary>
    public const int Ok = 0;
    public const int Bug = 1;
    public const int BadArguments = 2;
    public const int Rejected = 3;
    public const int DeliveryFailed = 4;

    /// <summary>
    /// Parses and runs a command line. A parse error (unknown option, missing required value) exits
    /// with <see cref="BadArguments"/>, not the parser's 1, which we keep for bugs; an unexpected
    /// exception is reported as a bug with its details rather than a bare stack trace.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        ParseResult parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parseResult.Errors)
            {
                await configuration.Error.WriteLineAsync("参数错误：" + parseError.Message).ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("用 reporting --help 或 reporting <命令> --help 查看用法。").ConfigureAwait(false);
            return BadArguments;
        }

        try
        {
            return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await configuration.Error.WriteLineAsync("内部错误（bug），请把以下信息发给维护人员：" + Environment.NewLine + e).ConfigureAwait(false);
            return Bug;
        }
    }

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("reporting: 把各部门月报表汇总为指标和简报 (turns department spreadsheets into indicators and a PDF briefing)");
        root.Subcommands.Add(Commands.DemoCommand.Create());
        root.Subcommands.Add(Commands.IngestCommand.Create());
        root.Subcommands.Add(Commands.TemplateCommand.Create());
        root.Subcommands.Add(Commands.IndicatorsCommand.Create());
        root.Subcommands.Add(Commands.BriefCommand.Create());
        root.Subcommands.Add(Commands.ReviewCommand.Create());
        root.Subcommands.Add(Commands.ReviewCommand.CreateSign());
        root.Subcommands.Add(Commands.SendCommand.Create());
        root.Subcommands.Add(Commands.StatusCommand.Create());
        root.Subcommands.Add(Commands.ServeCommand.Create());
        root.Subcommands.Add(Commands.MailboxCommand.Create());
        return root;
    }
}
