using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using Reporting.SampleData;
using Xunit.Abstractions;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The seed's published figures (萍乡日报 2023-01-31) from the bundled 2022-12 sample data, each
/// asserted through <see cref="Display"/> exactly as printed. This variant computes from the
/// datasets the generator says ingestion must produce; <c>SampleIngestionGoldenTests</c> reads the
/// workbooks themselves.
/// </summary>
public sealed class SampleFiguresTests(ITestOutputHelper output)
{
    [Fact]
    public void The_generated_datasets_give_every_published_figure()
    {
        IndicatorReport report = IndicatorEngine.Compute(SampleSet.Period, SampleSet.Default.Datasets(), new IndicatorOptions());
        output.WriteLine(IndicatorTextReport.Render(report));

        SeedFigures.AssertAll(report);
    }
}

/// <summary>Every figure of the seed article, as the briefing prints it.</summary>
internal static class SeedFigures
{
    public static void AssertAll(IndicatorReport report)
    {
        // 七大领域380项重大项目完成年计划投资的134.8%
        Assert.Equal("380", Display.Count(report.Overall.Count));
        Assert.Equal(7, report.ByField.Count);
        Assert.Equal("134.8%", Display.Percent(report.Overall.CompletionPct));
        Assert.Equal("快于", Display.AheadOrBehind(report.Overall.ScheduleGapPp!.Value));
        Assert.Equal("34.8个百分点", Display.PointsMagnitude(report.Overall.ScheduleGapPp));

        // 46个省重点项目完成年计划投资的138.7%，201个省大中型项目完成年计划投资的148.4%
        GroupProgress provincial = report.ByLevel.Single(g => g.Key == ProjectLevels.Provincial);
        Assert.Equal("46", Display.Count(provincial.Figures.Count));
        Assert.Equal("138.7%", Display.Percent(provincial.Figures.CompletionPct));
        GroupProgress large = report.ByLevel.Single(g => g.Key == ProjectLevels.ProvincialLargeMedium);
        Assert.Equal("201", Display.Count(large.Figures.Count));
        Assert.Equal("148.4%", Display.Percent(large.Figures.CompletionPct));

        // 新签约招商项目185个，其中亿元以上项目133个，“5020”项目23个
        SigningSummary signings = report.Signings!;
        Assert.Equal("185", Display.Count(signings.Count));
        Assert.Equal("133", Display.Count(signings.Over100mCount));
        Assert.Equal("23", Display.Count(signings.P5020Count));

        // 电子信息产业工业增加值同比增长24.7%，占规上工业比重达12.2%，较2021年底提高3.9个百分点
        MetricIndicator electronics = Metric(report, "电子信息产业工业增加值");
        Assert.Equal("24.7%", Display.Growth(electronics.YoyPct, electronics.YoyIsReported));
        Assert.Equal("12.2%", Display.Percent(electronics.SharePct));
        Assert.Equal("提高", Display.RiseOrFall(electronics.ShareChangePp!.Value));
        Assert.Equal("3.9个百分点", Display.PointsMagnitude(electronics.ShareChangePp));

        // 锂电产业营业收入同比增长307%，实现利润同比增长195%
        MetricIndicator revenue = Metric(report, "锂电产业营业收入");
        Assert.Equal("307%", Display.Growth(revenue.YoyPct, revenue.YoyIsReported));
        MetricIndicator profit = Metric(report, "锂电产业利润");
        Assert.Equal("195%", Display.Growth(profit.YoyPct, profit.YoyIsReported));

        // 实施亿元以上技改项目93个
        MetricIndicator upgrades = Metric(report, "亿元以上技改项目数");
        Assert.Equal("93个", Display.MetricValue(upgrades.Value, upgrades.Unit));

        // 制造业贷款余额147.18亿元，同比增长33.56%
        MetricIndicator loans = Metric(report, "制造业贷款余额");
        Assert.Equal("147.18亿元", Display.MetricValue(loans.Value, loans.Unit));
        Assert.Equal("33.56%", Display.Growth(loans.YoyPct, loans.YoyIsReported));

        // 共计为企业减负32亿元
        MetricIndicator relief = Metric(report, "为企业减负金额");
        Assert.Equal("32亿元", Display.MetricValue(relief.Value, relief.Unit));

        // 市场主体户数同比增长23.3%
        MetricIndicator entities = Metric(report, "市场主体户数");
        Assert.Equal("23.3%", Display.Growth(entities.YoyPct, entities.YoyIsReported));

        // 建成5G基站2295个
        MetricIndicator stations = Metric(report, "5G基站数");
        Assert.Equal("2295个", Display.MetricValue(stations.Value, stations.Unit));
    }

    private static MetricIndicator Metric(IndicatorReport report, string name) => Assert.Single(report.Metrics, m => m.Name == name);
}
