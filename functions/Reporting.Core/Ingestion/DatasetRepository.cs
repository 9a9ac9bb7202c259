using Reporting.Core.Storage;

namespace Reporting.Core.Ingestion;

/// <summary>
/// datasets/{period}/{department}/{kind}.json holds the latest accepted submission per department,
/// kind and period. "Latest" is by the time the upload was received, not by the order in which
/// concurrent ingestions happen to finish, so a slow older upload never overwrites a newer one.
/// </summary>
public sealed class DatasetRepository(IReportStore store)
{
    private const int MaxConflictRetries = 20;

    public static string PathFor(ReportingPeriod period, string department, DatasetKind kind) =>
        StorePath.Combine(Containers.Datasets, period.ToString(), department, kind.ToId() + ".json");

    /// <summary>
    /// Stores the dataset unless a newer submission for the same department, kind and period is
    /// already there. Returns true when this dataset is now the current one.
    /// </summary>
    public async Task<bool> SaveIfLatestAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        string path = PathFor(dataset.Period, dataset.Department, dataset.Kind);
        for (int attempt = 0; ; attempt++)
        {
            StoredObject? info = await store.GetInfoAsync(path, cancellationToken).ConfigureAwait(false);
            try
            {
                if (info is null)
                {
                    await store.WriteJsonAsync(path, dataset, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
                    return true;
                }

                Dataset? current = await store.ReadJsonAsync<Dataset>(path, cancellationToken).ConfigureAwait(false);
                if (current is not null && IsNewerOrSame(current, dataset))
                {
                    return current.Sha256 == dataset.Sha256 && current.ReceivedAt == dataset.ReceivedAt;
                }

                await store.WriteJsonAsync(path, dataset, WriteCondition.IfMatch(info.ETag), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StoreConflictException) when (attempt < MaxConflictRetries)
            {
                // Another ingestion wrote in between: read again and decide again.
            }
        }
    }

    public Task<Dataset?> LoadAsync(ReportingPeriod period, string department, DatasetKind kind, CancellationToken cancellationToken = default) =>
        store.ReadJsonAsync<Dataset>(PathFor(period, department, kind), cancellationToken);

    /// <summary>Every current dataset of the period, in department then kind order.</summary>
    public async Task<IReadOnlyList<Dataset>> LoadPeriodAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var datasets = new List<Dataset>();
        await foreach (StoredObject item in store.ListAsync($"{Containers.Datasets}/{period}/", cancellationToken).ConfigureAwait(false))
        {
            if (!item.Path.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            Dataset? dataset = await store.ReadJsonAsync<Dataset>(item.Path, cancellationToken).ConfigureAwait(false);
            if (dataset is not null)
            {
                datasets.Add(dataset);
            }
        }

        return datasets;
    }

    // Ties on the received time are broken by content hash so that every replica decides the same way.
    private static bool IsNewerOrSame(Dataset current, Dataset incoming) =>
        current.ReceivedAt > incoming.ReceivedAt
        || (current.ReceivedAt == incoming.ReceivedAt && string.CompareOrdinal(current.Sha256, incoming.Sha256) >= 0);
}
