namespace Reporting.Core.Storage;

/// <summary>One row of a ledger table with its concurrency token.</summary>
public sealed record LedgerRow<T>(string PartitionKey, string RowKey, T Value, string ETag, DateTimeOffset Timestamp);

/// <summary>An insert found the row already there, or a replace found it changed since it was read.</summary>
public sealed class LedgerConflictException(string table, string partitionKey, string rowKey)
    : Exception($"Ledger row {table}/{partitionKey}/{rowKey} exists or was changed concurrently.")
{
    public string Table { get; } = table;

    public string PartitionKey { get; } = partitionKey;

    public string RowKey { get; } = rowKey;
}

/// <summary>
/// Ledgers (submissions, deliveries, reminders) as tables of rows keyed by partition and row.
/// Azure Table storage in the cloud, JSON files in the folder store. Values are flat records:
/// strings, numbers, booleans, dates; anything else is stored as JSON text.
/// Keys must not contain '/', '\\', '#', '?' or control characters (Azure Table rules).
/// </summary>
public interface ILedgerStore
{
    Task<LedgerRow<T>?> GetAsync<T>(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Inserts a new row; throws <see cref="LedgerConflictException"/> when it exists. Returns the ETag.</summary>
    Task<string> InsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Replaces a row only if unchanged since it was read; throws <see cref="LedgerConflictException"/> otherwise. Returns the new ETag.</summary>
    Task<string> ReplaceAsync<T>(string table, string partitionKey, string rowKey, T value, string etag, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Inserts or replaces unconditionally. Returns the ETag.</summary>
    Task<string> UpsertAsync<T>(string table, string partitionKey, string rowKey, T value, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>All rows of a partition (or of the table when <paramref name="partitionKey"/> is null), ordered by partition then row key.</summary>
    IAsyncEnumerable<LedgerRow<T>> QueryAsync<T>(string table, string? partitionKey, CancellationToken cancellationToken = default)
        where T : class;
}

public static class LedgerTables
{
    /// <summary>One row per upload attempt: who, what, when, hash, status, findings.</summary>
    public const string Submissions = "submissions";

    /// <summary>One row per period and recipient: Pending, Sent, Failed.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>One row per department and day a reminder (催报) was sent.</summary>
    public const string Reminders = "reminders";

    /// <summary>Issue numbers (第N期) allocated per year and period.</summary>
    public const string Issues = "issues";

    /// <summary>One row per message read from the reporting mailbox: who sent it, what was done with it, who assigned it by hand.</summary>
    public const string Mailbox = "mailbox";

    public static readonly IReadOnlyList<string> All = [Submissions, Deliveries, Reminders, Issues, Mailbox];

    /// <summary>Checks a partition or row key against Azure Table's rules, so both stores accept the same keys.</summary>
    public static void ValidateKey(string key, string name)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512 || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"Invalid ledger {name} '{StorePath.Printable(key)}'.", name);
        }
    }
}
