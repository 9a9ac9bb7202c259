using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;

namespace Reporting.Infrastructure.Mail;

/// <summary>
/// Hands messages to an SMTP server with MailKit: STARTTLS (or TLS on connect) and AUTH from
/// configuration. Every failure becomes a <see cref="MailDeliveryException"/> whose message says
/// why in one line (it ends up in the delivery ledger). The password is never logged or repeated.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly SmtpOptions _options;
    private readonly ILogger _logger;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;

    /// <param name="options">Host, port, security, credentials and timeout.</param>
    /// <param name="logger">Logs one line per message handed over or refused.</param>
    /// <param name="certificateValidation">
    /// Replaces the system's certificate check; only for a server with a private certificate that
    /// the caller pins (the tests' loopback server). Never set from configuration.
    /// </param>
    public SmtpMailSender(SmtpOptions options, ILogger<SmtpMailSender>? logger = null, RemoteCertificateValidationCallback? certificateValidation = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new ArgumentException("SMTP host is not configured.", nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<SmtpMailSender>.Instance;
        _certificateValidation = certificateValidation ?? PinnedOrTrusted(options.CertificateSha256);
    }

    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        MimeMessage message = MimeMessages.Create(mail);

        string recipients = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        using var client = new SmtpClient { Timeout = (int)Math.Clamp(_options.Timeout.TotalMilliseconds, 1000, int.MaxValue) };
        if (_certificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = _certificateValidation;
        }

        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, ToSocketOptions(_options.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string reason = Describe(e);
            _logger.LogWarning("SMTP refused message {MessageId} to {Recipients}: {Reason}", message.MessageId, recipients, reason);
            throw new MailDeliveryException(reason, e);
        }

        _logger.LogInformation("SMTP accepted message {MessageId} to {Recipients} via {Host}:{Port}", message.MessageId, recipients, _options.Host, _options.Port);
        return message.MessageId!;
    }

    /// <summary>Trusted by the system, or exactly the pinned certificate; null (the system's check alone) when nothing is pinned.</summary>
    internal static RemoteCertificateValidationCallback? PinnedOrTrusted(string? sha256) => ServerCertificates.PinnedOrTrusted(sha256);

    internal static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => ServerCertificates.ToSocketOptions(security);

    // One line for the ledger and the logs. MailKit's messages never contain the password; ours don't either.
    private string Describe(Exception e)
    {
        string server = $"{_options.Host}:{_options.Port}";
        return e switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode} from {server}: {command.Message.Trim()}",
            AuthenticationException => $"SMTP authentication as '{_options.UserName}' failed at {server}",
            SslHandshakeException => $"TLS handshake with {server} failed: {e.Message.Split('\n')[0].Trim()}",
            SmtpProtocolException => $"SMTP protocol error with {server}: {e.Message.Trim()}",
            NotSupportedException when _options.Security == SmtpSecurity.StartTls => $"{server} does not offer STARTTLS",
            SocketException socket => $"cannot connect to {server}: {socket.SocketErrorCode}",
            TimeoutException or OperationCanceledException => $"timed out after {_options.Timeout.TotalSeconds:0} s talking to {server}",
            IOException => $"connection to {server} lost: {e.Message.Trim()}",
            ServiceNotConnectedException or ServiceNotAuthenticatedException => $"{server}: {e.Message.Trim()}",
            _ => $"{e.GetType().Name} sending via {server}: {e.Message.Trim()}",
        };
    }
}
