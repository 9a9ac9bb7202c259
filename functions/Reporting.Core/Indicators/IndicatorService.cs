using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;

namespace Reporting.Core.Indicators;

/// <summary>Loads the period's current datasets from the store and computes the indicators.</summary>
public sealed class IndicatorService(IReportStore store, ReportingOptions options)
{
    private readonly DatasetRepository _datasets = new(store);

    public async Task<IndicatorReport> ComputeAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Dataset> datasets = await _datasets.LoadPeriodAsync(period, cancellationToken).ConfigureAwait(false);
        return IndicatorEngine.Compute(period, datasets, options.Indicators.WithOrdersFrom(options.Ingestion), options.DepartmentName);
    }
}
