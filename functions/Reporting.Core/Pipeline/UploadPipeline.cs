using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Core.Pipeline;

/// <summary>What an upload got: the submission as ingested, and the receipt mailed to the department (null when none was due).</summary>
public sealed record UploadAnswer(SubmissionReceipt Receipt, DeliveryOutcome? ReceiptDelivery)
{
    public SubmissionRecord Record => Receipt.Record;

    public bool Accepted => Receipt.Accepted;
}

/// <summary>One upload as an entrance hands it over: where it arrived, whose it is, what is known of its period, how to answer.</summary>
public sealed record UploadRequest
{
    /// <summary>Where the upload arrived (blob path, portal or mailbox path, or a local path); part of the idempotency key, so it must be stable per upload.</summary>
    public required string UploadPath { get; init; }

    /// <summary>Department id; empty means "take it from the sheet's 填报单位".</summary>
    public required string Department { get; init; }

    public required string FileName { get; init; }

    /// <summary>The period as the entrance knows it; none means "read it from the workbook".</summary>
    public PeriodHint Period { get; init; } = PeriodHint.None;

    /// <summary>Answer as a reply in the thread of the mail the file came in, instead of a receipt to the department's contact.</summary>
    public MailReply? Reply { get; init; }

    /// <summary>False: ingest and record, mail nothing (a file that came in an automatic mail, which is never answered).</summary>
    public bool Answer { get; init; } = true;
}

/// <summary>
/// Ingest an upload and answer the clerk, front to back: archive, read, validate and record it
/// (<see cref="IngestionService"/>), then mail the department its receipt (<see cref="ReceiptService"/>).
/// Every entrance calls this one operation (the blob trigger, <c>reporting ingest</c> and the demo, the
/// portal, the mailbox), so an upload is treated the same whichever way it arrived. Both steps are
/// idempotent by upload path and content hash: a repeated upload changes nothing and mails nothing. New accepted data
/// then reaches the period's briefing: a draft follows it, a signed issue is flagged (<see cref="BriefingReview"/>).
/// </summary>
public sealed class UploadPipeline(
    IngestionService ingestion, ReceiptService receipts, BriefingReview review, ReportingOptions options, ILogger<UploadPipeline>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<UploadPipeline>.Instance;

    /// <param name="uploadPath">Where the upload arrived (blob path, portal or mailbox path, or a local path); part of the idempotency key.</param>
    /// <param name="department">Department id; empty means "take it from the sheet's 填报单位".</param>
    /// <param name="period">The period the upload is for when the entrance knows it (a path or form); null means "read it from the workbook".</param>
    /// <remarks>
    /// A submission whose processing failed on our side (<see cref="SubmissionResult.Failed"/>: archived, not
    /// decided) gets no receipt: the caller retries, and the retry answers. Storage failures throw.
    /// </remarks>
    public Task<UploadAnswer> ProcessAsync(
        string uploadPath, string department, string fileName, Stream content, ReportingPeriod? period, CancellationToken cancellationToken = default) =>
        ProcessAsync(new UploadRequest { UploadPath = uploadPath, Department = department, FileName = fileName, Period = new PeriodHint(period) }, content, cancellationToken);

    /// <inheritdoc cref="ProcessAsync(string, string, string, Stream, ReportingPeriod?, CancellationToken)"/>
    public async Task<UploadAnswer> ProcessAsync(UploadRequest request, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SubmissionReceipt receipt = await ingestion.IngestAsync(request.UploadPath, request.Department, request.FileName, content, request.Period, cancellationToken).ConfigureAwait(false);
        if (receipt.Status == SubmissionResult.Failed)
        {
            return new UploadAnswer(receipt, null);
        }

        // A file that came in an automatic mail is recorded but never answered; its data still reaches the briefing.
        DeliveryOutcome? delivery = request.Answer ? await receipts.SendAsync(receipt, request.Reply, cancellationToken).ConfigureAwait(false) : null;
        if (receipt.Accepted && !receipt.AlreadyProcessed && receipt.Record.Period is ReportingPeriod accepted)
        {
            await FollowDataAsync(accepted, receipt.Record, cancellationToken).ConfigureAwait(false);
        }

        return new UploadAnswer(receipt, delivery);
    }

    // The clerk's answer does not depend on the briefing: a failure here is logged and the office can re-render on demand.
    private async Task FollowDataAsync(ReportingPeriod period, SubmissionRecord record, CancellationToken cancellationToken)
    {
        try
        {
            string what = $"{options.DepartmentName(record.Department)}于{ChinaTime.ToBeijing(record.ReceivedAt):M月d日HH:mm}报送《{record.FileName}》";
            await review.OnDataChangedAsync(period, what, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "The briefing draft of {Period} could not follow the submission {File}", period, record.FileName);
        }
    }
}
