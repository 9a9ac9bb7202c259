using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;

namespace Reporting.Infrastructure.Mail;

/// <summary>
/// "Sends" by writing the message as an .eml file under outbox/ in the store: the CLI and the
/// demo use it when no SMTP host is configured, so every mail can be opened and checked.
/// The file is named by the Message-Id, so a retried message overwrites its own file.
/// </summary>
public sealed class OutboxMailSender(IReportStore store, ILogger<OutboxMailSender>? logger = null) : IMailSender
{
    private readonly ILogger _logger = logger ?? NullLogger<OutboxMailSender>.Instance;

    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrEmpty(mail.MessageId))
        {
            mail = mail with { MessageId = MessageIds.Create(mail.From) };
        }

        string path = PathFor(mail);
        try
        {
            MimeMessage message = MimeMessages.Create(mail);
            using var buffer = new MemoryStream();
            await message.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await store.WriteAsync(path, buffer, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new MailDeliveryException($"cannot write {path}: {e.Message}", e);
        }

        _logger.LogInformation("Wrote message {MessageId} to {Path}", mail.MessageId, path);
        return mail.MessageId!;
    }

    /// <summary>outbox/{first recipient}/{message id}.eml, with anything but letters, digits, '@', '.', '-' and '_' replaced.</summary>
    public static string PathFor(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        string recipient = AddressOf(mail.To);
        return StorePath.Combine(Containers.Outbox, Safe(recipient.Length == 0 ? "undisclosed" : recipient), Safe(mail.MessageId ?? "no-id") + ".eml");
    }

    // "张三 <a@b>" names the folder by the address alone, as a parsed mailbox would.
    private static string AddressOf(string to)
    {
        string text = to.Trim();
        int open = text.LastIndexOf('<');
        int close = text.LastIndexOf('>');
        return open >= 0 && close > open ? text[(open + 1)..close].Trim() : text;
    }

    private static string Safe(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 120));
        foreach (char c in text.Take(120))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' ? char.ToLowerInvariant(c) : '_');
        }

        string safe = builder.ToString().Trim('.');
        return safe.Length == 0 ? "_" : safe;
    }
}
