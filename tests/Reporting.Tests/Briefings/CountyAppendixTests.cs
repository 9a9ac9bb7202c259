using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using UglyToad.PdfPig;

namespace Reporting.Tests.Briefings;

/// <summary>The one-page 本县区附页: the county's figures, rank and change, and its own lagging projects only.</summary>
public sealed class CountyAppendixTests
{
    private static readonly ReportingOptions s_options = PingxiangSample.Options();

    private static BriefingDocument Compose(IndicatorReport report, string county) =>
        CountyAppendix.Compose(report, county, s_options.Briefing, s_options, 12, PingxiangSample.IssueDate);

    private static string Text(BriefingDocument document) =>
        string.Concat(document.Sections.SelectMany(s => s.Blocks).OfType<Paragraph>().Select(p => p.PlainText));

    [Fact]
    public void States_the_county_figures_rank_and_how_they_moved_since_last_month()
    {
        BriefingDocument document = Compose(TwoMonths.NovemberToDecember(), "安源区");

        Assert.Equal("安源区2022年1-12月重大项目推进情况", document.Headline);
        Assert.Equal(CountyAppendix.Label, document.AppendixLabel);
        Assert.StartsWith(
            "2022年1-12月，安源区2项重大项目年度计划投资0.2亿元，累计完成投资0.22亿元，完成年计划投资的112.4%，快于序时进度12.4个百分点，较上月提高27.4个百分点；"
            + "完成率在全市2个县区中排第1位，排名上升1位。全市平均完成年计划投资的108.3%。",
            Text(document));
        Assert.Contains(new TextRun("112.4%", RunStyle.Figure), document.Sections[0].Blocks.OfType<Paragraph>().Single().Runs);
    }

    [Fact]
    public void Lists_its_own_lagging_projects_and_never_another_county_s()
    {
        IndicatorReport report = TwoMonths.NovemberToDecember();
        Assert.Contains(report.Lagging, p => p.County == "安源区");

        string anyuan = string.Concat(Compose(report, "安源区").Texts());
        string xiangdong = string.Concat(Compose(report, "湘东区").Texts());

        Assert.Contains("丙项目", anyuan);
        Assert.Contains("新增滞后项目1个，不再滞后项目1个", anyuan);
        Assert.DoesNotContain("丙项目", xiangdong);
        Assert.DoesNotContain("甲项目", xiangdong);
        Assert.Contains("本期湘东区无完成率慢于序时进度10个百分点以上的项目。", xiangdong);
    }

    [Fact]
    public void A_county_with_many_long_named_lagging_projects_still_fits_one_page_and_counts_the_rest()
    {
        IReadOnlyList<LaggingProject> many = PingxiangSample.ManyLagging(140)
            .Select(p => p with { Name = "萍乡市" + p.County + "某某产业园区基础设施配套及标准厂房建设项目" + p.Name, Issues = "征地拆迁未完成，资金未到位，设备到货延迟，环评批复延后，施工受汛期影响" })
            .ToArray();
        IndicatorReport report = TwoMonths.NovemberToDecember() with { Lagging = many, Comparison = null };
        using var stream = new MemoryStream();

        CountyAppendix.Render(report, "安源区", s_options.Briefing, s_options, 12, PingxiangSample.IssueDate, stream);

        using PdfDocument pdf = PdfDocument.Open(stream.ToArray());
        Assert.Equal(1, pdf.NumberOfPages);
        string text = PdfReadBack.AllText(pdf);
        Assert.Contains("详见附件《滞后项目清单》", text);
        Assert.Contains("上表列慢于序时进度最多的", text); // some of them are still named
        Assert.DoesNotContain("湘东区某某产业园区", text);
    }

    [Fact]
    public void A_county_without_data_gets_a_page_that_says_so()
    {
        string text = Text(Compose(TwoMonths.NovemberToDecember(), "莲花县"));

        Assert.Equal("2022年1-12月，本期未收到莲花县的重大项目调度数据。", text);
    }
}
