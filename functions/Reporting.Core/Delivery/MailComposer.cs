using Reporting.Core.Configuration;

namespace Reporting.Core.Delivery;

/// <summary>The parts every message shares: From from configuration, one recipient, a plain-text body, attachments.</summary>
internal static class MailComposer
{
    public static OutgoingMail Create(DeliveryOptions options, string recipient, string subject, string body, IEnumerable<MailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(recipient);
        return new OutgoingMail
        {
            From = options.From,
            FromName = MailText.HeaderSafe(options.FromName, 80),
            To = recipient.Trim(),
            Subject = MailText.HeaderSafe(subject, 200),
            Body = body,
            Attachments = [.. attachments],
        };
    }
}
