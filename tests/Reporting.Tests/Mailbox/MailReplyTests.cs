using MimeKit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Mailbox;
using Reporting.Infrastructure.Mail;
using Reporting.Tests.Delivery;

namespace Reporting.Tests.Mailbox;

/// <summary>The mailbox's answers on the wire: threaded, marked automatic, Chinese, never to anyone but the sender.</summary>
public sealed class MailReplyTests
{
    private static readonly MailReply s_reply = new()
    {
        To = "clerk@anyuan.gov.cn",
        MessageId = "m3@anyuan.gov.cn",
        References = ["m1@anyuan.gov.cn", "m2@pingxiang.gov.cn"],
        OriginalSubject = "安源区2022年12月调度表",
        AnswerTo = "baosong@pingxiang.gov.cn",
    };

    private static ReceiptMailContent Accepted() => new()
    {
        DepartmentName = "安源区",
        FileName = "安源区12月.xlsx",
        Outcome = ReceiptOutcome.Accepted,
        ReceivedAt = new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero),
        Period = new ReportingPeriod(2022, 12),
        Kind = DatasetKind.Projects,
        RecordCount = 2,
        AnsweredByMail = true,
    };

    [Fact]
    public void A_receipt_sent_as_a_reply_is_threaded_marked_auto_replied_and_answers_to_the_mailbox()
    {
        MimeMessage message = MimeMessages.Create(s_reply.Apply(ReceiptMail.Create(BriefingMailTests.Options(), Accepted(), "someone@else.example")));

        Assert.Equal(["clerk@anyuan.gov.cn"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("m3@anyuan.gov.cn", message.InReplyTo);
        Assert.Equal(["m1@anyuan.gov.cn", "m2@pingxiang.gov.cn", "m3@anyuan.gov.cn"], message.References);
        Assert.Equal(["baosong@pingxiang.gov.cn"], message.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("Re: 安源区2022年12月调度表 【已受理】安源区 2022年1-12月重大项目调度表", message.Subject);
        Assert.Contains("如需更正，请直接回复本邮件并附上修改后的报表", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mail_that_is_not_a_reply_is_marked_auto_generated_and_asks_for_no_out_of_office_answer()
    {
        MimeMessage receipt = MimeMessages.Create(ReceiptMail.Create(BriefingMailTests.Options(), Accepted() with { AnsweredByMail = false }, "clerk@anyuan.gov.cn"));

        Assert.Equal("auto-generated", receipt.Headers["Auto-Submitted"]);
        Assert.Equal("All", receipt.Headers["X-Auto-Response-Suppress"]);
        Assert.Null(receipt.InReplyTo);
        Assert.Empty(receipt.References);
        Assert.Empty(receipt.ReplyTo);
        Assert.Contains("请勿直接回复", receipt.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("安源区12月报表", "Re: 安源区12月报表 【已受理】")]
    [InlineData("Re: 安源区12月报表", "Re: 安源区12月报表 【已受理】")]
    [InlineData("回复：安源区12月报表", "回复：安源区12月报表 【已受理】")]
    [InlineData("", "【已受理】")]
    [InlineData("安源区\r\nBcc: evil@example.com", "Re: 安源区 Bcc: evil@example.com 【已受理】")]
    public void The_subject_keeps_the_clerks_for_threading_clients_and_adds_ours(string original, string expected) =>
        Assert.Equal(expected, MailReply.Subject(original, "【已受理】"));

    [Fact]
    public void A_long_thread_keeps_its_first_message_and_the_latest()
    {
        List<string> references = [.. Enumerable.Range(1, 30).Select(i => $"m{i}@x.example")];

        IReadOnlyList<string> thread = MailReply.Thread(references, "m31@x.example");

        Assert.Equal(MailReply.MaxReferences, thread.Count);
        Assert.Equal("m1@x.example", thread[0]);
        Assert.Equal("m31@x.example", thread[^1]);
    }

    [Fact]
    public void An_id_a_mail_client_would_choke_on_is_left_out_of_the_thread_not_the_answer()
    {
        MailReply reply = s_reply with { MessageId = "bad id@x", References = ["ok@x.example", "<nested>@x"] };

        MimeMessage message = MimeMessages.Create(reply.Apply(ReceiptMail.Create(BriefingMailTests.Options(), Accepted(), "x@y.example")));

        Assert.Null(message.InReplyTo);
        Assert.Equal(["ok@x.example"], message.References);
    }

    [Fact]
    public void The_notice_for_a_message_without_spreadsheet_names_every_attachment_and_what_to_send()
    {
        ReportingOptions options = BriefingMailTests.Options();
        var message = new IncomingMessage { Handle = "1", Subject = "12月报表", ArrivedAt = new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero) };
        List<(IncomingAttachment, AttachmentKind)> attachments =
        [
            (new IncomingAttachment { Part = "2", FileName = "报表.zip" }, AttachmentKind.Archive),
            (new IncomingAttachment { Part = "3", FileName = "大表.xlsx", Size = 31_457_280 }, AttachmentKind.TooLarge),
            (new IncomingAttachment { Part = "4", FileName = "说明.docx" }, AttachmentKind.Other),
            (new IncomingAttachment { Part = "5", FileName = "image001.png", Inline = true }, AttachmentKind.Inline),
        ];

        MimeMessage notice = MimeMessages.Create(s_reply.Apply(MailboxNotice.Create(options, "安源区", message, attachments, "x@y.example")));

        Assert.True(MailboxNotice.IsDue(attachments));
        Assert.Equal("Re: 安源区2022年12月调度表 【未受理，请附上报表】安源区", notice.Subject);
        string body = notice.TextBody!;
        Assert.Contains("您于2023年1月2日 10:00（北京时间）发来的邮件《12月报表》中没有可受理的报表", body, StringComparison.Ordinal);
        Assert.Contains("1. 附件《报表.zip》是压缩包，系统不解压", body, StringComparison.Ordinal);
        Assert.Contains("2. 附件《大表.xlsx》约 30 MB，超过 20 MB 的上限，未读取", body, StringComparison.Ordinal);
        Assert.Contains("3. 附件《说明.docx》不是报表文件", body, StringComparison.Ordinal);
        Assert.DoesNotContain("image001", body, StringComparison.Ordinal);
        Assert.Equal("auto-replied", notice.Headers["Auto-Submitted"]);
    }

    [Fact]
    public void No_notice_is_due_when_every_attachment_that_matters_was_read()
    {
        Assert.False(MailboxNotice.IsDue([(new IncomingAttachment { Part = "2", FileName = "a.xlsx" }, AttachmentKind.Spreadsheet), (new IncomingAttachment { Part = "3", FileName = "说明.docx" }, AttachmentKind.Other)]));
        Assert.True(MailboxNotice.IsDue([]));
    }
}
