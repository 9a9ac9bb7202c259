using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Reporting.Core.Mailbox;

namespace Reporting.Infrastructure.Mail;

/// <summary>One signed-in IMAP connection with the reporting folder open read-write.</summary>
internal sealed class ImapMailboxSession(ImapReportingMailbox owner, ImapClient client, IMailFolder inbox, IMailFolder processed, IMailFolder kept) : IMailboxSession
{
    // What the listing fetched, by handle: opening an attachment needs its BODYSTRUCTURE part again.
    private readonly Dictionary<string, IMessageSummary> _listed = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<IncomingMessage>> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        try
        {
            IList<UniqueId> uids = await inbox.SearchAsync(SearchQuery.NotDeleted, cancellationToken).ConfigureAwait(false);
            List<UniqueId> oldest = [.. uids.OrderBy(u => u.Id).Take(Math.Max(1, max))];
            if (oldest.Count == 0)
            {
                return [];
            }

            const MessageSummaryItems Items = MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure
                | MessageSummaryItems.InternalDate | MessageSummaryItems.Headers | MessageSummaryItems.Size;
            IList<IMessageSummary> summaries = await inbox.FetchAsync(oldest, Items, cancellationToken).ConfigureAwait(false);
            var messages = new List<IncomingMessage>(summaries.Count);
            foreach (IMessageSummary summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                string handle = summary.UniqueId.Id.ToString(CultureInfo.InvariantCulture);
                _listed[handle] = summary;
                messages.Add(await ImapMessages.ToIncomingAsync(handle, summary, FetchFileNameAsync, cancellationToken).ConfigureAwait(false));
            }

            return messages;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw owner.Unavailable(e, "listing messages");
        }
    }

    public async Task<Stream> OpenAttachmentAsync(IncomingMessage message, IncomingAttachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        if (!_listed.TryGetValue(message.Handle, out IMessageSummary? summary)
            || ImapMessages.FindPart(summary.Body, attachment.Part) is not BodyPartBasic part)
        {
            throw new InvalidOperationException($"Attachment {attachment.Part} of message {message.Handle} was not listed in this session.");
        }

        try
        {
            MimeEntity entity = await inbox.GetBodyPartAsync(summary.UniqueId, part, cancellationToken).ConfigureAwait(false);
            if (entity is not MimePart mime || mime.Content is null)
            {
                return new MemoryStream([], writable: false);
            }

            // The part is in memory already (at most the upload limit: larger ones are never fetched); decode it once.
            var decoded = new MemoryStream();
            await mime.Content.DecodeToAsync(decoded, cancellationToken).ConfigureAwait(false);
            decoded.Position = 0;
            return decoded;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw owner.Unavailable(e, $"downloading attachment {attachment.Part}");
        }
    }

    public async Task MoveAsync(IncomingMessage message, MailboxFolder folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uid = new UniqueId(uint.Parse(message.Handle, CultureInfo.InvariantCulture));
        ImapCommandException? refused;
        try
        {
            // MOVE where the server has it, else COPY, \Deleted and EXPUNGE.
            await inbox.MoveToAsync(uid, folder == MailboxFolder.Kept ? kept : processed, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (ImapCommandException e)
        {
            refused = e;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw owner.Unavailable(e, "moving a handled message");
        }

        // Another run moved it after we listed it (servers answer NO or OK for that): it is where it belongs.
        if (await StillThereAsync(uid, cancellationToken).ConfigureAwait(false))
        {
            throw owner.Unavailable(refused, "moving a handled message");
        }
    }

    private async Task<bool> StillThereAsync(UniqueId uid, CancellationToken cancellationToken)
    {
        try
        {
            return (await inbox.SearchAsync(SearchQuery.Uids([uid]), cancellationToken).ConfigureAwait(false)).Count > 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw owner.Unavailable(e, "checking a handled message");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ImapProtocolException or ImapCommandException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            // The connection is gone either way.
        }
        finally
        {
            client.Dispose();
        }
    }

    // A part's own MIME header, for a file name the server's BODYSTRUCTURE garbled (raw 8-bit GB18030 bytes): parsed by MimeKit,
    // which reads RFC 2231 and RFC 2047 names in any charset and falls back to GB18030 for undeclared 8-bit text.
    private async Task<string?> FetchFileNameAsync(IMessageSummary summary, BodyPartBasic part, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(part.PartSpecifier))
        {
            return null;
        }

        Stream stream = await inbox.GetStreamAsync(summary.UniqueId, part.PartSpecifier + ".MIME", cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            MimeEntity entity = await MimeEntity.LoadAsync(ImapMessages.ChineseFallback, stream, cancellationToken).ConfigureAwait(false);
            return (entity as MimePart)?.FileName;
        }
    }
}
