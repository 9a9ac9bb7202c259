using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Reporting.Core.Storage;

/// <summary>
/// Ledgers as JSON files under <c>{root}/tables/{table}/{partition}/{row}.json</c>, for local runs.
/// Each file holds the value, its ETag (a new GUID each write) and timestamp; writes are serialised by a process-wide
/// gate and a lock file, against other threads and other `reporting` processes on the same folder.
/// </summary>
public sealed class FolderLedgerStore : ILedgerStore
{
    private const string LockFileName = ".ledger.lock";
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private readonly string _root;

    public FolderLedgerStore(string storeRoot)
    {
        _root = Path.Combine(Path.GetFullPath(storeRoot), "tables");
        Directory.CreateDirectory(_root);
    }

    public async Task<LedgerRow<T>?> GetAsync<T>(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class
    {
        string path = RowPath(table, partitionKey, rowKey);
        return File.Exists(path) ? await ReadRowAsync<T>(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task<string> InsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(table, partitionKey, rowKey, value, existing => existing is null, cancellationToken);

    public Task<string> ReplaceAsync<T>(string table, string partitionKey, string rowKey, T value, string etag, CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(table, partitionKey, rowKey, value, existing => existing?.ETag == etag, cancellationToken);

    public Task<string> UpsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class =>
        WriteAsync(table, partitionKey, rowKey, value, _ => true, cancellationToken);

    public async IAsyncEnumerable<LedgerRow<T>> QueryAsync<T>(string table, string? partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        LedgerTables.ValidateKey(table, nameof(table));
        string directory = partitionKey is null ? Path.Combine(_root, table) : Path.Combine(_root, table, Escape(partitionKey, nameof(partitionKey)));
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        List<string> files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).ToList();
        var rows = new List<LedgerRow<T>>(files.Count);
        foreach (string file in files)
        {
            rows.Add(await ReadRowAsync<T>(file, cancellationToken).ConfigureAwait(false));
        }

        foreach (LedgerRow<T> row in rows
                     .OrderBy(r => r.PartitionKey, StringComparer.Ordinal)
                     .ThenBy(r => r.RowKey, StringComparer.Ordinal))
        {
            yield return row;
        }
    }

    private async Task<string> WriteAsync<T>(
        string table, string partitionKey, string rowKey, T value, Func<StoredRow?, bool> condition, CancellationToken cancellationToken)
        where T : class
    {
        string path = RowPath(table, partitionKey, rowKey);
        await s_gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using FileStream processLock = await FolderLock.AcquireAsync(Path.Combine(_root, LockFileName), cancellationToken).ConfigureAwait(false);
            StoredRow? existing = File.Exists(path)
                ? JsonSerializer.Deserialize<StoredRow>(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), ReportingJson.Options)
                : null;
            if (!condition(existing))
            {
                throw new LedgerConflictException(table, partitionKey, rowKey);
            }

            var row = new StoredRow(
                partitionKey,
                rowKey,
                JsonSerializer.SerializeToElement(value, ReportingJson.Options),
                $"\"{Guid.NewGuid():N}\"",
                DateTimeOffset.UtcNow);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(row, ReportingJson.Options), cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            return row.ETag;
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static async Task<LedgerRow<T>> ReadRowAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        StoredRow row = JsonSerializer.Deserialize<StoredRow>(bytes, ReportingJson.Options)
            ?? throw new InvalidDataException($"Empty ledger row file '{path}'.");
        T value = row.Value.Deserialize<T>(ReportingJson.Options)
            ?? throw new InvalidDataException($"Ledger row file '{path}' holds no value.");
        return new LedgerRow<T>(row.PartitionKey, row.RowKey, value, row.ETag, row.Timestamp);
    }

    private string RowPath(string table, string partitionKey, string rowKey)
    {
        LedgerTables.ValidateKey(table, nameof(table));
        return Path.Combine(_root, table, Escape(partitionKey, nameof(partitionKey)), Escape(rowKey, nameof(rowKey)) + ".json");
    }

    // Keys are already free of path separators (Azure's rules); this only keeps "." and ".." from naming directories.
    private static string Escape(string key, string name)
    {
        LedgerTables.ValidateKey(key, name);
        return key is "." or ".." ? "%" + key : key;
    }

    private sealed record StoredRow(string PartitionKey, string RowKey, JsonElement Value, string ETag, DateTimeOffset Timestamp);
}
