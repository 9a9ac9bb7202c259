using System.Runtime.CompilerServices;
using Reporting.Core.Storage;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>One store operation, as the tripwire sees it: "write archive/…", "upsert submissions", "get submissions"…</summary>
public sealed record StoreCall(string Operation, string Target);

/// <summary>
/// Fires an action (stopping Azurite) once, just before the first store operation that matches, so an
/// outage lands at an exact step of a real ingestion. The operation itself then runs against the
/// real, now dead, service and fails as it would in production.
/// </summary>
public sealed class Tripwire(Func<StoreCall, bool> when, Func<Task> action)
{
    private int _fired;

    public bool Fired => _fired == 1;

    public async Task PassAsync(StoreCall call)
    {
        if (when(call) && Interlocked.CompareExchange(ref _fired, 1, 0) == 0)
        {
            await action();
        }
    }
}

/// <summary>The report store behind a tripwire.</summary>
public sealed class TrippedReportStore(IReportStore inner, Tripwire tripwire) : IReportStore
{
    public string Location => inner.Location;

    public async Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        await tripwire.PassAsync(new("info", path));
        return await inner.GetInfoAsync(path, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await tripwire.PassAsync(new("read", path));
        return await inner.OpenReadAsync(path, cancellationToken);
    }

    public async Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        await tripwire.PassAsync(new("write", path));
        return await inner.WriteAsync(path, content, condition, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await tripwire.PassAsync(new("list", prefix));
        await foreach (StoredObject item in inner.ListAsync(prefix, cancellationToken))
        {
            yield return item;
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await tripwire.PassAsync(new("delete", path));
        return await inner.DeleteAsync(path, cancellationToken);
    }
}

/// <summary>The ledger behind a tripwire.</summary>
public sealed class TrippedLedgerStore(ILedgerStore inner, Tripwire tripwire) : ILedgerStore
{
    public async Task<LedgerRow<T>?> GetAsync<T>(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class
    {
        await tripwire.PassAsync(new("get", table));
        return await inner.GetAsync<T>(table, partitionKey, rowKey, cancellationToken);
    }

    public async Task<string> InsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class
    {
        await tripwire.PassAsync(new("insert", table));
        return await inner.InsertAsync(table, partitionKey, rowKey, value, cancellationToken);
    }

    public async Task<string> ReplaceAsync<T>(string table, string partitionKey, string rowKey, T value, string etag, CancellationToken cancellationToken = default)
        where T : class
    {
        await tripwire.PassAsync(new("replace", table));
        return await inner.ReplaceAsync(table, partitionKey, rowKey, value, etag, cancellationToken);
    }

    public async Task<string> UpsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class
    {
        await tripwire.PassAsync(new("upsert", table));
        return await inner.UpsertAsync(table, partitionKey, rowKey, value, cancellationToken);
    }

    public async IAsyncEnumerable<LedgerRow<T>> QueryAsync<T>(string table, string? partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        await tripwire.PassAsync(new("query", table));
        await foreach (LedgerRow<T> row in inner.QueryAsync<T>(table, partitionKey, cancellationToken))
        {
            yield return row;
        }
    }
}
