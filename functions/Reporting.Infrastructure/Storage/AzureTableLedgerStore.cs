using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Reporting.Core.Storage;

namespace Reporting.Infrastructure.Storage;

/// <summary>
/// Ledgers on Azure Table storage. The service's ETags give the same optimistic concurrency
/// as the folder ledger: insert fails when the row exists (409), replace fails when the row
/// changed or vanished (412/404); both become <see cref="LedgerConflictException"/>.
/// Records are flattened into columns by <see cref="LedgerEntityMapper"/>.
/// </summary>
public sealed class AzureTableLedgerStore : ILedgerStore
{
    private readonly TableServiceClient _service;
    private readonly string _tablePrefix;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _createdTables = new(StringComparer.Ordinal);

    /// <param name="service">The table service, authenticated by connection string or identity.</param>
    /// <param name="tablePrefix">Prepended to every table name (lower-case letters and digits, starting with a letter); empty in production.</param>
    public AzureTableLedgerStore(TableServiceClient service, string tablePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        AzureStorage.ValidateNamePrefix(tablePrefix, nameof(tablePrefix));
        _service = service;
        _tablePrefix = tablePrefix;
    }

    public async Task<LedgerRow<T>?> GetAsync<T>(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class
    {
        TableClient client = TableFor(table);
        ValidateKeys(partitionKey, rowKey);
        try
        {
            NullableResponse<TableEntity> response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? ToRow<T>(response.Value!) : null;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // The table itself does not exist yet.
            return null;
        }
    }

    public async Task<string> InsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class
    {
        TableClient client = await OpenForWriteAsync(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        try
        {
            Response response = await client.AddEntityAsync(LedgerEntityMapper.ToEntity(partitionKey, rowKey, value), cancellationToken).ConfigureAwait(false);
            return ETagOf(response);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            throw new LedgerConflictException(table, partitionKey, rowKey);
        }
    }

    public async Task<string> ReplaceAsync<T>(string table, string partitionKey, string rowKey, T value, string etag, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        TableClient client = await OpenForWriteAsync(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        try
        {
            Response response = await client
                .UpdateEntityAsync(LedgerEntityMapper.ToEntity(partitionKey, rowKey, value), new ETag(etag), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return ETagOf(response);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Conflict)
        {
            throw new LedgerConflictException(table, partitionKey, rowKey);
        }
    }

    public async Task<string> UpsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class
    {
        TableClient client = await OpenForWriteAsync(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        Response response = await client
            .UpsertEntityAsync(LedgerEntityMapper.ToEntity(partitionKey, rowKey, value), TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        return ETagOf(response);
    }

    public async IAsyncEnumerable<LedgerRow<T>> QueryAsync<T>(string table, string? partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        TableClient client = TableFor(table);
        string? filter = null;
        if (partitionKey is not null)
        {
            LedgerTables.ValidateKey(partitionKey, nameof(partitionKey));
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        }

        var rows = new List<LedgerRow<T>>();
        try
        {
            await foreach (TableEntity entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ToRow<T>(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No table yet: no rows.
        }

        // The contract is ordinal order of partition then row key, whatever order the service (or emulator) uses.
        rows.Sort(static (a, b) =>
        {
            int byPartition = string.CompareOrdinal(a.PartitionKey, b.PartitionKey);
            return byPartition != 0 ? byPartition : string.CompareOrdinal(a.RowKey, b.RowKey);
        });
        foreach (LedgerRow<T> row in rows)
        {
            yield return row;
        }
    }

    private async Task<TableClient> OpenForWriteAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        TableClient client = TableFor(table);
        ValidateKeys(partitionKey, rowKey);
        Lazy<Task> creation = _createdTables.GetOrAdd(
            client.Name,
            _ => new Lazy<Task>(() => client.CreateIfNotExistsAsync(CancellationToken.None)));
        try
        {
            await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            // Forgotten once failed (not when merely still running), so the next write tries again after an outage.
            _createdTables.TryRemove(new KeyValuePair<string, Lazy<Task>>(client.Name, creation));
            throw;
        }

        return client;
    }

    private TableClient TableFor(string table)
    {
        LedgerTables.ValidateKey(table, nameof(table));
        string name = _tablePrefix + table;
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{StorePath.Printable(name)}' is not a valid table name (3-63 letters and digits, starting with a letter).", nameof(table));
        }

        return _service.GetTableClient(name);
    }

    private static void ValidateKeys(string partitionKey, string rowKey)
    {
        LedgerTables.ValidateKey(partitionKey, nameof(partitionKey));
        LedgerTables.ValidateKey(rowKey, nameof(rowKey));
    }

    private static LedgerRow<T> ToRow<T>(TableEntity entity)
        where T : class =>
        new(entity.PartitionKey, entity.RowKey, LedgerEntityMapper.FromEntity<T>(entity), entity.ETag.ToString("H"), entity.Timestamp ?? DateTimeOffset.MinValue);

    private static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString("H") ?? throw new InvalidOperationException("The table service returned no ETag.");
}
