using System.CommandLine;
using Reporting.Cli;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Tests.Delivery;

namespace Reporting.Tests.Cli;

/// <summary>Runs `reporting` commands in process, and fills a folder store with the bundled sample workbooks first.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every bundled sample of the seed period, ingested for real into the folder store at <paramref name="store"/>.</summary>
    public static async Task IngestSamplesAsync(string store)
    {
        ReportingOptions options = CliEnvironment.LoadOptions(null);
        var service = new IngestionService(new FolderReportStore(store), new FolderLedgerStore(store), options, new SteppingClock(new DateTimeOffset(2023, 1, 4, 1, 0, 0, TimeSpan.Zero)));
        foreach ((string department, string path) in SampleDataFolder.Files(SampleDataFolder.Period))
        {
            await using FileStream content = File.OpenRead(path);
            SubmissionReceipt receipt = await service.IngestAsync($"uploads/{department}/{Path.GetFileName(path)}", department, Path.GetFileName(path), content, null, default);
            Assert.True(receipt.Accepted, string.Join("\n", receipt.Findings));
        }
    }
}
