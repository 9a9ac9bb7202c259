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

    private string[] LeaderMails() =>
        Directory.GetFiles(Path.Combine(_out, "outbox"), "*.eml", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("application/pdf", StringComparison.Ordinal))
            .ToArray();

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
        Assert.Equal(3, mails.Length);
        foreach (string path in mails)
        {
            byte[] raw = await File.ReadAllBytesAsync(path);

            // On the wire every header is 7-bit: Chinese travels RFC 2047/2231-encoded, never as raw UTF-8.
            string headers = Encoding.Latin1.GetString(raw).Split("\r\n\r\n")[0];
            Assert.All(headers, c => Assert.True(c < 128, $"non-ASCII header byte {(int)c}"));

            using var stream = new MemoryStream(raw);
            MimeMessage message = await MimeMessage.LoadAsync(stream);
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第1期）", message.Subject);
            MimePart attachment = Assert.Single(message.Attachments.OfType<MimePart>());
            Assert.Equal("application/pdf", attachment.ContentType.MimeType);
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第1期）.pdf", attachment.FileName);
            using var pdfBytes = new MemoryStream();
            await attachment.Content!.DecodeToAsync(pdfBytes);
            using PdfDocument pdf = PdfDocument.Open(pdfBytes.ToArray());
            Assert.Contains("134.8%", PdfReadBack.AllText(pdf));
            Assert.Contains("134.8%", message.TextBody);
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
        Assert.Equal(3, LeaderMails().Length);
        Assert.Contains("此前已发送，未重复发送", output);
        Assert.DoesNotContain("：已发送", output);
    }

    [Fact]
    public void The_scheduled_run_is_the_fifth_at_half_past_eight_beijing_time() =>
        Assert.Equal(new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero), DemoCommand.ScheduledRun(new Reporting.Core.ReportingPeriod(2022, 12)).ToUniversalTime());
}
