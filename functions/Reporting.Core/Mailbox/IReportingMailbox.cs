namespace Reporting.Core.Mailbox;

/// <summary>Where a handled message is put, so the next run does not list it again.</summary>
public enum MailboxFolder
{
    /// <summary>Answered, or automatic mail that needs nothing.</summary>
    Processed,

    /// <summary>Not ingested: kept for the office to look at and assign by hand.</summary>
    Kept,
}

/// <summary>
/// The office's reporting mailbox (IMAP in Reporting.Infrastructure). A run opens one session, lists the messages
/// waiting, opens the attachments that count and, as its last step for each message, moves it out of the way.
/// </summary>
public interface IReportingMailbox
{
    /// <summary>False when no mailbox is configured: the timer and <c>reporting mailbox --once</c> then do nothing.</summary>
    bool IsConfigured { get; }

    /// <summary>Connects and signs in; throws <see cref="MailboxUnavailableException"/> when the server cannot be used.</summary>
    Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken = default);
}

/// <summary>One connection to the mailbox. Every failure to talk to the server is a <see cref="MailboxUnavailableException"/>.</summary>
public interface IMailboxSession : IAsyncDisposable
{
    /// <summary>The messages waiting in the mailbox's folder, oldest first, at most <paramref name="max"/>; no attachment is downloaded.</summary>
    Task<IReadOnlyList<IncomingMessage>> ListAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>The decoded content of one attachment.</summary>
    Task<Stream> OpenAttachmentAsync(IncomingMessage message, IncomingAttachment attachment, CancellationToken cancellationToken = default);

    /// <summary>Moves a handled message to <paramref name="folder"/>; a message already gone (another run moved it) is not an error.</summary>
    Task MoveAsync(IncomingMessage message, MailboxFolder folder, CancellationToken cancellationToken = default);
}

/// <summary>The mail server could not be reached, refused us, or dropped the connection; the next run tries again.</summary>
public sealed class MailboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
