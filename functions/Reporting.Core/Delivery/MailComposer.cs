using MimeKit;

namespace Reporting.Core.Delivery;

/// <summary>An attachment's content and its (Chinese) file name.</summary>
public sealed record MailAttachment(string FileName, string MediaType, string MediaSubtype, ReadOnlyMemory<byte> Content);

/// <summary>The parts every message shares: From from configuration, one recipient, a plain-text UTF-8 body, attachments.</summary>
internal static class MailComposer
{
    public static MimeMessage Create(DeliveryOptions options, string recipient, string subject, string body, IEnumerable<MailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(MailText.HeaderSafe(options.FromName, 80), options.From));

        // Parse refuses anything that is not one address (no "a@x, b@y", no header injection).
        message.To.Add(MailboxAddress.Parse(recipient.Trim()));
        message.Subject = MailText.HeaderSafe(subject, 200);

        var text = new TextPart("plain") { Text = body };
        text.ContentType.Charset = "utf-8";
        text.ContentTransferEncoding = ContentEncoding.Base64;

        var parts = new List<MimeEntity> { text };
        foreach (MailAttachment attachment in attachments)
        {
            parts.Add(CreateAttachment(attachment));
        }

        if (parts.Count == 1)
        {
            message.Body = text;
        }
        else
        {
            var mixed = new Multipart("mixed");
            foreach (MimeEntity part in parts)
            {
                mixed.Add(part);
            }

            message.Body = mixed;
        }

        return message;
    }

    /// <summary>
    /// The file name goes out twice: RFC 2231 in Content-Disposition (the standard) and RFC 2047 in
    /// Content-Type's name (what older clients, common in government offices, actually read).
    /// </summary>
    private static MimePart CreateAttachment(MailAttachment attachment)
    {
        var part = new MimePart(attachment.MediaType, attachment.MediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(attachment.Content.ToArray(), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
        foreach (Parameter parameter in part.ContentDisposition.Parameters)
        {
            parameter.EncodingMethod = ParameterEncodingMethod.Rfc2231;
        }

        foreach (Parameter parameter in part.ContentType.Parameters)
        {
            parameter.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        }

        return part;
    }
}
