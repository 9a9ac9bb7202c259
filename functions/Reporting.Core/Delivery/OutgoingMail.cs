namespace Reporting.Core.Delivery;

/// <summary>
/// One message as Core writes it: sender, one recipient, subject, a plain-text body and attachments.
/// Core decides what a mail says; how it travels (MIME, RFC 2047/2231 names, base64, SMTP or an .eml
/// file) is the sender's business in Reporting.Infrastructure, so the rules carry no mail library.
/// </summary>
public sealed record OutgoingMail
{
    /// <summary>The sender's address (Reporting:Delivery:From).</summary>
    public required string From { get; init; }

    /// <summary>The sender's display name, already made header-safe.</summary>
    public string? FromName { get; init; }

    /// <summary>Exactly one address; the sender refuses anything else (no "a@x, b@y", no header injection).</summary>
    public required string To { get; init; }

    /// <summary>Already made header-safe and shortened (<see cref="MailText.HeaderSafe"/>).</summary>
    public required string Subject { get; init; }

    /// <summary>Plain text, UTF-8.</summary>
    public required string Body { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Set by <see cref="DeliveryService"/> from its ledger row before sending, so a retried message
    /// carries the same id; a sender given none makes one.
    /// </summary>
    public string? MessageId { get; init; }
}

/// <summary>An attachment's content and its (Chinese) file name.</summary>
public sealed record MailAttachment(string FileName, string MediaType, string MediaSubtype, ReadOnlyMemory<byte> Content);

/// <summary>Message-Ids (RFC 5322 <c>id-left@id-right</c>, without the angle brackets) for mail Core sends.</summary>
public static class MessageIds
{
    /// <summary>A new unique id whose right-hand side is the sender's domain, or <c>reporting.invalid</c> when the address has none.</summary>
    public static string Create(string? fromAddress)
    {
        string domain = fromAddress is { } from && from.LastIndexOf('@') is var at and >= 0 && at < from.Length - 1
            ? from[(at + 1)..].Trim().TrimEnd('>')
            : "reporting.invalid";
        if (domain.Length == 0 || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            domain = "reporting.invalid";
        }

        return $"{Guid.NewGuid():N}@{domain}";
    }
}
