using ClosedXML.Excel;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// 经济运行指标表 columns and rows that looked like one figure and were another: a change in share taken for last
/// year's share, a growth typed as a fraction, a unit in the name, last year's months, a rate's "growth".
/// </summary>
public sealed class MetricMisreadTests : IDisposable
{
    private readonly RealWorldPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    private static MemoryStream Metrics(string note, string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("指标")
            .Put(1, "2022年1-12月工业经济运行主要指标")
            .Put(2, note)
            .Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    [Fact]
    public void Reads_a_change_in_share_as_the_change_and_last_years_share_from_it()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月", "上年同期", "同比增长（%）", "占规上工业比重（%）", "比重比上年提高（个百分点）"],
            ["电子信息产业工业增加值", "亿元", 124.7, 100, 24.7, 12.2, 3.9]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((12.2m, 8.3m), (metric.Share!.Value, metric.SharePrior!.Value));
    }

    [Fact]
    public void Refuses_a_growth_typed_as_a_fraction_that_the_levels_contradict()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "本期值", "上年同期", "同比增长"],
            ["电子信息产业工业增加值", "亿元", 124.7, 100, 0.247],
            ["工业用电量", "亿千瓦时", 96.8, 100, -3.2]);

        Finding error = RealWorld.Read(file, department: "gxj").OnlyError();

        Assert.Equal((RuleIds.PercentAsFraction, "E4", "0.247"), (error.RuleId, error.Cell!, error.Value!));
        Assert.Equal("工作表“指标”E4单元格（同比增长）的值“0.247”像是小数而不是百分数：按本期值和上年同期值算，同比增长为24.7%。请填写百分数（如 24.7 或 24.7%）。", error.Message);
    }

    [Fact]
    public void Takes_a_unit_written_in_the_metric_name_over_the_sheet_note_and_drops_list_numbering()
    {
        using MemoryStream file = Metrics(
            "单位：亿元、%",
            ["序号", "指标名称", "1-12月", "同比增长"],
            [1, "1.电子信息产业工业增加值", 124.7, 24.7],
            [2, "（2）亿元以上技改项目数（个）", 93, 12],
            [3, "制造业贷款余额（亿元）", 147.18, 33.56],
            [4, "5G基站数（个）", 2295, null]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(
            [("电子信息产业工业增加值", "万元", 1247000m), ("亿元以上技改项目数", "个", 93m), ("制造业贷款余额", "万元", 1471800m), ("5G基站数", "个", 2295m)],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value)));
    }

    [Fact]
    public void Takes_the_same_months_of_last_year_as_last_years_figure()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "2022年1-12月", "2021年1-12月"],
            ["电子信息产业工业增加值", 124.7, 100]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((1247000m, 1000000m), (metric.Value!.Value, metric.Prior!.Value));
    }

    [Fact]
    public async Task Gives_no_percentage_growth_for_a_rate_whose_change_is_in_points()
    {
        using MemoryStream file = Metrics(
            "时间：2022年1-12月",
            ["指标名称", "单位", "本期值", "上年同期"],
            ["规上工业增加值增速", "%", 8.5, 7.9],
            ["工业用电量", "亿千瓦时", 96.8, 100]);

        await _pipeline.Upload("gxj", "工信局.xlsx", file);
        IndicatorReport report = await _pipeline.Indicators(RealWorld.December2022);

        Assert.Equal([("规上工业增加值增速", (decimal?)null), ("工业用电量", -3.2m)], report.Metrics.Select(m => (m.Name, m.YoyPct)));
    }
}
