using Reporting.Core;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Tests.Delivery;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Files through the whole path a department's upload takes (archive, read, dataset, ledger) into a
/// folder store, and the indicators computed from that store as `reporting indicators` does.
/// </summary>
internal sealed class RealWorldPipeline : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-pipeline-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 5, 1, 0, 0, TimeSpan.Zero));
    private readonly IngestionService _service;

    public RealWorldPipeline()
    {
        Store = new FolderReportStore(_root);
        _service = new IngestionService(Store, new FolderLedgerStore(_root), TestWorkbooks.Options, _clock);
    }

    public FolderReportStore Store { get; }

    /// <summary>Uploads a file a minute after the previous one, so "the latest submission wins" is deterministic.</summary>
    public async Task<SubmissionReceipt> Upload(string department, string fileName, Stream content, ReportingPeriod? period = null)
    {
        _clock.Now = _clock.Now.AddMinutes(1);
        return await _service.IngestAsync($"uploads/{department}/{fileName}", department, fileName, content, period, default);
    }

    public Task<IndicatorReport> Indicators(ReportingPeriod period) => new IndicatorService(Store, TestWorkbooks.Options).ComputeAsync(period);

    public async Task<Dataset> Dataset(string department, DatasetKind kind, ReportingPeriod period) =>
        (await new DatasetRepository(Store).LoadAsync(period, department, kind))!;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
