using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.Tests.Delivery;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Mailbox;

/// <summary>The mailbox's claims, retries and filing on the folder store, with a mailbox in memory.</summary>
public sealed class MailboxServiceTests : IDisposable
{
    private const string Clerk = "anyuan@fgw.pingxiang.example";
    private const string AuthServId = "mx.pingxiang.example";

    private readonly string _root = Directory.CreateTempSubdirectory("reporting-mailbox-unit-").FullName;
    private readonly InMemoryMailbox _mailbox = new();
    private readonly RecordingSender _sender = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public MailboxServiceTests()
    {
        ReportingOptions options = TestWorkbooks.Options;
        var configured = new ReportingOptions
        {
            Departments = [.. options.Departments.Select(d => new DepartmentOptions { Id = d.Id, Name = d.Name, Kinds = d.Kinds, Contact = d.Id == "anyuan" ? Clerk : null })],
            Ingestion = options.Ingestion,
            Mailbox = new MailboxOptions { AuthServId = AuthServId, Address = "baosong@pingxiang.example" },
        };
        _services = TestServices.OnFolder(_root, configured, _sender, _clock, services => services.AddSingleton<IReportingMailbox>(_mailbox));
    }

    private MailboxService Service => _services.Get<MailboxService>();

    private ILedgerStore Ledger => _services.Get<ILedgerStore>();

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private IncomingMessage Deliver(string id)
    {
        var message = new IncomingMessage
        {
            Handle = "0",
            MessageId = id,
            From = [Clerk],
            Subject = "安源区2022年12月调度表",
            ArrivedAt = _clock.GetUtcNow(),
            Headers = [new("Authentication-Results", $"{AuthServId}; spf=pass smtp.mailfrom={Clerk}")],
        };
        byte[] workbook = TestWorkbooks.ProjectWorkbook(rows: [[1, "安源区智能制造产业园", "安源区", "工业", 12000, 13000, "是"]]).ToArray();
        return _mailbox.Deliver(message, (new IncomingAttachment { Part = "2", FileName = "安源区12月.xlsx", Size = workbook.Length }, workbook));
    }

    [Fact]
    public async Task A_message_claimed_by_a_live_run_is_left_alone_and_taken_over_once_the_claim_is_stale()
    {
        IncomingMessage message = Deliver("m1@anyuan.example");
        string key = MessageKeys.For(message);
        await Ledger.InsertAsync(LedgerTables.Mailbox, MailboxService.Partition, key, new MailboxRecord
        {
            Key = key,
            From = Clerk,
            State = MailboxState.Processing,
            Attempts = 1,
            ClaimedAt = _clock.GetUtcNow().AddMinutes(-1),
        });

        MailboxRunReport busy = await Service.RunOnceAsync();
        _clock.Advance(TimeSpan.FromMinutes(15));
        MailboxRunReport takenOver = await Service.RunOnceAsync();

        Assert.Equal(MessageResult.InProgress, Assert.Single(busy.Messages).Result);
        Assert.Equal(MessageResult.Answered, Assert.Single(takenOver.Messages).Result);
        Assert.Single(_sender.Sent);
        MailboxRecord record = (await Ledger.GetAsync<MailboxRecord>(LedgerTables.Mailbox, MailboxService.Partition, key))!.Value;
        Assert.Equal((MailboxState.Answered, 2, (DateTimeOffset?)null), (record.State, record.Attempts, record.FilingClaimedAt));
        Assert.NotNull(record.FiledAt);
        Assert.Equal(MailboxFolder.Processed, Assert.Single(_mailbox.Filed).Folder);
    }

    [Fact]
    public async Task A_failure_while_handling_a_message_is_recorded_and_the_next_run_finishes_it_with_nothing_twice()
    {
        IncomingMessage message = Deliver("m2@anyuan.example");
        _mailbox.FailAttachment = _ => new IOException("disk full while spooling");

        MailboxRunReport failed = await Service.RunOnceAsync();
        MailboxRecord retry = (await Ledger.GetAsync<MailboxRecord>(LedgerTables.Mailbox, MailboxService.Partition, MessageKeys.For(message)))!.Value;
        _mailbox.FailAttachment = _ => null;
        MailboxRunReport finished = await Service.RunOnceAsync();

        Assert.Equal(MessageResult.Retry, Assert.Single(failed.Messages).Result);
        Assert.Null(failed.Error);
        Assert.Equal(MailboxState.Retry, retry.State);
        Assert.Equal("IOException: disk full while spooling", retry.LastError);
        Assert.Equal(MessageResult.Answered, Assert.Single(finished.Messages).Result);
        Assert.Single(_sender.Sent);
        Assert.Equal(0, _mailbox.InboxCount);
    }

    [Fact]
    public async Task A_mail_server_failure_stops_the_run_and_says_why_leaving_the_message_for_the_next()
    {
        Deliver("m3@anyuan.example");
        Deliver("m4@anyuan.example");
        _mailbox.FailAttachment = _ => new MailboxUnavailableException("connection to 127.0.0.1:993 lost while downloading attachment 2");

        MailboxRunReport report = await Service.RunOnceAsync();

        Assert.Equal("connection to 127.0.0.1:993 lost while downloading attachment 2", report.Error);
        Assert.Equal(MessageResult.Retry, Assert.Single(report.Messages).Result);
        Assert.Equal(2, _mailbox.InboxCount);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task Assigning_needs_a_configured_department_a_name_and_a_known_message()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service.AssignAsync("abcdef", "nowhere", "李四"));
        await Assert.ThrowsAsync<ArgumentException>(() => Service.AssignAsync("abcdef", "anyuan", "  "));
        await Assert.ThrowsAsync<ArgumentException>(() => Service.AssignAsync("abc", "anyuan", "李四"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Service.AssignAsync("abcdef", "anyuan", "李四"));
    }

    [Fact]
    public async Task Submissions_from_the_mailbox_are_recorded_under_a_path_of_the_message_and_part()
    {
        IncomingMessage message = Deliver("m5@anyuan.example");

        await Service.RunOnceAsync();

        SubmissionRecord submission = Assert.Single(await _services.Get<SubmissionStatusService>().GetSubmissionsAsync(new Reporting.Core.ReportingPeriod(2022, 12), default));
        Assert.Equal($"mail/{MessageKeys.For(message)}/2/安源区12月.xlsx", submission.UploadPath);
    }
}
