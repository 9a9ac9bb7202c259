using System.Text.Json.Serialization;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Core.Mailbox;

/// <summary>Where a message of the reporting mailbox stands. Answered, Ignored, Kept and Assigned are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MailboxState>))]
public enum MailboxState
{
    /// <summary>Claimed by a run that is handling it now.</summary>
    Processing,

    /// <summary>Something failed (the store, the mail server, a receipt not sent): the next run handles it again.</summary>
    Retry,

    /// <summary>Every spreadsheet ingested and every answer sent; the message is moved to the processed folder.</summary>
    Answered,

    /// <summary>Our own or automatic mail that needs nothing; moved to the processed folder.</summary>
    Ignored,

    /// <summary>Not ingested (sender unknown or not authenticated): kept for the office, moved to the kept folder.</summary>
    Kept,

    /// <summary>The office assigned a kept message to a department; its spreadsheets are being ingested.</summary>
    Assigning,

    /// <summary>The office assigned a kept message and its spreadsheets were ingested and answered.</summary>
    Assigned,
}

/// <summary>
/// One row of the mailbox ledger (partition <see cref="MailboxService.Partition"/>, row = the message key): who sent
/// the message, what the checks found, what became of each attachment, and who assigned it by hand and when.
/// </summary>
public sealed record MailboxRecord
{
    public required string Key { get; init; }

    public string? MessageId { get; init; }

    public required string From { get; init; }

    public string? FromName { get; init; }

    public string Subject { get; init; } = string.Empty;

    /// <summary>The message's date as used for the period (its Date header, or its arrival when that is implausible).</summary>
    public DateTimeOffset SentAt { get; init; }

    public DateTimeOffset ArrivedAt { get; init; }

    public MailboxState State { get; init; }

    /// <summary>The department it counted for (from its sender, or assigned by hand).</summary>
    public string? Department { get; init; }

    public SenderStanding? Standing { get; init; }

    /// <summary>Why it was kept or ignored, or what the checks found, in Chinese for the office.</summary>
    public string? Note { get; init; }

    public IReadOnlyList<MailboxAttachmentRecord> Attachments { get; init; } = [];

    /// <summary>The answer to the message as a whole (no spreadsheet, a zip, a file too large), when one was due.</summary>
    public DeliveryResult? Notice { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>A run is moving the handled message out of the folder now (two moving it at once would each leave a copy).</summary>
    public DateTimeOffset? FilingClaimedAt { get; init; }

    /// <summary>When the message was last moved to its folder.</summary>
    public DateTimeOffset? FiledAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Why the last attempt failed; null once handled.</summary>
    public string? LastError { get; init; }

    /// <summary>Who in the office assigned the message to <see cref="Department"/> (as they gave their name).</summary>
    public string? AssignedBy { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public bool IsFinal => State is MailboxState.Answered or MailboxState.Ignored or MailboxState.Kept or MailboxState.Assigned;
}

/// <summary>One attachment of a message and what became of it.</summary>
public sealed record MailboxAttachmentRecord
{
    public required string Part { get; init; }

    public required string FileName { get; init; }

    public long Size { get; init; }

    public AttachmentKind Kind { get; init; }

    /// <summary>The upload path the submissions ledger knows it by (spreadsheets only).</summary>
    public string? UploadPath { get; init; }

    /// <summary>Where a kept message's spreadsheet waits for the office (archive/mail/…).</summary>
    public string? KeptPath { get; init; }

    public SubmissionResult? Result { get; init; }

    public ReportingPeriod? Period { get; init; }

    public DeliveryResult? Receipt { get; init; }
}
