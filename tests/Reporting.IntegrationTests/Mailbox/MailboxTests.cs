using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>
/// A test of the reporting mailbox against the real servers: a dovecot mailbox of its own (a new account), Azurite for
/// the stores and ledgers, the loopback SMTP server for the replies, and the services exactly as the Functions app
/// builds them from configuration (the IMAP settings an office would write, the demo's department contacts).
/// </summary>
public abstract class MailboxTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap) : IAsyncLifetime, IDisposable
{
    public const string Processed = "已处理报表";
    public const string Kept = "待人工处理";

    /// <summary>安源区's contact (demo-settings.json) and a second clerk listed under Reporting:Mailbox:Senders:anyuan.</summary>
    public const string AnyuanClerk = "anyuan@fgw.pingxiang.example";
    public const string AnyuanSecondClerk = "liu.clerk@fgw.pingxiang.example";

    private readonly List<FunctionsTestHost> _hosts = [];

    protected AzuriteFixture Azurite { get; } = azurite;

    protected SmtpFixture Smtp { get; } = smtp;

    protected ImapFixture Imap { get; } = imap;

    protected (string UserName, string Password) Account { get; private set; }

    protected FunctionsTestHost Host { get; private set; } = null!;

    protected MailboxService Mailbox => Host.Services.GetRequiredService<MailboxService>();

    public async Task InitializeAsync()
    {
        await Smtp.ResetAsync();
        await Imap.StartAsync();
        Account = Imap.CreateAccount();
        Host = NewHost();
    }

    public async Task DisposeAsync()
    {
        await Smtp.ResetAsync();
        await Imap.StartAsync();
        Dispose();
    }

    public void Dispose()
    {
        foreach (FunctionsTestHost host in _hosts)
        {
            host.Dispose();
        }

        _hosts.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>The app's services on this test's mailbox; with <paramref name="shareWith"/>, a second instance on the same stores.</summary>
    protected FunctionsTestHost NewHost(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? overrides = null, FunctionsTestHost? shareWith = null)
    {
        Dictionary<string, string?> values = Imap.Settings(Account);
        values["Reporting:Mailbox:Address"] = Account.UserName;
        values["Reporting:Mailbox:Senders:anyuan"] = AnyuanSecondClerk;
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        var host = new FunctionsTestHost(Azurite, Smtp, shareWith?.Clock ?? new ManualClock(Infrastructure.FunctionHostTests.UploadTime), values, overrides, shareWith?.NamePrefix);
        _hosts.Add(host);
        return host;
    }

    protected Task DeliverAsync(TestMail mail) => Imap.DeliverAsync(Account, mail.ToBytes(), arrivedAt: mail.Date.AddMinutes(1));

    protected Task<MailboxRunReport> RunAsync(FunctionsTestHost? host = null) =>
        (host ?? Host).Services.GetRequiredService<MailboxService>().RunOnceAsync();

    /// <summary>How many messages are waiting, answered and kept.</summary>
    protected async Task<(int Inbox, int Processed, int Kept)> FoldersAsync()
    {
        Dictionary<string, int> counts = await Imap.CountAsync(Account, "INBOX", Processed, Kept);
        return (counts["INBOX"], counts[Processed], counts[Kept]);
    }

    protected async Task<MailboxRecord> RecordAsync(TestMail mail)
    {
        string key = Key(mail);
        LedgerRow<MailboxRecord>? row = await Host.Stores.Ledger.GetAsync<MailboxRecord>(LedgerTables.Mailbox, MailboxService.Partition, key);
        Assert.True(row is not null, $"the mailbox ledger has a row for {mail.MessageId}");
        return row.Value;
    }

    protected static string Key(TestMail mail) => MessageKeys.For(new IncomingMessage { Handle = "0", MessageId = mail.MessageId });

    protected Task<List<LedgerRow<SubmissionRecord>>> SubmissionsAsync() => Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions);

    /// <summary>The replies the SMTP server received for one message, in the order sent.</summary>
    protected IReadOnlyList<MimeMessage> RepliesTo(TestMail mail) =>
        [.. Smtp.Messages.Select(m => m.Message).Where(m => m.InReplyTo == mail.MessageId)];

    protected static IReadOnlyList<MimePart> Attachments(MimeMessage message) => [.. message.Attachments.OfType<MimePart>()];

    protected static string Text(MimeMessage message) => message.TextBody ?? string.Empty;
}
