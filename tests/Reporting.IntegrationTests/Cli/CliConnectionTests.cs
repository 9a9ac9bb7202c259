using Azure.Storage.Blobs;
using Reporting.Cli;
using Reporting.Core.Storage;
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

    private sealed record IssueRow(int Issue);
}
