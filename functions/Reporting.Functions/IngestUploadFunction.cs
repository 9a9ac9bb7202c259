using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Infrastructure;

namespace Reporting.Functions;

/// <summary>
/// An upload arrived: hand the blob's stream to the upload pipeline (archive, read, store, record,
/// answer the department with a receipt). Every step is idempotent by upload path and content hash,
/// so a repeated event changes nothing and sends nothing.
/// </summary>
public sealed class IngestUploadFunction(UploadPipeline uploads, ILogger<IngestUploadFunction> logger)
{
    public const string Name = "IngestUpload";
    public const string BlobPath = Containers.Uploads + "/{department}/{name}";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = ReportingStores.ConnectionName)] BlobClient blob,
        string department,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        string uploadPath = $"{Containers.Uploads}/{department}/{name}";
        ReportingPeriod? period = UploadNames.TryParseUploadPath(uploadPath, out _, out ReportingPeriod? fromPath, out _) ? fromPath : null;
        string fileName = name[(name.LastIndexOf('/') + 1)..];

        UploadAnswer answer;
        try
        {
            // One streamed GET: the upload is never held in memory as a whole.
            BlobDownloadStreamingResult download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            await using (download.Content.ConfigureAwait(false))
            {
                answer = await uploads.ProcessAsync(uploadPath, department, fileName, download.Content, period, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unreachable (while ingesting, or while the receipt was claimed or recorded) or a bug: let the
            // host retry. The ledgers make a retry safe: a final submission is not ingested again, and the delivery
            // ledger sends the receipt once. A bad file never gets here, and a refused mail is a Failed delivery.
            logger.LogError(e, "Upload {UploadPath} could not be processed; the host will retry", StorePath.Printable(uploadPath));
            throw;
        }

        SubmissionRecord record = answer.Record;
        if (record.Status == SubmissionResult.Failed)
        {
            // Archived, but our processing failed (the ledger row says why): throwing makes the host try again.
            throw new IngestionFailedException($"Ingestion of {StorePath.Printable(uploadPath)} failed: {record.FailureMessage}");
        }

        logger.LogInformation(
            "{UploadPath}: {Status}, {Errors} errors, {Warnings} warnings{Repeat}",
            StorePath.Printable(uploadPath),
            record.Status,
            record.ErrorCount,
            record.WarningCount,
            answer.Receipt.AlreadyProcessed ? " (already processed)" : string.Empty);
        if (answer.ReceiptDelivery is { Result: DeliveryResult.Failed } failed)
        {
            logger.LogWarning("Receipt for {UploadPath} not sent: {Error}", StorePath.Printable(uploadPath), failed.Error);
        }
    }
}

/// <summary>Our side failed on an archived upload; the host retries the trigger.</summary>
public sealed class IngestionFailedException(string message) : Exception(message);
