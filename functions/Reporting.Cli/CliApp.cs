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

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("reporting: 把各部门月报表汇总为指标和简报 (turns department spreadsheets into indicators and a PDF briefing)");
        root.Subcommands.Add(Commands.DemoCommand.Create());
        root.Subcommands.Add(Commands.IngestCommand.Create());
        root.Subcommands.Add(Commands.TemplateCommand.Create());
        root.Subcommands.Add(Commands.IndicatorsCommand.Create());
        root.Subcommands.Add(Commands.BriefCommand.Create());
        root.Subcommands.Add(Commands.SendCommand.Create());
        root.Subcommands.Add(Commands.StatusCommand.Create());
        return root;
    }
}
