using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Reporting.Core;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// Fifty uploads at once against Azurite (eight departments, most of them resubmitting several times):
/// every one archived and recorded once, the latest by arrival time is the dataset of its department
/// whatever order the ingestions finish in, and the indicators equal those of the same uploads ingested
/// one after another on a fresh store.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class ConcurrentUploadTests(AzuriteFixture azurite, SmtpFixture smtp) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_firstArrival = new(2023, 1, 2, 1, 0, 0, TimeSpan.Zero);

    private static readonly (string Department, string County, int Uploads)[] s_departments =
    [
        ("anyuan", "安源区", 10), ("xiangdong", "湘东区", 8), ("lianhua", "莲花县", 6), ("shangli", "上栗县", 6),
        ("luxi", "芦溪县", 6), ("jingkai", "萍乡经开区", 5), ("wugongshan", "武功山风景名胜区", 5), ("swj", "萍乡经开区", 4),
    ];

    public async Task InitializeAsync()
    {
        await smtp.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Upload(string Department, string Name, byte[] Content, DateTimeOffset ArrivedAt)
    {
        public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
    }

    [Fact]
    public async Task Fifty_uploads_at_once_are_each_archived_and_recorded_and_the_latest_per_department_wins()
    {
        var clock = new PerCallClock(s_firstArrival);
        using var host = new FunctionsTestHost(azurite, smtp, clock);
        List<Upload> uploads = Uploads(host);
        var blobs = new Dictionary<Upload, BlobClient>();
        foreach (Upload upload in uploads)
        {
            blobs[upload] = await host.UploadAsync(upload.Department, upload.Name, upload.Content);
        }

        await Task.WhenAll(uploads.Select(upload => Task.Run(async () =>
        {
            clock.Set(upload.ArrivedAt);
            await host.Create<IngestUploadFunction>().RunAsync(blobs[upload], upload.Department, upload.Name, CancellationToken.None);
        })));

        List<LedgerRow<SubmissionRecord>> rows = await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions);
        Assert.Equal(50, rows.Count);
        foreach (Upload upload in uploads)
        {
            SubmissionRecord record = Assert.Single(rows, r => r.Value.UploadPath == $"uploads/{upload.Department}/{upload.Name}").Value;
            Assert.True(record.IsAccepted, $"{upload.Name}: {record.Status} {record.FindingsJson}");
            Assert.Equal((upload.Sha256, upload.ArrivedAt), (record.Sha256, record.ReceivedAt));
            Assert.Equal(upload.Content, await host.Stores.Store.ReadBytesAsync(record.ArchivePath));
        }

        Assert.Equal(50, (await host.ListAsync("archive/")).Count);
        foreach (IGrouping<string, Upload> department in uploads.GroupBy(u => u.Department))
        {
            Upload latest = department.MaxBy(u => u.ArrivedAt)!;
            DatasetKind kind = department.Key == "swj" ? DatasetKind.Signings : DatasetKind.Projects;
            Dataset current = (await new DatasetRepository(host.Stores.Store).LoadAsync(Samples.Period, department.Key, kind))!;
            Assert.Equal((latest.Sha256, latest.ArrivedAt), (current.Sha256, current.ReceivedAt));
        }

        Assert.Equal(50, smtp.Messages.Count);
        string concurrent = await IndicatorsAsync(host);
        smtp.Clear();
        Assert.Equal(await SerialIndicatorsAsync(uploads), concurrent);
    }

    private async Task<string> SerialIndicatorsAsync(List<Upload> uploads)
    {
        var clock = new PerCallClock(s_firstArrival);
        using var host = new FunctionsTestHost(azurite, smtp, clock, new Dictionary<string, string?> { ["Reporting:Delivery:ReceiptsEnabled"] = "false" });
        foreach (Upload upload in uploads.OrderBy(u => u.ArrivedAt))
        {
            BlobClient blob = await host.UploadAsync(upload.Department, upload.Name, upload.Content);
            clock.Set(upload.ArrivedAt);
            await host.Create<IngestUploadFunction>().RunAsync(blob, upload.Department, upload.Name, CancellationToken.None);
        }

        return await IndicatorsAsync(host);
    }

    private static async Task<string> IndicatorsAsync(FunctionsTestHost host)
    {
        IndicatorReport report = await new IndicatorService(host.Stores.Store, host.Options).ComputeAsync(Samples.Period);
        Assert.Equal(8, report.Sources.Count);
        return JsonSerializer.Serialize(report, ReportingJson.Options);
    }

    // Each upload differs (its figures depend on the version), and arrival times are a shuffle of fifty minutes,
    // so the order the uploads are started in says nothing about which one is the latest.
    private static List<Upload> Uploads(FunctionsTestHost host)
    {
        var random = new Random(50);
        int[] minutes = [.. Enumerable.Range(0, 50).OrderBy(_ => random.Next())];
        var uploads = new List<Upload>();
        foreach ((string department, string county, int count) in s_departments)
        {
            for (int version = 1; version <= count; version++)
            {
                byte[] content = department == "swj" ? Signings(host, version) : Projects(host, county, version);
                uploads.Add(new Upload(department, $"{department}-第{version}次报送.xlsx", content, s_firstArrival.AddMinutes(minutes[uploads.Count])));
            }
        }

        return uploads;
    }

    private static byte[] Projects(FunctionsTestHost host, string county, int version) => Samples.Fill(host.Options, DatasetKind.Projects,
    [
        .. Enumerable.Range(1, 3).Select(i => new Dictionary<string, object>
        {
            ["项目名称"] = $"{county}重点项目{i}", ["县区"] = county, ["所属领域"] = i == 2 ? "工业" : "重大基础设施",
            ["年度计划投资（万元）"] = 10000 * i, ["累计完成投资（万元）"] = (7000 * i) + (version * 250), ["是否开工"] = "是",
        }),
    ]);

    private static byte[] Signings(FunctionsTestHost host, int version) => Samples.Fill(host.Options, DatasetKind.Signings,
    [
        .. Enumerable.Range(1, 2 + version).Select(i => new Dictionary<string, object>
        {
            ["项目名称"] = $"签约项目{i}", ["县区"] = "萍乡经开区", ["签约时间"] = new DateTime(2022, 11, i), ["签约金额（万元）"] = 5000 * i * version,
            ["产业链"] = "锂电", ["来源地"] = "长三角", ["是否5020项目"] = i == 1 ? "是" : "否",
        }),
    ]);
}
