using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Reporting.Core;
using Reporting.Core.Pipeline;

namespace Reporting.Portal.Uploads;

/// <summary>Why an upload was refused at the door, before ingestion (in Chinese, for the page).</summary>
public sealed class UploadRefusedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// Reads a portal upload (multipart/form-data: the period and one file) as a stream and hands the file to the
/// upload pipeline, the same operation the blob trigger calls. The size limit is enforced while the bytes arrive:
/// the request is refused as soon as it passes the limit, never after it has been read whole.
/// </summary>
internal static class UploadReceiver
{
    public static async Task<UploadAnswer> ReceiveAsync(
        HttpContext context, string department, long maxBytes, UploadPipeline pipeline, CancellationToken cancellationToken)
    {
        // Tell the host the limit too (Kestrel stops reading there; the Functions host has its own, larger, cap).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes + (64 * 1024);
        }

        if (context.Request.ContentLength is long declared && declared > maxBytes + (64 * 1024))
        {
            throw TooLarge(maxBytes);
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "请通过页面上的“上传”选择文件。");
        }

        try
        {
            return await ReadFormAsync(context, department, maxBytes, pipeline, boundary, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadTooLargeException)
        {
            throw TooLarge(maxBytes);
        }
        catch (UploadIncompleteException)
        {
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "文件没有完整送达（网络中断或请求不完整），未接收。请重新上传。");
        }
    }

    private static async Task<UploadAnswer> ReadFormAsync(
        HttpContext context, string department, long maxBytes, UploadPipeline pipeline, string boundary, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        ReportingPeriod? period = null;
        while (await NextSectionAsync(reader, cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition))
            {
                continue;
            }

            string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (name == "period" && !disposition.IsFileDisposition())
            {
                string text = await ReadSmallFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);
                period = ReportingPeriod.TryParse(text.Trim(), out ReportingPeriod parsed)
                    ? parsed
                    : throw new UploadRefusedException(StatusCodes.Status400BadRequest, "报告期格式不正确，请在页面上选择。");
            }
            else if (name == "file" && disposition.IsFileDisposition())
            {
                string fileName = (HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? string.Empty).Trim();
                if (fileName.Length == 0)
                {
                    throw new UploadRefusedException(StatusCodes.Status400BadRequest, "请选择要上传的报表文件。");
                }

                // The virtual upload path names department, period and file: the same file sent again for the same
                // period is recognised by the pipeline (path + content hash) and changes nothing.
                string periodSegment = period?.ToString() ?? "unspecified";
                string uploadPath = $"portal/{department}/{periodSegment}/{Core.Ingestion.Submissions.UploadNames.SanitizeFileName(fileName)}";
                await using var limited = new LimitedReadStream(section.Body, maxBytes);
                return await pipeline.ProcessAsync(uploadPath, department, fileName, limited, period, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new UploadRefusedException(StatusCodes.Status400BadRequest, "请选择要上传的报表文件。");
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LimitedReadStream.Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private static UploadRefusedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"文件超过{maxBytes / (1024 * 1024)}MB，未接收。请删除无关的工作表或图片后重新上传。");

    private static async Task<string> ReadSmallFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var limited = new LimitedReadStream(body, 64);
        using var reader = new StreamReader(limited);
        try
        {
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (UploadTooLargeException)
        {
            // A field this long is no period; it is not the file that is too large.
            throw new UploadRefusedException(StatusCodes.Status400BadRequest, "报告期格式不正确，请在页面上选择。");
        }
    }
}
