namespace Reporting.Core.Storage;

/// <summary>Metadata of a stored object. The ETag changes whenever the content changes.</summary>
public sealed record StoredObject(string Path, long Length, DateTimeOffset LastModified, string ETag);

/// <summary>When a write may happen: always, only if absent, or only if unchanged since read.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? etag)
    {
        Kind = kind;
        ETag = etag;
    }

    public WriteConditionKind Kind { get; }

    public string? ETag { get; }

    public static WriteCondition Overwrite => new(WriteConditionKind.Overwrite, null);

    public static WriteCondition IfNotExists => new(WriteConditionKind.IfNotExists, null);

    public static WriteCondition IfMatch(string etag) => new(WriteConditionKind.IfMatch, etag);
}

public enum WriteConditionKind
{
    Overwrite,
    IfNotExists,
    IfMatch,
}

/// <summary>A conditional write found the object already there, or changed since it was read.</summary>
public sealed class StoreConflictException(string path)
    : Exception($"The object '{StorePath.Printable(path)}' exists or was changed concurrently.")
{
    public string Path { get; } = path;
}

/// <summary>
/// The one storage seam: blob-like objects addressed by "container/…" paths. Implemented by a
/// folder on disk (local runs, the demo) and by Azure Blob Storage (the Functions app).
/// </summary>
public interface IReportStore
{
    /// <summary>Human-readable location, e.g. the folder or the account URL, for CLI output.</summary>
    string Location { get; }

    Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for streaming reads; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the whole content. Throws <see cref="StoreConflictException"/> when <paramref name="condition"/>
    /// does not hold. Readers never see a partly written object.
    /// </summary>
    Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Objects whose path starts with <paramref name="prefix"/>, in ordinal path order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);
}
