using Reporting.Cli;
using Reporting.Tests.Briefings;
using UglyToad.PdfPig;

namespace Reporting.Tests.Cli;

/// <summary>`reporting brief` end to end: the bundled sample workbooks are ingested for real, then the briefing is rendered and read back.</summary>
public sealed class BriefCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-brief-cli-" + Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_root, "store");

    private string Pdf => Path.Combine(_root, "briefings", "2022-12.pdf");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Renders_the_seed_briefing_from_the_ingested_sample_workbooks()
    {
        await CliRun.IngestSamplesAsync(Store);

        (int code, string output, _) = await CliRun.RunAsync("brief", "--period", "2022-12", "--store", Store, "--out", Pdf, "--date", "2023-01-06");

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("2022年第1期", output);
        using PdfDocument pdf = PdfDocument.Open(Pdf);
        string text = PdfReadBack.AllText(pdf);
        Assert.Contains("2022年1-12月，全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点；其中46个省重点项目完成年计划投资的138.7%，201个省大中型项目完成年计划投资的148.4%。", text);
        Assert.Contains("全市新签约招商项目185个，其中亿元以上项目133个，“5020”项目23个", text);
        Assert.Contains("电子信息产业工业增加值", text);
        Assert.Contains("同比增长24.7%，", text);
        Assert.Contains("比重达12.2%，较上年提高3.9个百分点。", text);
        Assert.Contains("锂电产业营业收入", text);
        Assert.Contains("同比增长307%", text);
        Assert.Contains("同比增长195%", text);
        Assert.Contains("亿元以上技改项目93个", text);
        Assert.Contains("制造业贷款余额147.18亿元，同比增长33.56%。", text);
        Assert.Contains("为企业减负32亿元", text);
        Assert.Contains("同比增长23.3%", text);
        Assert.Contains("5G基站2295个", text);
        Assert.Contains("本期应报送单位11个，均已按时报送。", text);
        foreach (string county in PingxiangSample.Counties)
        {
            Assert.Contains(county, text);
        }

        Assert.Equal("萍乡市重大项目推进办公室", pdf.Information.Author);
    }

    [Fact]
    public async Task Rendering_a_period_again_keeps_its_issue_number_and_replaces_the_file()
    {
        await CliRun.IngestSamplesAsync(Store);
        (int first, _, _) = await CliRun.RunAsync("brief", "--period", "2022-12", "--store", Store, "--out", Pdf, "--date", "2023-01-06");
        (int second, string output, _) = await CliRun.RunAsync("brief", "--period", "2022-12", "--store", Store, "--out", Pdf, "--date", "2023-01-07");

        Assert.Equal(CliApp.Ok, first);
        Assert.Equal(CliApp.Ok, second);
        Assert.Contains("2022年第1期", output);
        using PdfDocument pdf = PdfDocument.Open(Pdf);
        Assert.Contains("2023年1月7日", PdfReadBack.Compact(pdf.GetPage(1)));
        Assert.Equal([Path.GetFileName(Pdf)], Directory.GetFiles(Path.GetDirectoryName(Pdf)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_period_with_no_accepted_submissions_gets_no_briefing_and_uses_no_issue_number()
    {
        (int code, string output, string error) = await CliRun.RunAsync("brief", "--period", "2022-12", "--store", Store, "--out", Pdf);

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Empty(output);
        Assert.Contains("没有 2022-12 已接受的报表", error);
        Assert.False(File.Exists(Pdf));
        await CliRun.IngestSamplesAsync(Store);
        (int later, string laterOutput, _) = await CliRun.RunAsync("brief", "--period", "2022-12", "--store", Store, "--out", Pdf);
        Assert.Equal(CliApp.Ok, later);
        Assert.Contains("2022年第1期", laterOutput);
    }

    [Theory]
    [InlineData("--period 2022-13 --out x.pdf", "YYYY-MM")]
    [InlineData("--out x.pdf", "--period")]
    [InlineData("--period 2022-12", "reporting ingest")]
    [InlineData("--period 2022-12 --out x.pdf --date 2023/01/06", "YYYY-MM-DD")]
    public async Task Bad_arguments_exit_with_a_chinese_message(string arguments, string mentioned)
    {
        string[] args = ["brief", .. arguments.Split(' '), "--store", Store];

        (int code, string output, string error) = await CliRun.RunAsync(args);

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Empty(output);
        Assert.Contains(mentioned, error);
    }
}
