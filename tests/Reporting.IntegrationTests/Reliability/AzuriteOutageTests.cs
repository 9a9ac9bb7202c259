using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.Infrastructure.Storage;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// Azurite killed at each step of a real ingestion (an Azurite of its own, persisting to a temp folder,
/// restarted on the same ports). The function fails and the host retries it: the retry completes, the
/// ledger holds one final row that points at the dataset and the archive, the archive holds the
/// original bytes, the dataset equals an uninterrupted run's, and the department gets one receipt.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class AzuriteOutageTests(SmtpFixture smtp) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_received = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly AzuriteFixture _azurite = AzuriteFixture.Persistent();

    /// <summary>Where the outage strikes: before the n-th store call that matches.</summary>
    public static TheoryData<string> Steps() =>
    [
        "before the original is archived",
        "after archiving, before the ledger row",
        "before the dataset is written",
        "before the annotated workbook is written",
        "before the final ledger row",
        "before the receipt is claimed",
    ];

    public async Task InitializeAsync()
    {
        await smtp.ResetAsync();
        await _azurite.InitializeAsync();
    }

    public Task DisposeAsync()
    {
        _azurite.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Azurite_stopped_mid_ingestion_the_retry_completes_with_one_consistent_ledger_row(string step)
    {
        int upserts = 0;
        var tripwire = new Tripwire(call => step switch
        {
            "before the original is archived" => call is { Operation: "write" } && call.Target.StartsWith("archive/", StringComparison.Ordinal),
            "after archiving, before the ledger row" => call is { Operation: "upsert", Target: LedgerTables.Submissions } && ++upserts == 1,
            "before the dataset is written" => call is { Operation: "write" } && call.Target.StartsWith("datasets/", StringComparison.Ordinal),
            "before the annotated workbook is written" => call is { Operation: "write" } && call.Target.StartsWith("rejected/", StringComparison.Ordinal),
            "before the final ledger row" => call is { Operation: "upsert", Target: LedgerTables.Submissions } && ++upserts == 2,
            _ => call is { Target: LedgerTables.Deliveries },
        }, _azurite.StopAsync);
        using FunctionsTestHost host = Host(tripwire);
        (string name, byte[] content) = step == "before the annotated workbook is written"
            ? ("安源区12月调度表（有误）.xlsx", Samples.WithNegativeInvestment(host.Options))
            : Samples.Projects(host.Options);
        BlobClient blob = await host.UploadAsync("anyuan", name, content);

        Exception? outage = await Record.ExceptionAsync(() => host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None));
        await _azurite.StartAgainAsync();
        await host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None);
        await host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None);

        IReadOnlyList<CapturedMail> receipts = smtp.Messages;
        Assert.True(tripwire.Fired);
        Assert.NotNull(outage);
        SubmissionRecord record = Assert.Single(await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value;
        Assert.True(record.IsFinal, record.Status.ToString());
        Assert.Equal(s_received, record.ReceivedAt);
        Assert.Equal(content, await host.Stores.Store.ReadBytesAsync(record.ArchivePath));
        Assert.Equal([record.ArchivePath], (await host.ListAsync("archive/")).Select(o => o.Path));
        if (record.IsAccepted)
        {
            string path = Assert.Single(record.DatasetPaths);
            Dataset dataset = (await host.Stores.Store.ReadJsonAsync<Dataset>(path))!;
            Assert.Equal((record.Sha256, record.ArchivePath, record.ReceivedAt), (dataset.Sha256, dataset.ArchivePath, dataset.ReceivedAt));
            Assert.Equal(Json(await UninterruptedDatasetAsync(name, content)), Json(dataset));
        }
        else
        {
            Assert.Equal(SubmissionResult.Rejected, record.Status);
            Assert.NotNull(await host.Stores.Store.GetInfoAsync(record.AnnotatedPath!));
        }

        CapturedMail receipt = Assert.Single(receipts);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
    }

    private static string Json(Dataset dataset) => System.Text.Json.JsonSerializer.Serialize(dataset, Reporting.Core.ReportingJson.Options);

    private FunctionsTestHost Host(Tripwire? tripwire) => new(_azurite, smtp, new ManualClock(s_received), overrides: services =>
    {
        if (tripwire is not null)
        {
            services.AddSingleton<IReportStore>(sp => new TrippedReportStore(sp.GetRequiredService<AzureStores>().Store, tripwire));
            services.AddSingleton<ILedgerStore>(sp => new TrippedLedgerStore(sp.GetRequiredService<AzureStores>().Ledger, tripwire));
        }
    });

    private async Task<Dataset> UninterruptedDatasetAsync(string name, byte[] content)
    {
        using FunctionsTestHost clean = Host(tripwire: null);
        BlobClient blob = await clean.UploadAsync("anyuan", name, content);
        await clean.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None);
        smtp.Clear();
        return (await clean.Stores.Store.ReadJsonAsync<Dataset>(DatasetRepository.PathFor(Samples.Period, "anyuan", DatasetKind.Projects)))!;
    }
}
