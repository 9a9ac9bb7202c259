using System.Text.Json.Serialization;

namespace Reporting.Core.Delivery;

/// <summary>Where one message to one recipient stands. Sent is final; Failed is retried by the next run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    /// <summary>Recorded, not yet attempted.</summary>
    Pending,

    /// <summary>Claimed by a run that is handing it to the mail server now.</summary>
    Sending,

    /// <summary>Handed over; never sent again.</summary>
    Sent,

    /// <summary>The last attempt failed (see LastError); the next run tries again.</summary>
    Failed,
}

/// <summary>
/// One row of the deliveries ledger (partition = period, row = recipient) or of the reminders
/// ledger (partition = Beijing day, row = department).
/// </summary>
public sealed record DeliveryRecord
{
    public required string Recipient { get; init; }

    public DeliveryStatus Status { get; init; }

    public int Attempts { get; init; }

    /// <summary>Why the last attempt failed, in one line; null once sent.</summary>
    public string? LastError { get; init; }

    /// <summary>Fixed when the row is created, so a retry carries the same Message-Id and mail clients drop a duplicate.</summary>
    public string? MessageId { get; init; }

    public string? Subject { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the current or last attempt started.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What a run did for one recipient.</summary>
public enum DeliveryResult
{
    /// <summary>Handed over in this run.</summary>
    Sent,

    /// <summary>Sent by an earlier run; nothing done.</summary>
    AlreadySent,

    /// <summary>Attempted in this run and failed; recorded for the next run.</summary>
    Failed,

    /// <summary>Another run holds the claim right now; nothing done.</summary>
    InProgress,
}

public sealed record DeliveryOutcome(string Recipient, DeliveryResult Result, int Attempts, string? MessageId, string? Error);

public sealed record DeliveryReport(IReadOnlyList<DeliveryOutcome> Outcomes)
{
    public int SentNow => Outcomes.Count(o => o.Result == DeliveryResult.Sent);

    public int AlreadySent => Outcomes.Count(o => o.Result == DeliveryResult.AlreadySent);

    public int Failed => Outcomes.Count(o => o.Result == DeliveryResult.Failed);

    public int InProgress => Outcomes.Count(o => o.Result == DeliveryResult.InProgress);

    public override string ToString() => $"{SentNow} sent, {AlreadySent} already sent, {Failed} failed, {InProgress} in progress";
}
