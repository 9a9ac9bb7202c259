namespace Reporting.Core.Mailbox;

/// <summary>One header field as received, unfolded (encoded words in it decoded by the reader).</summary>
public sealed record MailHeader(string Name, string Value);

/// <summary>
/// A message in the reporting mailbox as the rules see it, whatever read it: its sender, subject, dates, thread,
/// the header fields, and its attachments with name and size but not their content, which is opened only for
/// the attachments that count (<see cref="IMailboxSession.OpenAttachmentAsync"/>). The IMAP reader fills it from
/// the envelope, the header and the BODYSTRUCTURE, so listing a mailbox downloads no attachment.
/// </summary>
public sealed record IncomingMessage
{
    /// <summary>The reader's handle for the message (an IMAP UID); opaque to Core.</summary>
    public required string Handle { get; init; }

    /// <summary>Message-Id without angle brackets; null when the message has none.</summary>
    public string? MessageId { get; init; }

    /// <summary>Every address in From (normally one).</summary>
    public IReadOnlyList<string> From { get; init; } = [];

    /// <summary>The display name of the first From address, for the office's list.</summary>
    public string? FromName { get; init; }

    /// <summary>The decoded subject (RFC 2047, GB18030 and all).</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>The Date header; null when missing or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>When the office's server stored the message (IMAP INTERNALDATE).</summary>
    public DateTimeOffset ArrivedAt { get; init; }

    /// <summary>The thread (References), oldest first, without angle brackets.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The top-level media type, e.g. <c>multipart/mixed</c>, <c>multipart/report</c> (a delivery report).</summary>
    public string MediaType { get; init; } = "text/plain";

    /// <summary>Every header field of the message, in order (top first: the receiving server's own fields come first).</summary>
    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    /// <summary>Every leaf part that is a file (named, or an attachment), including those inside a forwarded message.</summary>
    public IReadOnlyList<IncomingAttachment> Attachments { get; init; } = [];

    /// <summary>The values of every header field named <paramref name="name"/>, top first.</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();
}

/// <summary>A file in a message, as its MIME structure describes it; the content stays on the server until opened.</summary>
public sealed record IncomingAttachment
{
    /// <summary>Where it is in the message (IMAP part specifier "2", "3.2"): stable for the message, so part of the upload path.</summary>
    public required string Part { get; init; }

    /// <summary>The decoded file name (RFC 2231 / RFC 2047, any charset); empty when the part has none.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>e.g. <c>application/vnd.ms-excel</c>.</summary>
    public string MediaType { get; init; } = "application/octet-stream";

    /// <summary>Size on the wire (in its transfer encoding), from the server's description of the message.</summary>
    public long EncodedSize { get; init; }

    /// <summary>Size once decoded: three quarters of a base64 part, otherwise the size on the wire.</summary>
    public long Size { get; init; }

    /// <summary>Shown inside the text (a signature's logo, a pasted picture) rather than attached.</summary>
    public bool Inline { get; init; }

    /// <summary>Inside a message attached to this one (a forwarded mail, an attached .eml).</summary>
    public bool Forwarded { get; init; }
}
