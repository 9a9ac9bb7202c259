using MimeKit;

namespace Reporting.Core.Delivery;

/// <summary>
/// Sends one message. SMTP (MailKit) in production; an outbox folder of .eml files locally.
/// Throws <see cref="MailDeliveryException"/> when the message could not be handed over.
/// </summary>
public interface IMailSender
{
    /// <summary>Returns the Message-Id of the message handed over.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

public sealed class MailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
