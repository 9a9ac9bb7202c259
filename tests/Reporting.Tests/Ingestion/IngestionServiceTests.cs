using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Tests.Ingestion;

public sealed class IngestionServiceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly FolderReportStore _store;
    private readonly FolderLedgerStore _ledger;
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 4, 2, 30, 15, TimeSpan.Zero));

    public IngestionServiceTests()
    {
        _store = new FolderReportStore(_root);
        _ledger = new FolderLedgerStore(_root);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private IngestionService Service(IReportStore? store = null) => new(store ?? _store, _ledger, TestWorkbooks.Options, _clock);

    private static byte[] Good() => TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "安源区", "工业", 100, 50, "是"]]).ToArray();

    [Fact]
    public async Task Archives_stores_the_dataset_and_records_an_accepted_submission()
    {
        byte[] bytes = Good();

        SubmissionReceipt receipt = await Service().IngestAsync("uploads/anyuan/安源区12月.xlsx", "anyuan", "安源区12月.xlsx", new MemoryStream(bytes), null, default);

        Assert.Equal(SubmissionResult.Accepted, receipt.Status);
        Assert.False(receipt.AlreadyProcessed);
        SubmissionRecord record = receipt.Record;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), record.Sha256);
        Assert.Equal($"archive/originals/anyuan/{record.Sha256}.xlsx", record.ArchivePath);
        Assert.Equal(bytes, await _store.ReadBytesAsync(record.ArchivePath));
        Assert.Equal(["datasets/2022-12/anyuan/projects.json"], record.DatasetPaths);
        Dataset? dataset = await new DatasetRepository(_store).LoadAsync(new ReportingPeriod(2022, 12), "anyuan", DatasetKind.Projects);
        Assert.Equal((50m, record.ArchivePath, _clock.GetUtcNow()), (dataset!.Projects[0].Completed, dataset.ArchivePath, dataset.ReceivedAt));
        Assert.Null(record.AnnotatedPath);
        LedgerRow<SubmissionRecord> row = Assert.Single(await _ledger.QueryAsync<SubmissionRecord>(LedgerTables.Submissions, "anyuan").ToListAsync());
        Assert.Equal(SubmissionResult.Accepted, row.Value.Status);
    }

    [Fact]
    public async Task A_second_call_with_the_same_path_and_bytes_returns_the_earlier_receipt_and_writes_nothing()
    {
        byte[] bytes = Good();
        SubmissionReceipt first = await Service().IngestAsync("uploads/anyuan/a.xlsx", "anyuan", "a.xlsx", new MemoryStream(bytes), null, default);
        string[] before = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => f + File.GetLastWriteTimeUtc(f).Ticks).Order().ToArray();
        _clock.Advance(TimeSpan.FromHours(1));

        SubmissionReceipt second = await Service().IngestAsync("uploads/anyuan/a.xlsx", "anyuan", "a.xlsx", new MemoryStream(bytes), null, default);

        Assert.True(second.AlreadyProcessed);
        Assert.Equal(first.Record, second.Record with { DatasetPaths = first.Record.DatasetPaths });
        Assert.Equal(before, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => f + File.GetLastWriteTimeUtc(f).Ticks).Order().ToArray());
    }

    [Fact]
    public async Task A_rejected_submission_gets_an_annotated_copy_with_comments_and_a_findings_sheet()
    {
        byte[] bytes = TestWorkbooks.ProjectWorkbook(rows: [[1, "=HYPERLINK(\"http://x\")", "安源区", "工业", 100, -50, "是"]]).ToArray();

        SubmissionReceipt receipt = await Service().IngestAsync("uploads/anyuan/x.xlsx", "anyuan", "../../etc/x\u202E.xlsx", new MemoryStream(bytes), null, default);

        Assert.Equal(SubmissionResult.Rejected, receipt.Status);
        Assert.Empty(receipt.Record.DatasetPaths);
        Assert.Equal($"rejected/anyuan/20230104T023015Z-{receipt.Record.Sha256[..12]}-校验结果.xlsx", receipt.Record.AnnotatedPath);
        Assert.Equal(RuleIds.ValueNegative, Assert.Single(receipt.Findings).RuleId);
        using var workbook = new XLWorkbook(new MemoryStream((await _store.ReadBytesAsync(receipt.Record.AnnotatedPath!))!));
        IXLCell flagged = workbook.Worksheet("项目表").Cell("F5");
        Assert.True(flagged.HasComment);
        Assert.Contains("为负数", flagged.Comment.Text, StringComparison.Ordinal);
        IXLCell injected = workbook.Worksheet("项目表").Cell("B5");
        Assert.False(injected.HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://x\")", injected.GetString());
        IXLWorksheet results = workbook.Worksheet(WorkbookIngestor.FindingsSheetName);
        Assert.Equal(("错误", "项目表", "F5", RuleIds.ValueNegative), (results.Cell(3, 2).GetString(), results.Cell(3, 3).GetString(), results.Cell(3, 4).GetString(), results.Cell(3, 7).GetString()));
        Assert.Equal("'-50", results.Cell(3, 6).GetString());
        Assert.Equal(0, await _store.ListAsync("datasets/").CountAsync());
    }

    [Fact]
    public async Task Resolves_the_department_from_the_sheet_when_the_upload_does_not_say()
    {
        byte[] bytes = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "填报单位：湘东区发改委", null, "时间：2022年1-12月")
            .Put(2, TestWorkbooks.ProjectHeader)
            .Put(3, 1, "一", "湘东区", "工业", 1000, 500, "是")).ToArray();

        SubmissionReceipt receipt = await Service().IngestAsync("cli:/tmp/x.xlsx", string.Empty, "x.xlsx", new MemoryStream(bytes), null, default);

        Assert.Equal(("xiangdong", "湘东区发改委"), (receipt.Record.Department, receipt.Record.DepartmentName!));
        Assert.StartsWith("archive/originals/_unassigned/", receipt.Record.ArchivePath, StringComparison.Ordinal);
        Assert.Equal(["datasets/2022-12/xiangdong/projects.json"], receipt.Record.DatasetPaths);
    }

    [Fact]
    public async Task A_failure_after_archiving_is_recorded_and_the_retry_processes_again()
    {
        byte[] bytes = Good();
        var failing = new FailingDatasetStore(_store);

        SubmissionReceipt failed = await Service(failing).IngestAsync("uploads/anyuan/a.xlsx", "anyuan", "a.xlsx", new MemoryStream(bytes), null, default);

        Assert.Equal(SubmissionResult.Failed, failed.Status);
        Assert.Equal(RuleIds.IngestionFailed, Assert.Single(failed.Findings).RuleId);
        Assert.NotNull(await _store.GetInfoAsync(failed.Record.ArchivePath));
        Assert.Contains("IOException", failed.Record.FailureMessage, StringComparison.Ordinal);

        SubmissionReceipt retried = await Service().IngestAsync("uploads/anyuan/a.xlsx", "anyuan", "a.xlsx", new MemoryStream(bytes), null, default);

        Assert.False(retried.AlreadyProcessed);
        Assert.Equal(SubmissionResult.Accepted, retried.Status);
        Assert.Equal(failed.Record.ReceivedAt, retried.Record.ReceivedAt);
    }

    [Fact]
    public async Task An_invalid_department_is_rejected_and_kept_out_of_department_folders()
    {
        SubmissionReceipt receipt = await Service().IngestAsync("uploads/../x.xlsx", "../Anyuan", "x.xlsx", new MemoryStream(Good()), null, default);

        Assert.Equal(SubmissionResult.Rejected, receipt.Status);
        Assert.Contains(receipt.Findings, f => f.RuleId == RuleIds.DepartmentInvalid);
        Assert.StartsWith("archive/originals/_invalid/", receipt.Record.ArchivePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\u202Eslx.exe", "a_slx.exe")]
    [InlineData("报表\u0000.xlsx", "报表_.xlsx")]
    [InlineData("  ..  ", "upload")]
    public void Sanitizes_file_names_before_they_reach_a_path(string name, string expected)
    {
        Assert.Equal(expected, UploadNames.SanitizeFileName(name));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class FailingDatasetStore(IReportStore inner) : IReportStore
    {
        public string Location => inner.Location;

        public Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

        public Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default) =>
            path.StartsWith(Containers.Datasets, StringComparison.Ordinal) ? throw new IOException("disk full") : inner.WriteAsync(path, content, condition, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
    }
}
