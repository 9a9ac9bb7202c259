using System.CommandLine;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Cli;
using Reporting.Core.Storage;
using Reporting.Infrastructure.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Cli;

[Collection(IntegrationFixtures.Name)]
public sealed class CliConnectionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_a_connection_the_cli_works_on_the_azure_store_not_the_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "reporting-cli-" + Guid.NewGuid().ToString("N"));
        string name = $"cli-{Guid.NewGuid():N}.txt";

        CliEnvironment environment = CliEnvironment.Open(folder, configFile: null, connection: azurite.ConnectionString);
        await environment.Store.WriteBytesAsync($"outbox/{name}", "你好"u8.ToArray(), WriteCondition.IfNotExists);
        await environment.Ledger.UpsertAsync(LedgerTables.Issues, "2022", name.Replace(".txt", string.Empty, StringComparison.Ordinal), new IssueRow(12));

        Assert.IsType<AzureBlobReportStore>(environment.Store);
        Assert.IsType<AzureTableLedgerStore>(environment.Ledger);
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(Containers.Outbox).GetBlobClient(name);
        Assert.Equal("你好", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(), "nothing was written to the folder store");
        Assert.NotEmpty(environment.Options.Departments);
    }

    [Fact]
    public async Task The_demo_runs_against_azurite_and_a_second_run_sends_nothing_again()
    {
        string folder = Path.Combine(Path.GetTempPath(), "reporting-demo-azure-" + Guid.NewGuid().ToString("N"));

        (int first, string output) = await RunAsync("demo", "--out", folder, "--connection", azurite.ConnectionString);
        (int second, string again) = await RunAsync("demo", "--out", folder, "--connection", azurite.ConnectionString);

        Assert.True(first == CliApp.Ok, output);
        Assert.Equal(CliApp.Ok, second);
        Assert.Contains("134.8%", output);
        Assert.Contains("此前已发送，未重复发送", again);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        BlobProperties pdf = (await blobs.GetBlobContainerClient(Containers.Briefings).GetBlobClient("2022-12/1.pdf").GetPropertiesAsync()).Value;
        Assert.True(pdf.ContentLength > 10_000);
        var mails = new List<string>();
        await foreach (BlobItem item in blobs.GetBlobContainerClient(Containers.Outbox).GetBlobsAsync())
        {
            if (item.Name.EndsWith(".eml", StringComparison.Ordinal) && item.Name.Contains("pingxiang.example/", StringComparison.Ordinal))
            {
                mails.Add(item.Name);
            }
        }

        // The reviewer's notice of the draft, the four leaders once it is signed (three, and 安源区's head with the county
        // appendix) and a receipt for each of the year's 135 uploads (eleven departments, twelve months, three
        // resubmissions), each once across both runs.
        Assert.Equal(1 + 4 + 135, mails.Count);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(), "nothing was written to the folder store");
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output + error.ToString());
    }

    private sealed record IssueRow(int Issue);
}
