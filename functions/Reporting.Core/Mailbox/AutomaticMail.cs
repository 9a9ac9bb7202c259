namespace Reporting.Core.Mailbox;

/// <summary>Who, or what, wrote a message, as far as answering it is concerned.</summary>
public enum MailOrigin
{
    /// <summary>A person: may be answered.</summary>
    Person,

    /// <summary>Written by a program (auto-reply, bounce, delivery report, mailing list, scheduled export): never answered.</summary>
    Automatic,

    /// <summary>From one of our own addresses: never answered and never ingested.</summary>
    Own,
}

/// <summary>
/// The loop rules. A robot that answers robots mails forever: we never answer a message RFC 3834 marks as
/// automatic (<c>Auto-Submitted</c> other than <c>no</c>), nor what is automatic by custom (<c>Precedence: bulk/junk/list</c>,
/// <c>X-Autoreply</c>, <c>X-Autorespond</c>, a mailing list's <c>List-Id</c>, the empty return path of a bounce,
/// a <c>multipart/report</c> delivery or read report, MAILER-DAEMON and postmaster), nor anything from our own
/// addresses. Every mail we send carries <c>Auto-Submitted</c> itself, so our own answers are caught twice.
/// </summary>
public static class AutomaticMail
{
    private static readonly string[] s_automaticPrecedence = ["bulk", "junk", "list", "auto_reply"];
    private static readonly string[] s_robotMailboxes = ["mailer-daemon", "postmaster"];

    public static MailOrigin Classify(IncomingMessage message, IReadOnlyList<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        if (message.From.Any(f => ownAddresses.Contains(f.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            return MailOrigin.Own;
        }

        return Why(message) is null ? MailOrigin.Person : MailOrigin.Automatic;
    }

    /// <summary>What marks the message as automatic, for the ledger; null for a person's mail.</summary>
    public static string? Why(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.HeaderValues("Auto-Submitted").Select(v => v.Split(';')[0].Trim()).FirstOrDefault(v => v.Length > 0 && !v.Equals("no", StringComparison.OrdinalIgnoreCase)) is { } auto)
        {
            return $"Auto-Submitted: {auto}";
        }

        if (message.HeaderValues("Precedence").Select(v => v.Trim().ToLowerInvariant()).FirstOrDefault(s_automaticPrecedence.Contains) is { } precedence)
        {
            return $"Precedence: {precedence}";
        }

        foreach (string header in (string[])["X-Autoreply", "X-Autorespond", "X-Auto-Reply", "List-Id"])
        {
            if (message.Header(header) is not null)
            {
                return header;
            }
        }

        if (message.Header("Return-Path") is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return "Return-Path: <>";
        }

        if (message.MediaType.Equals("multipart/report", StringComparison.OrdinalIgnoreCase))
        {
            return "multipart/report";
        }

        if (message.From.Select(f => f.Split('@')[0].Trim().ToLowerInvariant()).FirstOrDefault(s_robotMailboxes.Contains) is { } robot)
        {
            return robot;
        }

        return null;
    }
}
