using System.CommandLine;
using System.Text;
using MimeKit;
using Reporting.Cli;
using Reporting.Cli.Commands;
using Reporting.Tests.Briefings;
using UglyToad.PdfPig;

namespace Reporting.Tests.Cli;

/// <summary>`reporting demo` end to end on the bundled samples: the same command a new user runs first.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "reporting-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<(int Code, string Output, string Error)> RunDemoAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.CreateRootCommand().Parse(["demo", "--out", _out]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    // The reviewer's draft notice also carries a PDF; leaders' mails are the briefing's.
    private string[] LeaderMails() =>
        Directory.GetFiles(Path.Combine(_out, "outbox"), "*.eml", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("application/pdf", StringComparison.Ordinal) && !path.Contains("shenhe@", StringComparison.Ordinal))
            .ToArray();

    private string[] ReviewerMails() => Directory.GetFiles(Path.Combine(_out, "outbox", "shenhe@tuijinban.pingxiang.example"), "*.eml");

    [Fact]
    public async Task Renders_the_briefing_with_the_seed_headline_into_the_store()
    {
        (int code, string output, string error) = await RunDemoAsync();

        Assert.True(code == CliApp.Ok, output + error);
        string pdfPath = Path.Combine(_out, "briefings", "2022-12", "1.pdf");
        Assert.Contains(pdfPath, output);
        using PdfDocument pdf = PdfDocument.Open(pdfPath);
        string text = PdfReadBack.AllText(pdf);
        Assert.Contains("380项重大项目完成年计划投资的134.8%", text);
        Assert.Contains("2023年1月5日", text);
    }

    [Fact]
    public async Task Writes_one_mail_per_leader_with_a_chinese_pdf_attachment_correctly_encoded()
    {
        (int code, _, _) = await RunDemoAsync();
        Assert.Equal(CliApp.Ok, code);

        string[] mails = LeaderMails();
        Assert.Equal(4, mails.Length);
        foreach (string path in mails)
        {
            byte[] raw = await File.ReadAllBytesAsync(path);

            // On the wire every header is 7-bit: Chinese travels RFC 2047/2231-encoded, never as raw UTF-8.
            string headers = Encoding.Latin1.GetString(raw).Split("\r\n\r\n")[0];
            Assert.All(headers, c => Assert.True(c < 128, $"non-ASCII header byte {(int)c}"));

            using var stream = new MemoryStream(raw);
            MimeMessage message = await MimeMessage.LoadAsync(stream);
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第1期）", message.Subject);
            List<MimePart> attachments = [.. message.Attachments.OfType<MimePart>()];
            MimePart attachment = attachments[0];
            Assert.Equal("application/pdf", attachment.ContentType.MimeType);
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第1期）.pdf", attachment.FileName);

            // Every leader also gets the full lagging list; the 安源区 leader alone gets the county's appendix.
            Assert.Equal("滞后项目清单.xlsx", attachments[1].FileName);
            bool county = path.Contains("anyuan-quzhang@", StringComparison.Ordinal);
            Assert.Equal(county ? 3 : 2, attachments.Count);
            if (county)
            {
                Assert.Equal("安源区附页.pdf", attachments[2].FileName);
            }
            using var pdfBytes = new MemoryStream();
            await attachment.Content!.DecodeToAsync(pdfBytes);
            using PdfDocument pdf = PdfDocument.Open(pdfBytes.ToArray());
            Assert.Contains("134.8%", PdfReadBack.AllText(pdf));
            Assert.Contains("134.8%", message.TextBody);
        }
    }

    [Fact]
    public async Task Drafts_the_briefing_for_the_reviewers_then_signs_it_before_any_leader_receives_it()
    {
        (int code, string output, string error) = await RunDemoAsync();

        Assert.True(code == CliApp.Ok, output + error);
        MimeMessage notice = await MimeMessage.LoadAsync(Assert.Single(ReviewerMails()));
        Assert.Equal("【待审核】萍乡市重大项目推进情况简报（2022年第1期）草稿第1版", notice.Subject);
        Assert.Contains("/portal/office/briefings/2022-12/1/review", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("签发草稿第1版", output, StringComparison.Ordinal);

        // What was signed is what every leader got: the draft's bytes, the issued copy's and the attachment's are one.
        byte[] draft = await File.ReadAllBytesAsync(Path.Combine(_out, "briefings", "2022-12", "drafts", "1-v1.pdf"));
        byte[] issued = await File.ReadAllBytesAsync(Path.Combine(_out, "briefings", "2022-12", "1.pdf"));
        Assert.Equal(draft, issued);
        foreach (string path in LeaderMails())
        {
            MimeMessage message = await MimeMessage.LoadAsync(path);
            using var mailed = new MemoryStream();
            await message.Attachments.OfType<MimePart>().First().Content!.DecodeToAsync(mailed);
            Assert.Equal(issued, mailed.ToArray());
        }
    }

    [Fact]
    public async Task Running_the_demo_twice_imports_and_sends_nothing_again()
    {
        (int first, _, _) = await RunDemoAsync();
        int filesAfterFirst = Directory.GetFiles(_out, "*", SearchOption.AllDirectories).Length;

        (int second, string output, _) = await RunDemoAsync();

        Assert.Equal((CliApp.Ok, CliApp.Ok), (first, second));
        Assert.Equal(filesAfterFirst, Directory.GetFiles(_out, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(4, LeaderMails().Length);
        Assert.Single(ReviewerMails());
        Assert.Contains("此前已发送，未重复发送", output);
        Assert.DoesNotContain("：已发送", output);
    }

    [Fact]
    public async Task Ingests_the_whole_year_and_reads_december_against_november_keeping_every_seed_figure()
    {
        (int code, string output, string error) = await RunDemoAsync();

        Assert.True(code == CliApp.Ok, output + error);
        Assert.Contains("1. 接收 135 份部门报送（2022年1月至12月", output);
        Assert.Contains("2022年1-11月：11份报送，11份已接收", output);
        Assert.DoesNotContain("条提示", output.Split("2. ")[0]); // no month's figure fell below the month before
        using PdfDocument pdf = PdfDocument.Open(Path.Combine(_out, "briefings", "2022-12", "1.pdf"));
        string text = PdfReadBack.AllText(pdf);

        // The seed's figures, as published.
        foreach (string figure in new[]
        {
            "七大领域380项重大项目完成年计划投资的134.8%", "46个省重点项目完成年计划投资的138.7%", "201个省大中型项目完成年计划投资的148.4%",
            "新签约招商项目185个", "亿元以上项目133个", "“5020”项目23个", "同比增长24.7%", "比重达12.2%", "提高3.9个百分点", "同比增长307%",
            "同比增长195%", "技改项目93个", "147.18亿元", "同比增长33.56%", "减负32亿元", "同比增长23.3%", "5G基站2295个",
        })
        {
            Assert.Contains(figure, text);
        }

        // 环比 in the office's register, and the year's trend.
        Assert.Matches("快于序时进度34.8个百分点，较上月提高[0-9.]+个百分点", text);
        Assert.Contains("其中12月完成投资", text);
        Assert.Contains("图1全市重大项目累计完成年计划投资比例与序时进度（2022年1-12月）", text);
        Assert.Contains("与上月相比", text);
        Assert.InRange(pdf.NumberOfPages, 2, 8);

        // Every page's text sits inside the page's text block (footer included), nothing cut off at an edge.
        foreach (UglyToad.PdfPig.Content.Page page in pdf.GetPages())
        {
            Assert.NotEmpty(page.Letters);
            Assert.All(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)), letter =>
            {
                Assert.InRange(letter.StartBaseLine.X, PdfReadBack.TextLeft - 1, PdfReadBack.TextRight + 1);
                Assert.InRange(letter.StartBaseLine.Y, PdfReadBack.TextBottom - 40, PdfReadBack.TextTop + 60);
            });
        }
    }

    [Fact]
    public void The_scheduled_run_is_the_fifth_at_half_past_eight_beijing_time() =>
        Assert.Equal(new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero), DemoCommand.ScheduledRun(new Reporting.Core.ReportingPeriod(2022, 12)).ToUniversalTime());
}
