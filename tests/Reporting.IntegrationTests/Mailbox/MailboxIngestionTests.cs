using MimeKit;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>A department mails its spreadsheet as it does today and gets the same answer an upload gets, in its own thread.</summary>
[Collection(MailboxFixtures.Name)]
public sealed class MailboxIngestionTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap) : MailboxTests(azurite, smtp, imap)
{
    [Fact]
    public async Task A_departments_spreadsheet_is_archived_ingested_answered_in_its_thread_and_moved()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);

        MailboxRunReport report = await RunAsync();

        MessageOutcome outcome = Assert.Single(report.Messages);
        Assert.Equal((MessageResult.Answered, "anyuan"), (outcome.Result, outcome.Department));
        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal((SubmissionResult.Accepted, "anyuan", new ReportingPeriod(2022, 12)), (submission.Status, submission.Department, submission.Period!.Value));
        Assert.Equal(name, submission.FileName);
        Assert.StartsWith($"mail/{Key(mail)}/2/", submission.UploadPath, StringComparison.Ordinal);
        Assert.Equal(content, await Host.Stores.Store.ReadBytesAsync(submission.ArchivePath));
        Assert.Single(await Host.ListAsync("datasets/2022-12/anyuan/"));

        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.Equal([AnyuanClerk], reply.To.Mailboxes.Select(m => m.Address));
        Assert.Equal([mail.MessageId!], reply.References);
        Assert.Equal("auto-replied", reply.Headers["Auto-Submitted"]);
        Assert.Equal([Account.UserName], reply.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("Re: 安源区2022年12月重大项目调度表 【已受理】安源区", reply.Subject, StringComparison.Ordinal);
        Assert.Contains("如需更正，请直接回复本邮件", Text(reply), StringComparison.Ordinal);

        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal((MailboxState.Answered, "anyuan", SenderStanding.Department), (record.State, record.Department, record.Standing));
        Assert.Equal((SubmissionResult.Accepted, DeliveryResult.Sent), Assert.Single(record.Attachments) is var a ? (a.Result!.Value, a.Receipt!.Value) : default);
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task A_rejected_workbook_is_answered_with_the_errors_and_the_annotated_workbook_attached()
    {
        TestMail mail = TestMail.Authenticated().Attach("安源区12月（有误）.xlsx", Samples.WithNegativeInvestment(Host.Options));
        await DeliverAsync(mail);

        await RunAsync();

        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.Contains("【未通过，请修改后重报】", reply.Subject, StringComparison.Ordinal);
        Assert.Contains("未通过校验", Text(reply), StringComparison.Ordinal);
        MimePart annotated = Assert.Single(Attachments(reply));
        Assert.Equal("安源区12月（有误）（错误标注）.xlsx", annotated.FileName);
        Assert.Equal(SubmissionResult.Rejected, Assert.Single(await SubmissionsAsync()).Value.Status);
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task Each_spreadsheet_of_a_message_is_ingested_and_answered_and_a_listed_second_clerk_counts_too()
    {
        (string projectsName, byte[] projects) = Samples.Projects(Host.Options);
        (string signingsName, byte[] signings) = Samples.Signings(Host.Options);
        TestMail mail = TestMail.Authenticated(from: AnyuanSecondClerk)
            .Attach(projectsName, projects)
            .Attach(signingsName, signings, "application/octet-stream")
            .Attach("logo.png", [0x89, 0x50, 0x4E, 0x47], "image/png", inline: true);
        await DeliverAsync(mail);

        await RunAsync();

        Assert.Equal(2, (await SubmissionsAsync()).Count);
        IReadOnlyList<MimeMessage> replies = RepliesTo(mail);
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Equal([AnyuanSecondClerk], r.To.Mailboxes.Select(m => m.Address)));
        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal(
            [AttachmentKind.Spreadsheet, AttachmentKind.Spreadsheet, AttachmentKind.Inline],
            record.Attachments.Select(a => a.Kind));
        Assert.Null(record.Notice);
    }

    [Fact]
    public async Task A_forwarded_message_with_the_file_inside_an_attached_eml_is_ingested()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail original = new TestMail { Subject = "安源区12月调度表", From = "wang@anyuan.example" }.Attach(name, content);
        TestMail mail = TestMail.Authenticated("转发：安源区12月调度表").Forward(original);
        await DeliverAsync(mail);

        await RunAsync();

        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal((SubmissionResult.Accepted, name), (submission.Status, submission.FileName));
        Assert.StartsWith($"mail/{Key(mail)}/2.2/", submission.UploadPath, StringComparison.Ordinal);
        Assert.Single(RepliesTo(mail));
    }

    [Theory]
    [InlineData(NameEncoding.Rfc2231Utf8)]
    [InlineData(NameEncoding.Rfc2231Gb18030)]
    [InlineData(NameEncoding.Rfc2047Gb18030)]
    [InlineData(NameEncoding.RawGb18030)]
    public async Task Chinese_file_names_and_a_gb18030_subject_arrive_as_written(NameEncoding encoding)
    {
        (_, byte[] content) = Samples.Projects(Host.Options);
        const string Name = "安源区2022年12月重大项目调度表（终稿）.xlsx";
        TestMail mail = new TestMail { Subject = "安源区十二月报表：萍乡", SubjectInGb18030 = true }
            .WithAuthenticationResults(TestMail.Passed(AnyuanClerk))
            .Attach(Name, content, encoding: encoding);
        await DeliverAsync(mail);

        await RunAsync();

        Assert.Equal(Name, Assert.Single(await SubmissionsAsync()).Value.FileName);
        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal("安源区十二月报表：萍乡", record.Subject);
        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.Contains($"《{Name}》", Text(reply), StringComparison.Ordinal);
        Assert.StartsWith("Re: 安源区十二月报表：萍乡", reply.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_period_in_the_workbook_the_subject_gives_it_and_else_the_month_before_the_message()
    {
        byte[] undated = Samples.Fill(Host.Options, DatasetKind.Projects, Samples.ProjectRows, period: null);
        TestMail bySubject = TestMail.Authenticated("安源区2022年11月调度表").Attach("调度表.xlsx", undated);
        TestMail byDate = TestMail.Authenticated("安源区调度表").Attach("调度表.xlsx", undated);
        await DeliverAsync(bySubject);
        await DeliverAsync(byDate);

        await RunAsync();

        MailboxRecord subjectRecord = await RecordAsync(bySubject);
        MailboxRecord dateRecord = await RecordAsync(byDate);
        Assert.Equal(new ReportingPeriod(2022, 11), Assert.Single(subjectRecord.Attachments).Period);
        Assert.Equal(new ReportingPeriod(2022, 12), Assert.Single(dateRecord.Attachments).Period);
        Assert.All(await SubmissionsAsync(), s => Assert.Equal(SubmissionResult.Accepted, s.Value.Status));
    }

    [Fact]
    public async Task A_subject_naming_another_period_than_the_workbook_is_a_period_conflict_finding()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated("安源区2022年11月调度表").Attach(name, content);
        await DeliverAsync(mail);

        await RunAsync();

        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal(SubmissionResult.Rejected, submission.Status);
        Finding conflict = Assert.Single(submission.ReadFindings(), f => f.RuleId == RuleIds.PeriodConflict);
        Assert.StartsWith("报表期间不一致：邮件主题中指定为2022年1-11月", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("未通过校验", Text(Assert.Single(RepliesTo(mail))), StringComparison.Ordinal);
    }
}
