using Reporting.Core.Storage;

namespace Reporting.Core.Ingestion.Submissions;

/// <summary>What one submission read, as totals a clerk can check against their own sheet (万元, exact).</summary>
public sealed record SubmissionTotals(int Projects, decimal AnnualPlan, decimal Completed, int Signings, decimal SigningAmount, int Metrics);

/// <summary>
/// A submission's files: the archived original, the annotated workbook, and the totals of the dataset it produced.
/// Callers name a submission by its ledger row; the paths stay inside Core.
/// </summary>
public sealed class SubmissionFiles(IReportStore store)
{
    /// <summary>The original exactly as uploaded; null when the archive does not hold it.</summary>
    public Task<Stream?> OpenOriginalAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return store.OpenReadAsync(record.ArchivePath, cancellationToken);
    }

    /// <summary>The workbook with every finding marked at its cell; null when none was written.</summary>
    public Task<Stream?> OpenAnnotatedAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.AnnotatedPath is { } path ? store.OpenReadAsync(path, cancellationToken) : Task.FromResult<Stream?>(null);
    }

    /// <summary>
    /// The totals of the datasets this submission wrote, or null when it wrote none or a later submission of the
    /// same department, kind and period has since replaced them (the figures shown are then no longer this file's).
    /// </summary>
    public async Task<SubmissionTotals?> ReadTotalsAsync(SubmissionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsAccepted || record.DatasetPaths.Count == 0)
        {
            return null;
        }

        var totals = new SubmissionTotals(0, 0m, 0m, 0, 0m, 0);
        foreach (string path in record.DatasetPaths)
        {
            Dataset? dataset = await store.ReadJsonAsync<Dataset>(path, cancellationToken).ConfigureAwait(false);
            if (dataset is null || dataset.Sha256 != record.Sha256 || dataset.ReceivedAt != record.ReceivedAt)
            {
                return null;
            }

            totals = totals with
            {
                Projects = totals.Projects + dataset.Projects.Count,
                AnnualPlan = totals.AnnualPlan + dataset.Projects.Sum(p => p.AnnualPlan),
                Completed = totals.Completed + dataset.Projects.Sum(p => p.Completed),
                Signings = totals.Signings + dataset.Signings.Count,
                SigningAmount = totals.SigningAmount + dataset.Signings.Sum(s => s.Amount),
                Metrics = totals.Metrics + dataset.Metrics.Count,
            };
        }

        return totals;
    }
}
