namespace Reporting.Core.Mailbox;

/// <summary>What a run did with one message.</summary>
public enum MessageResult
{
    /// <summary>Its spreadsheets ingested and every answer sent in this run.</summary>
    Answered,

    /// <summary>Our own or automatic mail: nothing to do.</summary>
    Ignored,

    /// <summary>Not ingested: kept for the office.</summary>
    Kept,

    /// <summary>Handled by an earlier run (it crashed before moving the message, or another run is just behind): only moved.</summary>
    AlreadyHandled,

    /// <summary>Another run holds the message right now: left alone.</summary>
    InProgress,

    /// <summary>Partly done (a receipt not sent, our processing failed): recorded, left in the mailbox, done by the next run.</summary>
    Retry,
}

public sealed record MessageOutcome(string Key, string From, string Subject, MessageResult Result, string? Department, string? Note);

/// <summary>What one run of the mailbox did; <see cref="Error"/> says why it stopped early (the mail server went away).</summary>
public sealed record MailboxRunReport(bool Configured, IReadOnlyList<MessageOutcome> Messages, string? Error = null)
{
    public static MailboxRunReport NotConfigured { get; } = new(false, []);

    public int Count(MessageResult result) => Messages.Count(m => m.Result == result);

    public override string ToString() => !Configured
        ? "mailbox not configured"
        : $"{Messages.Count} messages: {Count(MessageResult.Answered)} answered, {Count(MessageResult.Kept)} kept, {Count(MessageResult.Ignored)} ignored, "
            + $"{Count(MessageResult.AlreadyHandled)} already handled, {Count(MessageResult.InProgress)} in progress, {Count(MessageResult.Retry)} to retry"
            + (Error is null ? string.Empty : $"; stopped: {Error}");
}

/// <summary>What the office's assignment of a kept message did: the message as now recorded and each spreadsheet's result.</summary>
public sealed record MailboxAssignment(MailboxRecord Message, bool AlreadyAssigned)
{
    public bool Complete => Message.State == MailboxState.Assigned;
}
