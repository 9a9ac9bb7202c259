using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.Infrastructure.Mail;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>Bad mail gets a clear answer and breaks nothing; automatic mail and our own get none.</summary>
[Collection(MailboxFixtures.Name)]
public sealed class MailboxBadMailTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap) : MailboxTests(azurite, smtp, imap)
{
    [Fact]
    public async Task A_message_without_attachment_gets_a_reply_saying_what_to_attach()
    {
        TestMail mail = TestMail.Authenticated("12月报表");
        await DeliverAsync(mail);

        await RunAsync();

        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.StartsWith("Re: 12月报表 【未受理，请附上报表】安源区", reply.Subject, StringComparison.Ordinal);
        Assert.Contains("中没有附件，系统没有收到任何报表", Text(reply), StringComparison.Ordinal);
        Assert.Contains("请把填好的报表（Excel 文件 .xlsx、.xls，或 .csv 文件）直接作为附件", Text(reply), StringComparison.Ordinal);
        Assert.Equal("auto-replied", reply.Headers["Auto-Submitted"]);
        Assert.Empty(await SubmissionsAsync());
        Assert.Equal((MailboxState.Answered, Reporting.Core.Delivery.DeliveryResult.Sent), (await RecordAsync(mail)) is var r ? (r.State, r.Notice!.Value) : default);
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task An_attachment_that_is_not_a_spreadsheet_is_named_in_the_reply()
    {
        TestMail mail = TestMail.Authenticated().Attach("关于报送12月数据的说明.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await DeliverAsync(mail);

        await RunAsync();

        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.Contains("附件《关于报送12月数据的说明.docx》不是报表文件", Text(reply), StringComparison.Ordinal);
        Assert.Empty(await SubmissionsAsync());
    }

    [Fact]
    public async Task A_pdf_named_like_a_workbook_is_archived_and_rejected_saying_what_it_really_is()
    {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        TestMail mail = TestMail.Authenticated().Attach("安源区12月.xlsx", pdf);
        await DeliverAsync(mail);

        await RunAsync();

        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal(SubmissionResult.Rejected, submission.Status);
        Assert.Equal(RuleIds.FileUnsupportedType, Assert.Single(submission.ReadFindings()).RuleId);
        Assert.Equal(pdf, await Host.Stores.Store.ReadBytesAsync(submission.ArchivePath));
        Assert.Contains("PDF", Text(Assert.Single(RepliesTo(mail))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_is_not_opened_and_the_reply_asks_for_the_spreadsheet_itself()
    {
        TestMail mail = TestMail.Authenticated().Attach("安源区12月报表.zip", [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "application/zip");
        await DeliverAsync(mail);

        await RunAsync();

        MimeMessage reply = Assert.Single(RepliesTo(mail));
        Assert.Contains("附件《安源区12月报表.zip》是压缩包，系统不解压。请直接把报表文件作为附件发送", Text(reply), StringComparison.Ordinal);
        Assert.Empty(await SubmissionsAsync());
        Assert.Equal(AttachmentKind.Archive, Assert.Single((await RecordAsync(mail)).Attachments).Kind);
    }

    [Fact]
    public async Task A_30_MB_attachment_is_refused_from_its_size_before_it_is_downloaded()
    {
        var bytes = new byte[30 * 1024 * 1024];
        new Random(17).NextBytes(bytes);
        (string name, byte[] projects) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().Attach("安源区12月（含附图）.xlsx", bytes).Attach(name, projects);
        await DeliverAsync(mail);
        var imap = (ImapReportingMailbox)Host.Services.GetRequiredService<IReportingMailbox>();

        await RunAsync();

        // The whole message is over 40 MB on the server; the run read its header, its structure and the small workbook only.
        Assert.InRange(imap.BytesReceived, 1, 1024 * 1024);
        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal(name, submission.FileName);
        IReadOnlyList<MimeMessage> replies = RepliesTo(mail);
        Assert.Equal(2, replies.Count);
        MimeMessage notice = Assert.Single(replies, r => (r.Subject ?? string.Empty).Contains("【部分附件未受理】", StringComparison.Ordinal));
        Assert.Contains("附件《安源区12月（含附图）.xlsx》约 30.0 MB，超过 20 MB 的上限，未读取", Text(notice), StringComparison.Ordinal);
        Assert.Contains(replies, r => (r.Subject ?? string.Empty).Contains("【已受理】", StringComparison.Ordinal));
        Assert.Equal(AttachmentKind.TooLarge, (await RecordAsync(mail)).Attachments[0].Kind);
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated; owner-email=\"it@anyuan.example\"")]
    [InlineData("Precedence", "bulk")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("Return-Path", "<>")]
    public async Task An_automatic_message_from_an_unknown_sender_is_never_answered_nor_kept(string header, string value)
    {
        TestMail mail = new TestMail { From = "someone@qq.example", Subject = "自动回复：【已受理】安源区" }
            .WithAuthenticationResults(TestMail.Passed("someone@qq.example"))
            .WithHeader(header, value);
        await DeliverAsync(mail);

        await RunAsync();

        Assert.Empty(Smtp.Messages);
        Assert.Equal(MailboxState.Ignored, (await RecordAsync(mail)).State);
        Assert.Empty(await Mailbox.GetKeptAsync());
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task Mail_from_our_own_address_is_neither_ingested_nor_answered()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail ours = new TestMail { From = Account.UserName, Subject = "Re: 安源区2022年12月重大项目调度表 【已受理】" }
            .WithAuthenticationResults(TestMail.Passed(Account.UserName))
            .Attach(name, content);
        TestMail briefing = new TestMail { From = Host.Options.Delivery.From, Subject = "简报" }.WithHeader("Auto-Submitted", "auto-generated");
        await DeliverAsync(ours);
        await DeliverAsync(briefing);

        await RunAsync();

        Assert.Empty(Smtp.Messages);
        Assert.Empty(await SubmissionsAsync());
        Assert.Equal(MailboxState.Ignored, (await RecordAsync(ours)).State);
        Assert.Equal(MailboxState.Ignored, (await RecordAsync(briefing)).State);
    }

    [Fact]
    public async Task A_departments_automatic_export_is_ingested_but_not_answered()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().WithHeader("Auto-Submitted", "auto-generated").Attach(name, content);
        await DeliverAsync(mail);

        await RunAsync();

        Assert.Equal(SubmissionResult.Accepted, Assert.Single(await SubmissionsAsync()).Value.Status);
        Assert.Empty(Smtp.Messages);
        MailboxRecord record = await RecordAsync(mail);
        Assert.Equal(MailboxState.Answered, record.State);
        Assert.Contains("不回复", record.Note, StringComparison.Ordinal);
    }
}
