using System.Text;
using MimeKit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Infrastructure.Mail;

namespace Reporting.Tests.Delivery;

public sealed class BriefingMailTests
{
    private static readonly byte[] s_pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%fake but bytes are bytes\n%%EOF\n");

    internal static ReportingOptions Options() => new()
    {
        City = "萍乡市",
        Delivery = new DeliveryOptions { From = "briefing@pingxiang.example", FromName = "萍乡市重大项目推进办公室" },
    };

    private static MimeMessage Create() => MimeMessages.Create(BriefingMail.Create(
        Options(),
        new BriefingMailContent
        {
            Period = new ReportingPeriod(2022, 12),
            IssueNumber = 12,
            Headlines =
            [
                "全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点。",
                "新签约项目185个，其中亿元以上项目133个，\"5020\"项目23个。",
            ],
            Pdf = s_pdf,
            IssuedOn = new DateOnly(2023, 1, 5),
        },
        "shuji@pingxiang.example"));

    [Fact]
    public void Subject_names_the_city_the_title_the_year_and_the_issue()
    {
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）", Create().Subject);
    }

    [Fact]
    public void Body_is_plain_text_stating_every_headline_figure()
    {
        MimeMessage message = Create();

        string body = message.TextBody!;
        Assert.Contains("134.8%", body, StringComparison.Ordinal);
        Assert.Contains("快于序时进度34.8个百分点", body, StringComparison.Ordinal);
        Assert.Contains("亿元以上项目133个", body, StringComparison.Ordinal);
        Assert.Contains("2022年1-12月", body, StringComparison.Ordinal);
        Assert.Contains("2023年1月5日", body, StringComparison.Ordinal);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void Attaches_the_pdf_under_a_chinese_file_name_and_from_the_configured_sender()
    {
        MimeMessage message = Create();

        MimePart pdf = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var content = new MemoryStream();
        pdf.Content!.DecodeTo(content);
        Assert.Equal(s_pdf, content.ToArray());
        MailboxAddress from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("萍乡市重大项目推进办公室", "briefing@pingxiang.example"), (from.Name, from.Address));
        Assert.Equal("shuji@pingxiang.example", Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public void Headers_go_out_as_ascii_with_rfc2047_subject_and_both_file_name_encodings()
    {
        byte[] raw = ToBytes(Create());
        string text = Encoding.UTF8.GetString(raw);

        Assert.All(raw, b => Assert.True(b < 0x80, "every byte of the message is 7-bit"));
        Assert.Matches(@"(?m)^Subject: =\?utf-8\?b\?", text);
        Assert.Matches(@"name=""=\?utf-8\?b\?[^""]+\?=""", text);
        // RFC 2231 with continuations (filename*0*=…; filename*1*=…) for a long Chinese name.
        Assert.Contains("filename*0*=utf-8''%E8%90%8D%E4%B9%A1", text, StringComparison.Ordinal);

        MimeMessage parsed = MimeMessage.Load(new MemoryStream(raw));
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）", parsed.Subject);
        MimePart pdf = Assert.Single(parsed.Attachments.OfType<MimePart>());
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）.pdf", pdf.FileName);
        Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）.pdf", pdf.ContentType.Name);
        Assert.Contains("134.8%", parsed.TextBody!, StringComparison.Ordinal);
    }

    internal static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }
}
