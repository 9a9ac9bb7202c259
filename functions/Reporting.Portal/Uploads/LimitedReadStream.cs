namespace Reporting.Portal.Uploads;

/// <summary>Thrown the moment a stream passes its limit.</summary>
internal sealed class UploadTooLargeException() : IOException("The upload is larger than the limit.");

/// <summary>Thrown when the request body ends or breaks before the form does (a Content-Length that lies, a dropped connection).</summary>
internal sealed class UploadIncompleteException(Exception inner) : IOException("The upload ended before the form did.", inner);

/// <summary>
/// A read-only view of a request body that throws <see cref="UploadTooLargeException"/> once more than the limit has been
/// read, and <see cref="UploadIncompleteException"/> when reading the body fails: both are the uploader's doing and are
/// answered as such, unlike a failure of the store behind the pipeline.
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return Count(inner.Read(buffer, offset, count));
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>What a failure to read the body means for the uploader; null to let it through as it is.</summary>
    internal static IOException? Translate(Exception e) => e switch
    {
        UploadTooLargeException or UploadIncompleteException => null,

        // The host's own limit (Kestrel's MaxRequestBodySize) may be met first, by the form around the file.
        Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: 413 } => new UploadTooLargeException(),
        IOException or InvalidDataException => new UploadIncompleteException(e),
        _ => null,
    };

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new UploadTooLargeException() : read;
    }
}
