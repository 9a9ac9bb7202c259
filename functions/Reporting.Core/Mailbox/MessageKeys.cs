using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Storage;

namespace Reporting.Core.Mailbox;

/// <summary>
/// A message's identity across runs, servers and folders: the SHA-256 of its Message-Id, or of its header fields
/// when it has none. The same message delivered twice (to two of the office's addresses, or redelivered by a server)
/// is the same key, so it is handled once. Every name derived from it is stable, so the upload pipeline's own
/// idempotency (upload path + content hash) holds for each attachment whatever happens between runs.
/// </summary>
public static class MessageKeys
{
    /// <summary>Enough of a key for a person to type (<c>reporting mailbox --assign</c>) and still unique in practice.</summary>
    public const int ShortLength = 12;

    public static string For(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string identity = !string.IsNullOrWhiteSpace(message.MessageId)
            ? "message-id\n" + message.MessageId.Trim()
            : "headers\n" + string.Join("\n", message.Headers.Select(h => h.Name.ToLowerInvariant() + ":" + h.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    public static string Display(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= ShortLength ? key : key[..ShortLength];
    }

    /// <summary>The upload path the submissions ledger records for an attachment: <c>mail/{key}/{part}/{name}</c>, one per message and part.</summary>
    public static string UploadPath(string key, IncomingAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return $"mail/{key}/{attachment.Part}/{AttachmentRules.UploadName(attachment)}";
    }

    /// <summary>Where the attachment of a message kept for the office is archived until someone assigns it: archive/mail/{key}/{part}{ext}.</summary>
    public static string KeptPath(string key, IncomingAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        string extension = AttachmentRules.ExtensionOf(AttachmentRules.UploadName(attachment));
        return StorePath.Combine(Containers.Archive, "mail", key, attachment.Part.Replace('.', '-') + extension);
    }
}
