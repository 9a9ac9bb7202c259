using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;

namespace Reporting.Core.Indicators;

/// <summary>Loads the period's current datasets from the store and computes the indicators.</summary>
public sealed class IndicatorService(IReportStore store, ReportingOptions options)
{
    private readonly DatasetRepository _datasets = new(store);

    /// <summary>
    /// The period's indicators, read against the previous month of the same year (环比) and with the year's trend:
    /// every month from January to the period is loaded, since each month's figures are cumulative from January.
    /// </summary>
    public async Task<IndicatorReport> ComputeAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var datasets = new List<Dataset>();
        for (int month = 1; month <= period.Month; month++)
        {
            datasets.AddRange(await _datasets.LoadPeriodAsync(new ReportingPeriod(period.Year, month), cancellationToken).ConfigureAwait(false));
        }

        return IndicatorEngine.ComputeWithHistory(period, datasets, options.Indicators.WithOrdersFrom(options.Ingestion), options.DepartmentName);
    }
}
