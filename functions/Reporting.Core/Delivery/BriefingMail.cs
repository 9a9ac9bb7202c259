using System.Text;
using Reporting.Core.Configuration;

namespace Reporting.Core.Delivery;

/// <summary>What the briefing e-mail says: the issue, the headline figures as finished sentences, and the PDF.</summary>
public sealed record BriefingMailContent
{
    public required ReportingPeriod Period { get; init; }

    /// <summary>第N期, numbered per year.</summary>
    public required int IssueNumber { get; init; }

    /// <summary>The year the issue is numbered in; the period's year when not given.</summary>
    public int? IssueYear { get; init; }

    /// <summary>Headline figures as display-ready Chinese sentences (already rounded by Indicators/Display).</summary>
    public required IReadOnlyList<string> Headlines { get; init; }

    /// <summary>The rendered briefing.</summary>
    public required ReadOnlyMemory<byte> Pdf { get; init; }

    /// <summary>The date printed under the signature (Beijing date); none prints no date.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>For a corrected issue (更正): the number of the issue it corrects.</summary>
    public int? Corrects { get; init; }

    /// <summary>What every leader receives besides the PDF (滞后项目清单.xlsx).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Per county (as configured): that county's one-page appendix, attached only for the leaders tagged with it.</summary>
    public IReadOnlyDictionary<string, MailAttachment> CountyAppendices { get; init; } = new Dictionary<string, MailAttachment>();
}

/// <summary>The briefing e-mail to one leader, e.g. subject 萍乡市重大项目推进情况简报（2022年第12期）.</summary>
public static class BriefingMail
{
    public static string Subject(ReportingOptions options, ReportingPeriod period, int issueNumber, int? issueYear = null, int? corrects = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string subject = $"{options.City}{options.Briefing.Title}（{issueYear ?? period.Year}年第{issueNumber}期）";
        return corrects is { } corrected ? $"{subject}【更正第{corrected}期】" : subject;
    }

    /// <summary>The PDF's file name: the subject, so a corrected issue's file says 更正 too.</summary>
    public static string AttachmentName(ReportingOptions options, ReportingPeriod period, int issueNumber, int? issueYear = null, int? corrects = null) =>
        MailText.FileNameSafe(Subject(options, period, issueNumber, issueYear, corrects), "briefing") + ".pdf";

    /// <param name="county">The county the recipient is tagged with, if any: their mail also carries that county's appendix.</param>
    public static OutgoingMail Create(ReportingOptions options, BriefingMailContent content, string recipient, string? county = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        string subject = Subject(options, content.Period, content.IssueNumber, content.IssueYear, content.Corrects);

        var body = new StringBuilder();
        body.Append("各位领导：\n\n");
        body.Append($"现将《{options.City}{options.Briefing.Title}》{content.IssueYear ?? content.Period.Year}年第{content.IssueNumber}期"
            + $"（{content.Period.ToChineseCumulative()}）呈送，请审阅。\n\n");
        if (content.Corrects is { } corrected)
        {
            body.Append($"本期为第{corrected}期的更正版：数据来源单位在签发后更正了报表，请以本期为准。\n\n");
        }

        if (content.Headlines.Count > 0)
        {
            body.Append("主要数据：\n");
            foreach (string line in content.Headlines)
            {
                body.Append("  · ").Append(line.Trim()).Append('\n');
            }

            body.Append('\n');
        }

        body.Append("简报全文见附件（PDF）");
        if (content.Attachments.Count > 0)
        {
            body.Append('，').Append(string.Join("、", content.Attachments.Select(a => "《" + a.FileName + "》"))).Append("列出全部明细，可筛选");
        }

        if (county is not null && content.CountyAppendices.ContainsKey(county))
        {
            body.Append("；另附").Append(county).Append("附页");
        }

        body.Append("。以上数据来自各部门报送的调度表，非官方统计数据。\n");
        body.Append("本邮件由系统自动发送，如需退订或更正收件人，请联系").Append(options.Briefing.Office).Append("。\n\n");
        body.Append(options.Briefing.Office).Append('\n');
        if (content.IssuedOn is { } date)
        {
            body.Append($"{date.Year}年{date.Month}月{date.Day}日\n");
        }

        var pdf = new MailAttachment(AttachmentName(options, content.Period, content.IssueNumber, content.IssueYear, content.Corrects), "application", "pdf", content.Pdf);
        List<MailAttachment> attachments = [pdf, .. content.Attachments];
        if (county is not null && content.CountyAppendices.TryGetValue(county, out MailAttachment? appendix))
        {
            attachments.Add(appendix);
        }

        return MailComposer.Create(options.Delivery, recipient, subject, body.ToString(), attachments);
    }
}
