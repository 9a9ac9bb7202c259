using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Mailbox;

namespace Reporting.Infrastructure.Mail;

/// <summary>
/// The reporting mailbox over IMAP (MailKit): TLS (IMAPS or STARTTLS, a pinned certificate for an internal server),
/// the account from configuration, the folders for handled and kept mail created when missing. Listing reads each
/// message's header and BODYSTRUCTURE only, so an attachment is downloaded only when the rules ask for it, and one
/// over the limit never is. Every failure to talk to the server becomes a <see cref="MailboxUnavailableException"/>
/// whose message says why in one line, without the password.
/// </summary>
public sealed class ImapReportingMailbox : IReportingMailbox
{
    private readonly MailboxOptions _options;
    private readonly ILogger _logger;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;
    private long _bytesReceived;

    /// <param name="certificateValidation">Replaces the system's certificate check; only for a caller that pins a private certificate itself. Never set from configuration.</param>
    public ImapReportingMailbox(MailboxOptions options, ILogger<ImapReportingMailbox>? logger = null, RemoteCertificateValidationCallback? certificateValidation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<ImapReportingMailbox>.Instance;
        _certificateValidation = certificateValidation ?? ServerCertificates.PinnedOrTrusted(options.Imap.CertificateSha256);
    }

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>Every byte read from the server by every session so far: what proves that a refused attachment was never downloaded.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    internal string Server => $"{_options.Imap.Host}:{_options.Imap.Port}";

    public async Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No IMAP host is configured (Reporting:Mailbox:Imap:Host).");
        }

        ImapOptions imap = _options.Imap;
        var client = new ImapClient(new CountingLogger(this)) { Timeout = (int)Math.Clamp(imap.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        if (_certificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = _certificateValidation;
        }

        try
        {
            await client.ConnectAsync(imap.Host!, imap.Port, ServerCertificates.ToSocketOptions(imap.Security), cancellationToken).ConfigureAwait(false);
            await SignInAsync(client, imap, cancellationToken).ConfigureAwait(false);
            IMailFolder inbox = string.Equals(_options.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(_options.Folder, cancellationToken).ConfigureAwait(false);
            await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
            IMailFolder processed = await EnsureFolderAsync(client, _options.ProcessedFolder, cancellationToken).ConfigureAwait(false);
            IMailFolder kept = await EnsureFolderAsync(client, _options.KeptFolder, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Opened {Folder} on {Server} as {User}", _options.Folder, Server, imap.UserName);
            return new ImapMailboxSession(this, client, inbox, processed, kept);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw Unavailable(e, "opening the mailbox");
        }
    }

    /// <summary>One line saying what failed, for the ledger and the logs. MailKit's messages never contain the password; ours don't either.</summary>
    internal MailboxUnavailableException Unavailable(Exception e, string doing)
    {
        string server = Server;
        string reason = e switch
        {
            MailboxUnavailableException unavailable => unavailable.Message,
            AuthenticationException => $"IMAP authentication as '{_options.Imap.UserName}' failed at {server}",
            SslHandshakeException => $"TLS handshake with {server} failed: {e.Message.Split('\n')[0].Trim()}",
            ImapCommandException command => $"IMAP {command.Response} from {server} while {doing}: {command.ResponseText?.Trim()}",
            ImapProtocolException => $"IMAP protocol error with {server} while {doing}: {e.Message.Trim()}",
            FolderNotFoundException folder => $"folder '{folder.FolderName}' does not exist on {server}",
            SocketException socket => $"cannot connect to {server}: {socket.SocketErrorCode}",
            TimeoutException or OperationCanceledException => $"timed out after {_options.Imap.Timeout.TotalSeconds:0} s talking to {server} while {doing}",
            IOException => $"connection to {server} lost while {doing}: {e.Message.Trim()}",
            ServiceNotConnectedException or ServiceNotAuthenticatedException => $"{server} while {doing}: {e.Message.Trim()}",
            _ => $"{e.GetType().Name} from {server} while {doing}: {e.Message.Trim()}",
        };
        _logger.LogWarning("IMAP: {Reason}", reason);
        return e as MailboxUnavailableException ?? new MailboxUnavailableException(reason, e);
    }

    // One attempt a run: left alone, MailKit tries every SASL mechanism the server offers and then LOGIN, three failures a run
    // with a wrong password, and government mail servers lock an account after a few. PLAIN inside TLS, else LOGIN.
    private static async Task SignInAsync(ImapClient client, ImapOptions imap, CancellationToken cancellationToken)
    {
        var credentials = new System.Net.NetworkCredential(imap.UserName ?? string.Empty, imap.Password ?? string.Empty);
        if (client.AuthenticationMechanisms.Contains("PLAIN"))
        {
            await client.AuthenticateAsync(new SaslMechanismPlain(credentials), cancellationToken).ConfigureAwait(false);
            return;
        }

        client.AuthenticationMechanisms.Clear();
        await client.AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
    }

    // The folders for handled mail are the office's to see in any mail client: created and subscribed when missing.
    private static async Task<IMailFolder> EnsureFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            IMailFolder root = client.PersonalNamespaces.Count > 0 ? client.GetFolder(client.PersonalNamespaces[0]) : client.Inbox;
            IMailFolder created = await root.CreateAsync(name, isMessageFolder: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The server did not create folder '{name}'.");
            await created.SubscribeAsync(cancellationToken).ConfigureAwait(false);
            return created;
        }
    }

    private void Received(int count) => Interlocked.Add(ref _bytesReceived, count);

    /// <summary>MailKit hands every byte the server sends to its protocol logger: counted, never written anywhere.</summary>
    private sealed class CountingLogger(ImapReportingMailbox owner) : IProtocolLogger
    {
        public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

        public void LogConnect(Uri uri)
        {
        }

        public void LogClient(byte[] buffer, int offset, int count)
        {
        }

        public void LogServer(byte[] buffer, int offset, int count) => owner.Received(count);

        public void Dispose()
        {
        }
    }
}
