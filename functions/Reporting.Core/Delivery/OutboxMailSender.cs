using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Reporting.Core.Storage;

namespace Reporting.Core.Delivery;

/// <summary>
/// "Sends" by writing the message as an .eml file under outbox/ in the store: the CLI and the
/// demo use it when no SMTP host is configured, so every mail can be opened and checked.
/// The file is named by the Message-Id, so a retried message overwrites its own file.
/// </summary>
public sealed class OutboxMailSender(IReportStore store, ILogger<OutboxMailSender>? logger = null) : IMailSender
{
    private readonly ILogger _logger = logger ?? NullLogger<OutboxMailSender>.Instance;

    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }

        string path = PathFor(message);
        try
        {
            using var buffer = new MemoryStream();
            await message.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await store.WriteAsync(path, buffer, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new MailDeliveryException($"cannot write {path}: {e.Message}", e);
        }

        _logger.LogInformation("Wrote message {MessageId} to {Path}", message.MessageId, path);
        return message.MessageId;
    }

    /// <summary>outbox/{first recipient}/{message id}.eml, with anything but letters, digits, '@', '.', '-' and '_' replaced.</summary>
    public static string PathFor(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string recipient = message.To.Mailboxes.FirstOrDefault()?.Address ?? "undisclosed";
        return StorePath.Combine(Containers.Outbox, Safe(recipient), Safe(message.MessageId ?? "no-id") + ".eml");
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
