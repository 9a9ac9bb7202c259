using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Reporting.Core;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>
/// Who sent it decides nothing by itself: only a department's configured address, confirmed by the office's own
/// receiving server, counts. Anything else is kept for the office, unanswered, and assigned by hand (recorded).
/// </summary>
[Collection(MailboxFixtures.Name)]
public sealed class MailboxTrustTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap) : MailboxTests(azurite, smtp, imap)
{
    public static TheoryData<string, string?, SenderStanding> Untrusted => new()
    {
        // A stranger, even one whose own domain passes.
        { "stranger@qq.example", TestMail.Passed("stranger@qq.example"), SenderStanding.UnknownSender },

        // 安源区's address, but SPF failed and there is no DKIM signature.
        { AnyuanClerk, TestMail.Failed(AnyuanClerk), SenderStanding.NotAuthenticated },

        // 安源区's address, and the receiving server wrote no verdict at all.
        { AnyuanClerk, null, SenderStanding.NotAuthenticated },

        // A "pass" written by someone else's server (or by the sender): not the office's authserv-id.
        { AnyuanClerk, TestMail.Passed(AnyuanClerk, authServId: "mx.forger.example"), SenderStanding.NotAuthenticated },

        // SPF passed, but for the forger's envelope domain, not 安源区's.
        { AnyuanClerk, $"{ImapFixture.AuthServId}; spf=pass smtp.mailfrom=bounce@forger.example; dkim=pass header.d=forger.example", SenderStanding.NotAuthenticated },
    };

    [Theory]
    [MemberData(nameof(Untrusted))]
    public async Task A_message_whose_sender_is_not_confirmed_is_kept_for_the_office_unanswered_and_not_ingested(string from, string? authenticationResults, SenderStanding standing)
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = new TestMail { From = from }.Attach(name, content);
        if (authenticationResults is not null)
        {
            mail.WithAuthenticationResults(authenticationResults);
        }

        await DeliverAsync(mail);

        MailboxRunReport report = await RunAsync();

        Assert.Equal(MessageResult.Kept, Assert.Single(report.Messages).Result);
        Assert.Empty(await SubmissionsAsync());
        Assert.Empty(Smtp.Messages);
        MailboxRecord kept = Assert.Single(await Mailbox.GetKeptAsync());
        Assert.Equal((Key(mail), standing, MailboxState.Kept), (kept.Key, kept.Standing!.Value, kept.State));
        Assert.Contains(from, kept.Note, StringComparison.Ordinal);
        Assert.Equal(content, await Host.Stores.Store.ReadBytesAsync(Assert.Single(kept.Attachments).KeptPath!));
        Assert.Equal((0, 0, 1), await FoldersAsync());
    }

    [Fact]
    public async Task A_forged_pass_below_the_office_servers_real_verdict_is_not_believed()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = new TestMail()
            .WithAuthenticationResults(TestMail.Failed(AnyuanClerk))
            .WithHeader("Authentication-Results", TestMail.Passed(AnyuanClerk))
            .Attach(name, content);
        await DeliverAsync(mail);

        await RunAsync();

        MailboxRecord kept = await RecordAsync(mail);
        Assert.Equal((MailboxState.Kept, SenderStanding.NotAuthenticated), (kept.State, kept.Standing!.Value));
        Assert.Contains("相互矛盾", kept.Note, StringComparison.Ordinal);
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task An_address_listed_for_two_departments_claims_neither()
    {
        FunctionsTestHost host = NewHost(new Dictionary<string, string?> { ["Reporting:Mailbox:Senders:xiangdong"] = AnyuanClerk });
        (string name, byte[] content) = Samples.Projects(host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);

        await RunAsync(host);

        MailboxRecord kept = Assert.Single(await host.Services.GetRequiredService<MailboxService>().GetKeptAsync());
        Assert.Equal(SenderStanding.SeveralDepartments, kept.Standing);
        Assert.Contains("同时登记为安源区、湘东区的报送邮箱", kept.Note, StringComparison.Ordinal);
        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task The_office_assigns_a_kept_message_by_hand_which_is_recorded_ingested_and_answered_to_the_departments_contact()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = new TestMail { From = "zhang.clerk@qq.example", Subject = "安源区12月报表（用个人邮箱发送）" }
            .WithAuthenticationResults(TestMail.Passed("zhang.clerk@qq.example"))
            .Attach(name, content);
        await DeliverAsync(mail);
        await RunAsync();
        Host.Clock.Advance(TimeSpan.FromHours(3));

        MailboxAssignment assignment = await Mailbox.AssignAsync(MessageKeys.Display(Key(mail)), "anyuan", "市重大项目办 李四");

        Assert.True(assignment.Complete);
        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal((MailboxState.Assigned, "anyuan", "市重大项目办 李四", Host.Clock.Now), (record.State, record.Department, record.AssignedBy, record.AssignedAt!.Value));
        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal((SubmissionResult.Accepted, "anyuan", new ReportingPeriod(2022, 12)), (submission.Status, submission.Department, submission.Period!.Value));
        Assert.Equal(record.Attachments[0].UploadPath, submission.UploadPath);
        CapturedMail receipt = Assert.Single(Smtp.Messages);
        Assert.Equal([AnyuanClerk], receipt.EnvelopeTo);
        Assert.Null(receipt.Message.InReplyTo);
        Assert.Empty(await Mailbox.GetKeptAsync());

        // Again, or by a colleague at the same moment: nothing more happens; to another department it is refused.
        MailboxAssignment again = await Mailbox.AssignAsync(Key(mail), "anyuan", "王五");
        Assert.True(again.AlreadyAssigned);
        Assert.Equal("市重大项目办 李四", again.Message.AssignedBy);
        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Mailbox.AssignAsync(Key(mail), "xiangdong", "王五"));
        Assert.Contains("已于2023-01-02 13:00由市重大项目办 李四分配给安源区", refused.Message, StringComparison.Ordinal);
        Assert.Single(await SubmissionsAsync());
        Assert.Single(Smtp.Messages);
    }

    [Fact]
    public async Task An_authenticated_message_cannot_be_assigned_by_hand()
    {
        TestMail mail = TestMail.Authenticated("12月报表");
        await DeliverAsync(mail);
        await RunAsync();

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Mailbox.AssignAsync(Key(mail), "xiangdong", "王五"));

        Assert.Contains("不是待人工处理的邮件", refused.Message, StringComparison.Ordinal);
        Assert.Single(RepliesTo(mail));
    }

    [Fact]
    public async Task The_reply_goes_only_to_the_configured_address_never_to_a_reply_to_the_sender_names()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().WithHeader("Reply-To", "attacker@evil.example").WithHeader("Cc", "boss@evil.example").Attach(name, content);
        await DeliverAsync(mail);

        await RunAsync();

        CapturedMail reply = Assert.Single(Smtp.Messages);
        Assert.Equal([AnyuanClerk], reply.EnvelopeTo);
        MimeMessage message = reply.Message;
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public async Task A_refused_imap_login_says_so_and_the_password_appears_in_no_log_report_or_ledger()
    {
        const string WrongPassword = "wrong-horse-battery-staple-7f3a";
        var logs = new CapturingLoggerProvider();
        FunctionsTestHost host = NewHost(
            new Dictionary<string, string?> { ["Reporting:Mailbox:Imap:Password"] = WrongPassword },
            services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        await DeliverAsync(TestMail.Authenticated("12月报表"));

        MailboxRunReport report = await RunAsync(host);
        await host.Create<Reporting.Functions.ReadMailboxFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal($"IMAP authentication as '{Account.UserName}' failed at 127.0.0.1:{Imap.Port}", report.Error);

        // One attempt a run, not one per mechanism: mail servers lock an account after a few failures.
        for (int wait = 0; wait < 50 && Regex.Count(Imap.Log, @"user=<" + Regex.Escape(Account.UserName) + ">.*auth failed|auth failed.*user=<" + Regex.Escape(Account.UserName) + ">") < 2; wait++)
        {
            await Task.Delay(100);
        }

        string[] failures = [.. Imap.Log.Split('\n').Where(l => l.Contains("auth failed", StringComparison.Ordinal) && l.Contains($"user=<{Account.UserName}>", StringComparison.Ordinal))];
        Assert.Equal(2, failures.Length);
        Assert.All(failures, l => Assert.Contains("auth failed, 1 attempts", l, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("IMAP authentication as", StringComparison.Ordinal));
        Assert.DoesNotContain(WrongPassword, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Account.Password, logs.All, StringComparison.Ordinal);
        Assert.Empty(await host.RowsAsync<MailboxRecord>(LedgerTables.Mailbox));
        Assert.Equal((1, 0, 0), await FoldersAsync());
    }
}
