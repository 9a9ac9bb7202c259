namespace Reporting.Core.Delivery;

/// <summary>
/// An answer sent as a reply to a message received: to the address it came from, in its thread
/// (In-Reply-To and References, so every mail client files the answer under the clerk's message) and
/// marked <c>Auto-Submitted: auto-replied</c>. The address is the message's sender only after the mailbox
/// has established that it is a department's configured address; nothing else is ever replied to.
/// </summary>
public sealed record MailReply
{
    /// <summary>A long thread keeps its first message and the most recent ones (RFC 5322 §3.6.4 allows trimming).</summary>
    public const int MaxReferences = 20;

    /// <summary>The sender's address, as configured for the department.</summary>
    public required string To { get; init; }

    /// <summary>Message-Id of the message answered, without angle brackets; null when it had none.</summary>
    public string? MessageId { get; init; }

    /// <summary>References of the message answered, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The subject of the message answered, as decoded.</summary>
    public string OriginalSubject { get; init; } = string.Empty;

    /// <summary>The reporting mailbox's address, so that a clerk who answers with a corrected file reaches it again; null keeps From.</summary>
    public string? AnswerTo { get; init; }

    /// <summary>The mail as a reply: addressed to the sender, threaded, subject "Re: original subject" followed by ours.</summary>
    public OutgoingMail Apply(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail with
        {
            To = To.Trim(),
            ReplyTo = string.IsNullOrWhiteSpace(AnswerTo) ? mail.ReplyTo : AnswerTo.Trim(),
            Subject = Subject(OriginalSubject, mail.Subject),
            InReplyTo = MessageId,
            References = Thread(References, MessageId),
            AutoSubmitted = AutoSubmitted.AutoReplied,
        };
    }

    /// <summary>"Re: 2022年12月调度表 【已受理】安源区 …": the clerk's subject for threading clients, then what the answer says.</summary>
    public static string Subject(string? original, string ours)
    {
        string clerk = MailText.HeaderSafe(original, 80);
        if (clerk.Length == 0)
        {
            return MailText.HeaderSafe(ours, 200);
        }

        bool isReply = clerk.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || clerk.StartsWith("回复", StringComparison.Ordinal) || clerk.StartsWith("答复", StringComparison.Ordinal);
        return MailText.HeaderSafe($"{(isReply ? clerk : "Re: " + clerk)} {ours}", 200);
    }

    /// <summary>The reply's References: the original's, then the original itself; the first and the latest kept when long.</summary>
    public static IReadOnlyList<string> Thread(IReadOnlyList<string> references, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(references);
        List<string> thread = [.. references.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim())];
        if (!string.IsNullOrWhiteSpace(messageId))
        {
            thread.Add(messageId.Trim());
        }

        thread = [.. thread.Distinct(StringComparer.Ordinal)];
        return thread.Count <= MaxReferences ? thread : [thread[0], .. thread.Skip(thread.Count - (MaxReferences - 1))];
    }
}
