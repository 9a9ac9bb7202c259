using System.Text;
using MailKit;
using MimeKit;
using MimeKit.Utils;
using Reporting.Core.Mailbox;

namespace Reporting.Infrastructure.Mail;

/// <summary>
/// Turns what IMAP says about a message (envelope, header, BODYSTRUCTURE) into Core's <see cref="IncomingMessage"/>:
/// addresses, the decoded subject, the thread, every header field, and each file with its part, name and size,
/// walking into attached and forwarded messages.
/// </summary>
internal static class ImapMessages
{
    /// <summary>
    /// MimeKit decodes RFC 2047 / RFC 2231 text in whatever charset it declares; undeclared 8-bit text (older Chinese
    /// mail clients write GB18030 raw) is tried as UTF-8 first, then as GB18030 instead of Latin-1.
    /// </summary>
    public static readonly ParserOptions ChineseFallback = CreateParserOptions();

    public static async Task<IncomingMessage> ToIncomingAsync(
        string handle,
        IMessageSummary summary,
        Func<IMessageSummary, BodyPartBasic, CancellationToken, Task<string?>> fetchFileName,
        CancellationToken cancellationToken)
    {
        HeaderList headers = summary.Headers ?? [];
        Envelope? envelope = summary.Envelope;
        List<MailboxAddress> from = envelope is null ? [] : [.. envelope.From.Mailboxes];
        var attachments = new List<IncomingAttachment>();
        foreach ((BodyPartBasic part, bool forwarded) in Files(summary.Body, forwarded: false))
        {
            string name = part.FileName ?? string.Empty;
            if (LooksGarbled(name))
            {
                name = await fetchFileName(summary, part, cancellationToken).ConfigureAwait(false) ?? name;
            }

            attachments.Add(new IncomingAttachment
            {
                Part = PartOf(part),
                FileName = name.Trim(),
                MediaType = part.ContentType.MimeType.ToLowerInvariant(),
                EncodedSize = part.Octets,
                Size = DecodedSize(part),
                Inline = IsInline(part),
                Forwarded = forwarded,
            });
        }

        return new IncomingMessage
        {
            Handle = handle,
            MessageId = Unbracket(envelope?.MessageId),
            From = [.. from.Select(m => m.Address)],
            FromName = from.FirstOrDefault()?.Name,
            Subject = Text(headers, HeaderId.Subject) ?? envelope?.Subject ?? string.Empty,
            Date = envelope?.Date,
            ArrivedAt = summary.InternalDate ?? DateTimeOffset.UtcNow,
            References = References(headers),
            MediaType = summary.Body?.ContentType.MimeType.ToLowerInvariant() ?? "text/plain",
            Headers = [.. headers.Select(h => new MailHeader(h.Field, h.GetValue(ChineseFallback.CharsetEncoding) ?? string.Empty))],
            Attachments = attachments,
        };
    }

    /// <summary>The BODYSTRUCTURE part an <see cref="IncomingAttachment.Part"/> names.</summary>
    public static BodyPart? FindPart(BodyPart? body, string part) =>
        Files(body, forwarded: false).Select(f => f.Part).FirstOrDefault(p => PartOf(p) == part);

    // Leaf parts that are files: attached or named, or not text (a picture in the text); the message's own text is not.
    // A message/rfc822 part (a forwarded mail, an attached .eml) is walked into: its files are the clerk's too.
    private static IEnumerable<(BodyPartBasic Part, bool Forwarded)> Files(BodyPart? part, bool forwarded)
    {
        switch (part)
        {
            case BodyPartMultipart multipart:
                foreach (BodyPart child in multipart.BodyParts)
                {
                    foreach ((BodyPartBasic, bool) file in Files(child, forwarded))
                    {
                        yield return file;
                    }
                }

                break;
            case BodyPartMessage message when message.Body is not null:
                foreach ((BodyPartBasic, bool) file in Files(message.Body, forwarded: true))
                {
                    yield return file;
                }

                break;
            case BodyPartBasic basic when IsFile(basic):
                yield return (basic, forwarded);
                break;
        }
    }

    private static bool IsFile(BodyPartBasic part) =>
        part.IsAttachment
        || !string.IsNullOrEmpty(part.FileName)
        || part is not BodyPartText
        || part.ContentType.IsMimeType("text", "csv");

    private static bool IsInline(BodyPartBasic part) =>
        !part.IsAttachment && (part.ContentDisposition is not null || !string.IsNullOrEmpty(part.ContentId) || string.IsNullOrEmpty(part.FileName));

    // A single-part message's body has no specifier in BODYSTRUCTURE; IMAP calls it part 1.
    private static string PartOf(BodyPart part) => string.IsNullOrEmpty(part.PartSpecifier) ? "1" : part.PartSpecifier;

    // Base64 carries 57 bytes in each 78-byte line (76 characters and CRLF); other encodings are at most their size on the wire.
    private static long DecodedSize(BodyPartBasic part) =>
        string.Equals(part.ContentTransferEncoding, "base64", StringComparison.OrdinalIgnoreCase) ? part.Octets * 57 / 78 : (long)part.Octets;

    // Undeclared 8-bit bytes come out of BODYSTRUCTURE as Latin-1 (or U+FFFD). Chinese names never need Latin-1 letters, so
    // any such character sends us to the part's own header; a name that was right comes back the same.
    private static bool LooksGarbled(string name) => name.Any(c => c is >= '\u0080' and <= '\u00FF' or '\uFFFD' || char.IsControl(c));

    private static string? Text(HeaderList headers, HeaderId id)
    {
        int index = headers.IndexOf(id);
        return index < 0 ? null : headers[index].GetValue(ChineseFallback.CharsetEncoding)?.Trim();
    }

    // References, oldest first, then In-Reply-To when References lacks it (some clients write only the latter).
    private static List<string> References(HeaderList headers)
    {
        var thread = new List<string>();
        foreach (HeaderId id in (HeaderId[])[HeaderId.References, HeaderId.InReplyTo])
        {
            int index = headers.IndexOf(id);
            if (index >= 0)
            {
                thread.AddRange(MimeUtils.EnumerateReferences(headers[index].RawValue, 0, headers[index].RawValue.Length));
            }
        }

        return [.. thread.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static string? Unbracket(string? id)
    {
        string? trimmed = id?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static ParserOptions CreateParserOptions()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        ParserOptions options = ParserOptions.Default.Clone();
        options.CharsetEncoding = Encoding.GetEncoding("GB18030");
        return options;
    }
}
