using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using UglyToad.PdfPig;

namespace Reporting.Tests.Briefings;

/// <summary>
/// A leader reads two to eight pages: at 100,000 projects (about half of them lagging) the briefing must stay
/// within twelve, naming only the projects furthest behind. Page count, not time (time is the benchmark's).
/// </summary>
public sealed class ScaleTests
{
    private static readonly Lazy<IndicatorReport> s_report = new(() => ScaleSample.Report(100_000));

    [Fact]
    public void With_100000_projects_the_briefing_has_at_most_twelve_pages()
    {
        IndicatorReport report = s_report.Value;
        Assert.True(report.Lagging.Count > 40_000, $"expected a long lagging list, got {report.Lagging.Count}");

        BriefingDocument document = PingxiangSample.Document(report);
        byte[] pdf = PdfReadBack.Render(document);

        using PdfDocument read = PdfDocument.Open(pdf);
        Assert.InRange(read.NumberOfPages, 2, 12);
        string text = PdfReadBack.AllText(read);
        Assert.Contains($"等{report.Lagging.Count - 20}个项目", text);
        Assert.Contains(report.Lagging[19].Name, text);
        Assert.DoesNotContain(report.Lagging[20].Name, text);
    }

    [Fact]
    public void The_county_appendix_stays_on_one_page_and_lists_only_its_county()
    {
        IndicatorReport report = s_report.Value;
        var options = PingxiangSample.Options();
        using var stream = new MemoryStream();

        CountyAppendix.Render(report, "莲花县", options.Briefing, options, 12, PingxiangSample.IssueDate, stream);

        using PdfDocument pdf = PdfDocument.Open(stream.ToArray());
        Assert.Equal(1, pdf.NumberOfPages);
        string text = PdfReadBack.AllText(pdf);
        Assert.Contains("莲花县2022年1-12月重大项目推进情况", text);
        Assert.Matches("莲花县(服务业)重点建设项目第[0-9]+号", text); // the county's own lagging projects are named
        foreach (string other in s_scaleCounties.Where(c => c != "莲花县"))
        {
            Assert.DoesNotMatch(other + "(工业|农业|服务业|重大基础设施|新型基础设施|公共服务|生态环保)重点建设项目", text);
        }
    }

    private static readonly string[] s_scaleCounties = ["安源区", "湘东区", "莲花县", "上栗县", "芦溪县", "萍乡经开区", "武功山风景名胜区"];
}
