using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Core.Storage;

namespace Reporting.Infrastructure.Storage;

/// <summary>
/// The store on Azure Blob Storage: the first path segment is the container, the rest the blob
/// name, so an account has exactly the layout of the folder store. Block blobs are committed
/// whole, so readers never see a partly written object, and conditional writes are the
/// service's own (If-None-Match: * and If-Match), atomic across every host.
/// </summary>
public sealed class AzureBlobReportStore : IReportStore
{
    private readonly BlobServiceClient _service;
    private readonly string _containerPrefix;

    // One CreateIfNotExists per container and store instance: a round trip per write would double the latency.
    private readonly ConcurrentDictionary<string, Lazy<Task>> _createdContainers = new(StringComparer.Ordinal);

    /// <param name="service">The blob service, authenticated by connection string or identity.</param>
    /// <param name="containerPrefix">
    /// Prepended to every container name (lower-case letters and digits), so several environments
    /// or test runs can share one account. Empty in production.
    /// </param>
    public AzureBlobReportStore(BlobServiceClient service, string containerPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        AzureStorage.ValidateNamePrefix(containerPrefix, nameof(containerPrefix));
        _service = service;
        _containerPrefix = containerPrefix;
    }

    public string Location => _service.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + (_containerPrefix.Length > 0 ? $" (prefix {_containerPrefix})" : string.Empty);

    public async Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = BlobFor(path);
        try
        {
            Response<BlobProperties> properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new StoredObject(path, properties.Value.ContentLength, properties.Value.LastModified, properties.Value.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = BlobFor(path);
        try
        {
            // One streamed GET (the SDK resumes it on transient faults), not a buffered download.
            Response<BlobDownloadStreamingResult> download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        BlobClient blob = BlobFor(path);
        await EnsureContainerAsync(blob.BlobContainerName, cancellationToken).ConfigureAwait(false);

        var options = new BlobUploadOptions
        {
            Conditions = condition.Kind switch
            {
                WriteConditionKind.IfNotExists => new BlobRequestConditions { IfNoneMatch = ETag.All },
                WriteConditionKind.IfMatch => new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
                _ => null,
            },
        };

        // The length comes from the stream, not from a second request that could race the next writer.
        // A seekable stream goes to the SDK as is (it can rewind it on a retry without a copy).
        long? seekableLength = content.CanSeek ? content.Length - content.Position : null;
        using var counting = new CountingReadStream(content);
        try
        {
            Response<BlobContentInfo> uploaded = await blob.UploadAsync(content.CanSeek ? content : counting, options, cancellationToken).ConfigureAwait(false);
            return new StoredObject(path, seekableLength ?? counting.BytesRead, uploaded.Value.LastModified, uploaded.Value.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (IsConditionFailure(e, condition))
        {
            throw new StoreConflictException(path);
        }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        int slash = prefix.IndexOf('/', StringComparison.Ordinal);
        string container = slash < 0 ? prefix : prefix[..slash];
        if (!Containers.All.Contains(container))
        {
            throw new ArgumentException($"Unknown container in prefix '{StorePath.Printable(prefix)}'.", nameof(prefix));
        }

        string? blobPrefix = slash < 0 || slash == prefix.Length - 1 ? null : prefix[(slash + 1)..];

        BlobContainerClient client = _service.GetBlobContainerClient(_containerPrefix + container);
        var items = new List<StoredObject>();
        try
        {
            await foreach (BlobItem item in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, blobPrefix, cancellationToken).ConfigureAwait(false))
            {
                items.Add(new StoredObject(
                    container + "/" + item.Name,
                    item.Properties.ContentLength ?? 0,
                    item.Properties.LastModified ?? DateTimeOffset.MinValue,
                    item.Properties.ETag?.ToString("H") ?? string.Empty));
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No container yet: nothing was ever written there.
        }

        // The service orders by UTF-8 bytes; the contract is ordinal UTF-16 order, as the folder store gives.
        items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (StoredObject item in items)
        {
            yield return item;
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobClient blob = BlobFor(path);
        try
        {
            Response<bool> deleted = await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            return deleted.Value;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private BlobClient BlobFor(string path)
    {
        StorePath.Validate(path);
        return _service.GetBlobContainerClient(_containerPrefix + StorePath.Container(path)).GetBlobClient(StorePath.WithinContainer(path));
    }

    private async Task EnsureContainerAsync(string containerName, CancellationToken cancellationToken)
    {
        Lazy<Task> creation = _createdContainers.GetOrAdd(
            containerName,
            name => new Lazy<Task>(() => _service.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: CancellationToken.None)));
        try
        {
            await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            // A failed creation must not be remembered, or every later write fails with it until the worker
            // restarts. Checked once it has failed: during an outage it fails only after the client's retries.
            _createdContainers.TryRemove(new KeyValuePair<string, Lazy<Task>>(containerName, creation));
            throw;
        }
    }

    private static bool IsConditionFailure(RequestFailedException e, WriteCondition condition) => condition.Kind switch
    {
        // 409 BlobAlreadyExists or 412 ConditionNotMet, depending on the service version.
        WriteConditionKind.IfNotExists => e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed,

        // If-Match on a missing blob: 412 from the service, 404 from some emulators; either way the object changed.
        WriteConditionKind.IfMatch => e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound,
        _ => false,
    };
}
