using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Functions;

/// <summary>
/// An upload arrived: hand the blob's stream to ingestion (archive, read, store, record) and
/// answer the department with a receipt. Both steps are idempotent by upload path and content
/// hash, so a repeated event changes nothing and sends nothing.
/// </summary>
public sealed class IngestUploadFunction(IngestionService ingestion, ReceiptService receipts, ILogger<IngestUploadFunction> logger)
{
    public const string Name = "IngestUpload";
    public const string BlobPath = Containers.Uploads + "/{department}/{name}";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = ReportingServices.StorageConnection)] BlobClient blob,
        string department,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        string uploadPath = $"{Containers.Uploads}/{department}/{name}";
        ReportingPeriod? period = UploadNames.TryParseUploadPath(uploadPath, out _, out ReportingPeriod? fromPath, out _) ? fromPath : null;
        string fileName = name[(name.LastIndexOf('/') + 1)..];

        SubmissionReceipt receipt;
        try
        {
            // One streamed GET: the upload is never held in memory as a whole.
            BlobDownloadStreamingResult download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            await using (download.Content.ConfigureAwait(false))
            {
                receipt = await ingestion.IngestAsync(uploadPath, department, fileName, download.Content, period, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unreachable or a bug: let the host retry (the ledger makes a retry safe); a bad file never gets here.
            logger.LogError(e, "Ingestion of {UploadPath} failed; the host will retry", StorePath.Printable(uploadPath));
            throw;
        }

        if (receipt.Status == SubmissionResult.Failed)
        {
            // Archived, but our processing failed (the ledger row says why): throwing makes the host try again.
            throw new IngestionFailedException($"Ingestion of {StorePath.Printable(uploadPath)} failed: {receipt.Record.FailureMessage}");
        }

        logger.LogInformation(
            "{UploadPath}: {Status}, {Errors} errors, {Warnings} warnings{Repeat}",
            StorePath.Printable(uploadPath),
            receipt.Status,
            receipt.Record.ErrorCount,
            receipt.Record.WarningCount,
            receipt.AlreadyProcessed ? " (already processed)" : string.Empty);

        try
        {
            DeliveryOutcome? outcome = await receipts.SendAsync(receipt, cancellationToken).ConfigureAwait(false);
            if (outcome is { Result: DeliveryResult.Failed })
            {
                logger.LogWarning("Receipt for {UploadPath} not sent: {Error}", StorePath.Printable(uploadPath), outcome.Error);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage failed while the receipt was claimed or recorded (a refused mail is a Failed delivery, not an
            // exception). Swallowing it lost the receipt for good; the host's retry is safe instead: the submission
            // is final in the ledger, so it ingests nothing again, and the delivery ledger sends the receipt once.
            logger.LogError(e, "Receipt for {UploadPath} could not be sent; the host will retry", StorePath.Printable(uploadPath));
            throw;
        }
    }
}

/// <summary>Our side failed on an archived upload; the host retries the trigger.</summary>
public sealed class IngestionFailedException(string message) : Exception(message);
