using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Core.Delivery;

/// <summary>
/// Answers an upload with a receipt (回执) to the department's configured contact: accepted,
/// accepted with the warnings listed, or rejected with the errors listed and the annotated
/// workbook attached. Sent at most once per submission (upload path + content hash) through the
/// delivery ledger, so a second trigger for the same blob sends nothing, and a receipt that
/// failed is sent by the next trigger. The address comes from configuration only, never from
/// the uploaded file.
/// </summary>
public sealed class ReceiptService
{
    private readonly IReportStore _store;
    private readonly ReportingOptions _options;
    private readonly DeliveryService _delivery;
    private readonly ILogger _logger;

    public ReceiptService(IReportStore store, ReportingOptions options, DeliveryService delivery, ILogger<ReceiptService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(delivery);
        _store = store;
        _options = options;
        _delivery = delivery;
        _logger = logger ?? NullLogger<ReceiptService>.Instance;
    }

    /// <summary>Sends the receipt for a finished submission; null when receipts are off, the submission is not final, or the department has no contact.</summary>
    public Task<DeliveryOutcome?> SendAsync(SubmissionReceipt receipt, CancellationToken cancellationToken = default) =>
        SendAsync(receipt, reply: null, cancellationToken);

    /// <summary>
    /// Sends the receipt for a finished submission, to the department's contact or, with <paramref name="reply"/>, as a
    /// reply in the thread of the mail the file came in (the mailbox has checked that its sender is the department's).
    /// Null when receipts are off, the submission is not final, or there is nobody to send it to.
    /// </summary>
    public async Task<DeliveryOutcome?> SendAsync(SubmissionReceipt receipt, MailReply? reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        SubmissionRecord record = receipt.Record;
        if (!_options.Delivery.ReceiptsEnabled || !record.IsFinal)
        {
            return null;
        }

        DepartmentOptions? department = _options.FindDepartment(record.Department);
        string? contact = reply?.To ?? department?.Contact;
        if (department is null || string.IsNullOrWhiteSpace(contact))
        {
            _logger.LogWarning("No receipt for {UploadPath}: department '{Department}' has no configured contact", StorePath.Printable(record.UploadPath), record.Department);
            return null;
        }

        ReceiptOutcome outcome = record.Status switch
        {
            SubmissionResult.Accepted => ReceiptOutcome.Accepted,
            SubmissionResult.AcceptedWithWarnings => ReceiptOutcome.AcceptedWithWarnings,
            _ => ReceiptOutcome.Rejected,
        };

        // The annotated workbook the ingestion wrote; a rejection without one still lists every error in the body.
        byte[]? annotated = null;
        if (outcome == ReceiptOutcome.Rejected && record.AnnotatedPath is { } annotatedPath)
        {
            annotated = await _store.ReadBytesAsync(annotatedPath, cancellationToken).ConfigureAwait(false);
        }

        var content = new ReceiptMailContent
        {
            DepartmentName = department.Name,
            FileName = record.FileName,
            Outcome = outcome,
            ReceivedAt = record.ReceivedAt,
            Period = record.Period,
            Kind = KindOf(record),
            RecordCount = outcome == ReceiptOutcome.Rejected ? null : record.ProjectCount + record.SigningCount + record.MetricCount,
            Findings = receipt.Findings,
            UnitNotes = record.UnitNotes?.Split('\n') ?? [],
            AnnotatedWorkbook = annotated,
            AnsweredByMail = reply is not null,
        };
        return await _delivery.SendReceiptOnceAsync(
            record.Department,
            SubmissionKey(record),
            contact,
            to => reply is null ? ReceiptMail.Create(_options, content, to) : reply.Apply(ReceiptMail.Create(_options, content, to)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The submission's identity: upload path and content hash (the ingestion ledger's own key).</summary>
    public static string SubmissionKey(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.LedgerKey();
    }

    private static DatasetKind? KindOf(SubmissionRecord record) =>
        (record.ProjectCount > 0, record.SigningCount > 0, record.MetricCount > 0) switch
        {
            (true, false, false) => DatasetKind.Projects,
            (false, true, false) => DatasetKind.Signings,
            (false, false, true) => DatasetKind.Metrics,
            _ => null,
        };
}
