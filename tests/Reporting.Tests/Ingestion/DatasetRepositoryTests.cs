using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;

namespace Reporting.Tests.Ingestion;

public sealed class DatasetRepositoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-datasets-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static Dataset Submission(string sha, DateTimeOffset receivedAt, decimal plan) => new()
    {
        Kind = DatasetKind.Projects,
        Period = new ReportingPeriod(2022, 12),
        Department = "anyuan",
        SourceFile = "安源区.xlsx",
        ArchivePath = $"archive/2022-12/anyuan/{sha}.xlsx",
        Sha256 = sha,
        ReceivedAt = receivedAt,
        Projects =
        [
            new ProjectRecord { Name = "项目", County = "安源区", Field = "工业", AnnualPlan = plan, Completed = 1m, Source = new SourceRef("Sheet1", 5) },
        ],
    };

    [Fact]
    public async Task An_older_submission_finishing_late_does_not_replace_a_newer_one()
    {
        var repository = new DatasetRepository(new FolderReportStore(_root));
        var t0 = new DateTimeOffset(2023, 1, 3, 8, 0, 0, TimeSpan.Zero);

        Assert.True(await repository.SaveIfLatestAsync(Submission("bbb", t0.AddMinutes(5), 200m)));
        Assert.False(await repository.SaveIfLatestAsync(Submission("aaa", t0, 100m)));

        Dataset? current = await repository.LoadAsync(new ReportingPeriod(2022, 12), "anyuan", DatasetKind.Projects);
        Assert.Equal("bbb", current!.Sha256);
        Assert.Equal(200m, current.Projects[0].AnnualPlan);
    }

    [Fact]
    public async Task Reads_a_dataset_written_before_units_were_recorded_and_round_trips_one_written_with_them()
    {
        var store = new FolderReportStore(_root);
        var repository = new DatasetRepository(store);
        string old = """
            {"schemaVersion":1,"kind":"projects","period":"2022-12","department":"anyuan","sourceFile":"安源区.xlsx",
             "archivePath":"archive/2022-12/anyuan/aaa.xlsx","sha256":"aaa","receivedAt":"2023-01-03T08:00:00+00:00",
             "projects":[{"name":"项目","county":"安源区","field":"工业","annualPlan":100,"completed":1,"source":{"sheet":"Sheet1","row":5}}],
             "warnings":[]}
            """;
        await store.WriteAsync(DatasetRepository.PathFor(new ReportingPeriod(2022, 12), "anyuan", DatasetKind.Projects), new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old)), WriteCondition.Overwrite);

        Dataset? read = await repository.LoadAsync(new ReportingPeriod(2022, 12), "anyuan", DatasetKind.Projects);

        Assert.Equal((100m, 0), (read!.Projects[0].AnnualPlan, read.Units.Count));
        ColumnUnit unit = new("Sheet1", "completed", "累计完成投资（千元）", "千元", ColumnUnit.FromHeader, "万元");
        Assert.True(await repository.SaveIfLatestAsync(Submission("bbb", DateTimeOffset.UnixEpoch.AddYears(60), 100m) with { Units = [unit] }));
        Assert.Equal([unit], (await repository.LoadAsync(new ReportingPeriod(2022, 12), "anyuan", DatasetKind.Projects))!.Units);
    }

    [Fact]
    public async Task Saving_the_same_submission_twice_changes_nothing()
    {
        var store = new FolderReportStore(_root);
        var repository = new DatasetRepository(store);
        Dataset dataset = Submission("aaa", DateTimeOffset.UnixEpoch, 100m);

        Assert.True(await repository.SaveIfLatestAsync(dataset));
        StoredObject? before = await store.GetInfoAsync(DatasetRepository.PathFor(dataset.Period, "anyuan", DatasetKind.Projects));
        Assert.True(await repository.SaveIfLatestAsync(dataset));
        StoredObject? after = await store.GetInfoAsync(DatasetRepository.PathFor(dataset.Period, "anyuan", DatasetKind.Projects));

        Assert.Equal(before!.ETag, after!.ETag);
    }

    [Fact]
    public async Task Round_trips_decimals_exactly_through_json()
    {
        var repository = new DatasetRepository(new FolderReportStore(_root));
        await repository.SaveIfLatestAsync(Submission("aaa", DateTimeOffset.UnixEpoch, 12345.6789m));

        IReadOnlyList<Dataset> all = await repository.LoadPeriodAsync(new ReportingPeriod(2022, 12));

        Assert.Equal(12345.6789m, Assert.Single(all).Projects[0].AnnualPlan);
    }
}
