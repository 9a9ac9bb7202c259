using System.Text;

namespace Reporting.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return await CliApp.InvokeAsync(args).ConfigureAwait(false);
    }
}
