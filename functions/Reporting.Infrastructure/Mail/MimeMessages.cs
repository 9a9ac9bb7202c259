using MimeKit;
using Reporting.Core.Delivery;

namespace Reporting.Infrastructure.Mail;

/// <summary>Writes an <see cref="OutgoingMail"/> as MIME: what both senders (SMTP and the .eml outbox) put on the wire.</summary>
public static class MimeMessages
{
    /// <summary>
    /// From and one To (parsing refuses anything that is not one address: no "a@x, b@y", no header
    /// injection), the subject, the thread (In-Reply-To, References) and Reply-To of a reply, the
    /// Auto-Submitted mark, a base64 UTF-8 plain-text body and the attachments.
    /// </summary>
    public static MimeMessage Create(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName ?? string.Empty, mail.From));
        message.To.Add(MailboxAddress.Parse(mail.To.Trim()));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(mail.ReplyTo.Trim()));
        }

        message.Subject = mail.Subject;
        message.MessageId = string.IsNullOrEmpty(mail.MessageId) ? MessageIds.Create(mail.From) : mail.MessageId;
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo) && IsThreadable(mail.InReplyTo))
        {
            message.InReplyTo = mail.InReplyTo.Trim();
        }

        // Ids come from other people's mail: one a mail client would choke on is left out rather than failing the answer.
        foreach (string reference in mail.References.Where(IsThreadable))
        {
            message.References.Add(reference.Trim());
        }

        // RFC 3834: what a robot sends is marked, so that no auto-responder (ours included) answers it. Exchange
        // and Outlook do not honour Auto-Submitted; X-Auto-Response-Suppress asks them for no out-of-office reply.
        message.Headers.Add("Auto-Submitted", mail.AutoSubmitted == AutoSubmitted.AutoReplied ? "auto-replied" : "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var text = new TextPart("plain") { Text = mail.Body };
        text.ContentType.Charset = "utf-8";
        text.ContentTransferEncoding = ContentEncoding.Base64;
        if (mail.Attachments.Count == 0)
        {
            message.Body = text;
            return message;
        }

        var mixed = new Multipart("mixed") { text };
        foreach (MailAttachment attachment in mail.Attachments)
        {
            mixed.Add(CreateAttachment(attachment));
        }

        message.Body = mixed;
        return message;
    }

    private static bool IsThreadable(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 250 && !id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or '"');

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
