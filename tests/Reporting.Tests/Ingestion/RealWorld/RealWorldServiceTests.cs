using ClosedXML.Excel;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Tests.Delivery;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>Real-world files through the whole ingestion service: archive, dataset, ledger, annotated copy.</summary>
public sealed class RealWorldServiceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-realworld-" + Guid.NewGuid().ToString("N"));
    private readonly FolderReportStore _store;
    private readonly IngestionService _service;

    public RealWorldServiceTests()
    {
        _store = new FolderReportStore(_root);
        _service = new IngestionService(_store, new FolderLedgerStore(_root), TestWorkbooks.Options, new ManualClock(new DateTimeOffset(2023, 1, 5, 1, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<SubmissionReceipt> Upload(string department, string fixture)
    {
        string name = Path.GetFileName(fixture);
        return _service.IngestAsync($"uploads/{department}/{name}", department, name, File.OpenRead(TestWorkbooks.FixturePath(fixture)), null, default);
    }

    [Fact]
    public async Task Stores_the_city_xls_projects_of_every_county_sheet_under_the_uploading_department()
    {
        SubmissionReceipt receipt = await Upload("fgw", RealWorldFixtures.CityXls);

        Assert.Equal((SubmissionResult.Accepted, 8), (receipt.Status, receipt.Record.ProjectCount));
        Assert.Equal(["datasets/2022-12/fgw/projects.json"], receipt.Record.DatasetPaths);
        Dataset dataset = (await new DatasetRepository(_store).LoadAsync(RealWorld.December2022, "fgw", DatasetKind.Projects))!;
        Assert.Equal(
            [("安源区", 21000m, 23138.5m), ("湘东区", 23000m, 22200.25m), ("莲花县", 20500m, 20200m)],
            dataset.Projects.GroupBy(p => p.County).Select(g => (g.Key, g.Sum(p => p.AnnualPlan), g.Sum(p => p.Completed))));
    }

    [Fact]
    public async Task Accepts_the_signings_xls_with_the_short_total_as_a_stored_warning()
    {
        SubmissionReceipt receipt = await Upload("xiangdong", RealWorldFixtures.SigningsXls);

        Assert.Equal(SubmissionResult.AcceptedWithWarnings, receipt.Status);
        Dataset dataset = (await new DatasetRepository(_store).LoadAsync(RealWorld.December2022, "xiangdong", DatasetKind.Signings))!;
        Assert.Equal([520000m, 15000m, 32000m], dataset.Signings.Select(s => s.Amount));
        Assert.Equal("E7", Assert.Single(dataset.Warnings).Cell);
    }

    [Fact]
    public async Task Rejects_a_county_typo_and_a_city_level_row_and_marks_both_cells_in_the_annotated_copy()
    {
        byte[] bytes = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "安源区城市更新", "安源县", "公共服务", 500, 450)
            .Put(4, "萍乡绕城高速", "市本级", "重大基础设施", 50000, 42000)
            .Put(5, "安源区物流园", "安源区", "服务业", 800, 700)).ToArray();

        SubmissionReceipt receipt = await _service.IngestAsync("uploads/anyuan/安源区12月.xlsx", "anyuan", "安源区12月.xlsx", new MemoryStream(bytes), null, default);

        Assert.Equal(SubmissionResult.Rejected, receipt.Status);
        Assert.Equal(["B3", "B4"], receipt.Findings.Select(f => f.Cell));
        Assert.Empty(receipt.Record.DatasetPaths);
        using var annotated = new XLWorkbook(new MemoryStream((await _store.ReadBytesAsync(receipt.Record.AnnotatedPath!))!));
        Assert.Contains("是否应为“安源区”", annotated.Worksheet("调度表").Cell("B3").Comment.Text, StringComparison.Ordinal);
        Assert.True(annotated.Worksheet("调度表").Cell("B4").HasComment);
        Assert.False(annotated.Worksheet("调度表").Cell("B5").HasComment);
    }

    [Fact]
    public async Task Takes_the_department_and_period_from_a_wps_csv_uploaded_without_either()
    {
        string fixture = "real-world/projects-shangli-2022-12-wps-gb18030.csv";
        SubmissionReceipt receipt = await _service.IngestAsync("cli:/tmp/上栗.csv", string.Empty, "上栗.csv", File.OpenRead(TestWorkbooks.FixturePath(fixture)), null, default);

        Assert.Equal((SubmissionResult.Accepted, "shangli", RealWorld.December2022), (receipt.Status, receipt.Record.Department, receipt.Record.Period!.Value));
        Assert.Equal(["datasets/2022-12/shangli/projects.json"], receipt.Record.DatasetPaths);
    }
}
