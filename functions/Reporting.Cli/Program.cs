using System.CommandLine;
using System.Text;

namespace Reporting.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        RootCommand root = CliApp.CreateRootCommand();
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
