using Reporting.Core.Mailbox;

namespace Reporting.Tests.Mailbox;

/// <summary>
/// A mailbox in memory for the service's own logic (claims, retries, filing); the IMAP reader itself is tested against
/// dovecot in Reporting.IntegrationTests. Messages wait in the inbox until moved; an attachment can be made to fail.
/// </summary>
internal sealed class InMemoryMailbox : IReportingMailbox
{
    private readonly List<(IncomingMessage Message, Dictionary<string, byte[]> Parts)> _inbox = [];
    private int _handles;

    public List<(IncomingMessage Message, MailboxFolder Folder)> Filed { get; } = [];

    public Func<IncomingAttachment, Exception?> FailAttachment { get; set; } = _ => null;

    public bool IsConfigured => true;

    public int InboxCount
    {
        get
        {
            lock (_inbox)
            {
                return _inbox.Count;
            }
        }
    }

    public IncomingMessage Deliver(IncomingMessage message, params (IncomingAttachment Attachment, byte[] Content)[] attachments)
    {
        lock (_inbox)
        {
            IncomingMessage stored = message with { Handle = (++_handles).ToString(System.Globalization.CultureInfo.InvariantCulture), Attachments = [.. attachments.Select(a => a.Attachment)] };
            _inbox.Add((stored, attachments.ToDictionary(a => a.Attachment.Part, a => a.Content)));
            return stored;
        }
    }

    public Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<IMailboxSession>(new Session(this));

    private sealed class Session(InMemoryMailbox owner) : IMailboxSession
    {
        public Task<IReadOnlyList<IncomingMessage>> ListAsync(int max, CancellationToken cancellationToken = default)
        {
            lock (owner._inbox)
            {
                return Task.FromResult<IReadOnlyList<IncomingMessage>>([.. owner._inbox.Take(max).Select(m => m.Message)]);
            }
        }

        public Task<Stream> OpenAttachmentAsync(IncomingMessage message, IncomingAttachment attachment, CancellationToken cancellationToken = default)
        {
            if (owner.FailAttachment(attachment) is { } failure)
            {
                throw failure;
            }

            lock (owner._inbox)
            {
                return Task.FromResult<Stream>(new MemoryStream(owner._inbox.Single(m => m.Message.Handle == message.Handle).Parts[attachment.Part], writable: false));
            }
        }

        public Task MoveAsync(IncomingMessage message, MailboxFolder folder, CancellationToken cancellationToken = default)
        {
            lock (owner._inbox)
            {
                if (owner._inbox.RemoveAll(m => m.Message.Handle == message.Handle) > 0)
                {
                    owner.Filed.Add((message, folder));
                }
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
