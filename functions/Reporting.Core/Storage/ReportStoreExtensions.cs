using System.Runtime.InteropServices;
using System.Text.Json;

namespace Reporting.Core.Storage;

public static class ReportStoreExtensions
{
    public static async Task<StoredObject> WriteBytesAsync(
        this IReportStore store, string path, ReadOnlyMemory<byte> bytes, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        // A dataset of 100,000 projects is 64 MB of JSON: wrap the caller's array rather than copy it.
        using MemoryStream stream = MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        return await store.WriteAsync(path, stream, condition, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<byte[]?> ReadBytesAsync(this IReportStore store, string path, CancellationToken cancellationToken = default)
    {
        Stream? stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    public static Task<StoredObject> WriteJsonAsync<T>(
        this IReportStore store, string path, T value, WriteCondition condition, CancellationToken cancellationToken = default) =>
        store.WriteBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, ReportingJson.Options), condition, cancellationToken);

    public static async Task<T?> ReadJsonAsync<T>(this IReportStore store, string path, CancellationToken cancellationToken = default)
        where T : class
    {
        Stream? stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, ReportingJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }
}
