using System.Globalization;
using System.Text;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;

namespace Reporting.Core.Mailbox;

/// <summary>
/// The answer to a department's message as a whole, when its attachments alone do not answer it: nothing attached,
/// nothing that is a spreadsheet, a zip, a file too large. Each spreadsheet that was read gets its own receipt
/// (<see cref="ReceiptMail"/>); this says what happened to the rest and what to send instead.
/// </summary>
public static class MailboxNotice
{
    /// <summary>Whether the message needs this answer: no spreadsheet was read, or one was refused unread or packed.</summary>
    public static bool IsDue(IReadOnlyList<(IncomingAttachment Attachment, AttachmentKind Kind)> attachments)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        return !attachments.Any(a => a.Kind == AttachmentKind.Spreadsheet) || attachments.Any(a => a.Kind is AttachmentKind.Archive or AttachmentKind.TooLarge);
    }

    public static OutgoingMail Create(
        ReportingOptions options, string departmentName, IncomingMessage message, IReadOnlyList<(IncomingAttachment Attachment, AttachmentKind Kind)> attachments, string recipient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachments);
        string department = MailText.HeaderSafe(departmentName, 40);
        bool anyRead = attachments.Any(a => a.Kind == AttachmentKind.Spreadsheet);
        List<IncomingAttachment> others = [.. attachments.Where(a => a.Kind == AttachmentKind.Other).Select(a => a.Attachment)];
        List<IncomingAttachment> archives = [.. attachments.Where(a => a.Kind == AttachmentKind.Archive).Select(a => a.Attachment)];
        List<IncomingAttachment> tooLarge = [.. attachments.Where(a => a.Kind == AttachmentKind.TooLarge).Select(a => a.Attachment)];
        string limit = Megabytes(options.Ingestion.MaxUploadBytes);

        var body = new StringBuilder();
        body.Append($"{department}：\n\n");
        DateTimeOffset sent = ChinaTime.ToBeijing(MailPeriod.SentAt(message));
        body.Append($"您于{sent:yyyy年M月d日 HH:mm}（北京时间）发来的邮件《{MailText.HeaderSafe(message.Subject, 80)}》");
        if (anyRead)
        {
            body.Append("中的报表已另行回复受理结果；以下附件未受理：\n\n");
        }
        else if (others.Count + archives.Count + tooLarge.Count == 0)
        {
            body.Append("中没有附件，系统没有收到任何报表。\n\n");
        }
        else
        {
            body.Append("中没有可受理的报表，系统没有采用任何数据：\n\n");
        }

        int index = 1;
        foreach (IncomingAttachment archive in archives)
        {
            body.Append($"{index++}. 附件《{Name(archive)}》是压缩包，系统不解压。请直接把报表文件作为附件发送，不要压缩。\n");
        }

        foreach (IncomingAttachment large in tooLarge)
        {
            body.Append($"{index++}. 附件《{Name(large)}》约 {Megabytes(large.Size)} MB，超过 {limit} MB 的上限，未读取。请删除无关的工作表、图片后重新发送。\n");
        }

        if (!anyRead)
        {
            foreach (IncomingAttachment other in others)
            {
                body.Append($"{index++}. 附件《{Name(other)}》不是报表文件。\n");
            }
        }

        body.Append(index > 1 ? "\n" : string.Empty);
        body.Append("请把填好的报表（Excel 文件 .xlsx、.xls，或 .csv 文件）直接作为附件，回复本邮件即可。");
        body.Append("每个文件不超过 ").Append(limit).Append(" MB；一封邮件可以附多个报表。\n");
        body.Append("\n本邮件由系统自动回复。\n");
        body.Append(options.Briefing.Office).Append('\n');

        string subject = anyRead ? $"【部分附件未受理】{department}" : $"【未受理，请附上报表】{department}";
        return MailComposer.Create(options.Delivery, recipient, subject, body.ToString(), []);
    }

    private static string Name(IncomingAttachment attachment) =>
        MailText.FileNameSafe(attachment.FileName, "（无文件名）");

    private static string Megabytes(long bytes) =>
        (bytes / 1024m / 1024m).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
