namespace Reporting.Core.Delivery;

/// <summary>
/// Sends one message: SMTP in production, an outbox folder of .eml files locally (both in
/// Reporting.Infrastructure). Throws <see cref="MailDeliveryException"/> when the message could not be handed over.
/// </summary>
public interface IMailSender
{
    /// <summary>Returns the Message-Id of the message handed over.</summary>
    Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

public sealed class MailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
