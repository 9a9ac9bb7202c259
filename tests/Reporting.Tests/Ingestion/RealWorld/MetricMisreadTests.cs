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

    // 增减 is the change, in the figure's unit; 增长/增速/增幅 the rate. Last year's figure follows from the change.
    [Fact]
    public void Reads_a_change_on_last_year_as_the_change_and_derives_last_years_figure()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "比上年同期增减"],
            ["电子信息产业工业增加值", "亿元", 80.5, 15.9],
            ["亿元以上技改项目数", "个", 45, -3]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(
            [("电子信息产业工业增加值", 805000m, (decimal?)646000m, (decimal?)null), ("亿元以上技改项目数", 45m, 48m, null)],
            outcome.Metrics.Select(m => (m.Name, m.Value!.Value, m.Prior, m.YoyReported)));
    }

    [Fact]
    public void Takes_the_percent_column_as_growth_when_a_change_in_yi_stands_left_of_it()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "同比增减（亿元）", "同比增长（%）"],
            ["电子信息产业工业增加值", "亿元", 80.5, 15.9, 24.7],
            ["锂电产业营业收入", "亿元", 310.6, 80.9, 35.2]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(
            [(805000m, (decimal?)646000m, (decimal?)24.7m), (3106000m, 2297000m, 35.2m)],
            outcome.Metrics.Select(m => (m.Value!.Value, m.Prior, m.YoyReported)));
    }

    [Fact]
    public void Never_reads_a_change_in_the_balance_as_its_growth_rate()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "期末余额", "比年初增减", "同比增减"],
            ["制造业贷款余额", "亿元", 147.18, 19.4, 19.4]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((1471800m, (decimal?)1277800m, (decimal?)null), (metric.Value!.Value, metric.Prior, metric.YoyReported));
    }

    [Fact]
    public void Reads_a_change_headed_in_percent_as_the_growth()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "同比增减（%）"],
            ["锂电产业营业收入", "亿元", 310.6, -5.2]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal(((decimal?)null, (decimal?)-5.2m), (metric.Prior, metric.YoyReported));
    }

    [Theory]
    [InlineData("上年同期增速（%）")]
    [InlineData("去年同期增长（%）")]
    public void Does_not_take_last_years_growth_for_this_years_when_it_stands_first(string lastYears)
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", lastYears, "比上年同期增长（%）"],
            ["电子信息产业工业增加值", "亿元", 80.5, 18.2, 24.7],
            ["锂电产业营业收入", "亿元", 310.6, 40.1, 35.2]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal([24.7m, 35.2m], outcome.Metrics.Select(m => m.YoyReported!.Value));
    }

    [Fact]
    public void Refuses_two_metric_tables_side_by_side_naming_both_name_columns()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "同比增长（%）", "指标名称", "单位", "1-12月累计", "同比增长（%）"],
            ["电子信息产业工业增加值", "亿元", 80.5, 24.7, "锂电产业营业收入", "亿元", 310.6, 35.2],
            ["锂电产业利润", "亿元", 20.1, 12.0, "亿元以上技改项目数", "个", 45, -6.3]);

        Finding error = RealWorld.Read(file, department: "gxj").OnlyError();

        Assert.Equal(RuleIds.HeaderSideBySide, error.RuleId);
        Assert.Equal(
            "工作表“指标”第3行有左右并排的两张表（A列和E列都是“指标名称”），右边一张无法按列读取。请把E列起的各行移到左边一张表的下方（每行一个指标），删除右边的列后重新上传。",
            error.Message);
    }

    [Fact]
    public void Reads_a_single_table_whose_name_header_is_repeated_at_its_far_right()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "同比增长（%）", "指标名称"],
            ["电子信息产业工业增加值", "亿元", 80.5, 24.7, "电子信息产业工业增加值"]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((805000m, (decimal?)24.7m), (metric.Value!.Value, metric.YoyReported));
    }

    [Fact]
    public void Reads_an_end_of_period_stock_column_and_a_last_year_and_this_year_pair()
    {
        using MemoryStream stock = Metrics(
            "单位：户",
            ["指标名称", "单位", "期末实有", "上年同期", "同比增长（%）"],
            ["市场主体户数", "户", 123000, 115000, 7.0]);
        using MemoryStream pair = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "上年", "本年", "增长（%）"],
            ["电子信息产业工业增加值", "亿元", 64.6, 80.5, 24.7]);

        MetricRecord entities = RealWorld.Read(stock, department: "scjgj").Clean().Metrics.Single();
        MetricRecord electronics = RealWorld.Read(pair, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((123000m, (decimal?)115000m), (entities.Value!.Value, entities.Prior));
        Assert.Equal((805000m, (decimal?)646000m, (decimal?)24.7m), (electronics.Value!.Value, electronics.Prior, electronics.YoyReported));
    }

    [Fact]
    public void Drops_a_note_mark_from_a_metric_name_so_its_identity_and_the_briefing_stay_clean()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", "同比增长（%）"],
            ["电子信息产业工业增加值*", "亿元", 80.5, 24.7],
            ["锂电产业营业收入（注1）", "亿元", 310.6, 35.2],
            ["锂电产业利润※", "亿元", 20.1, 12.0]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(["电子信息产业工业增加值", "锂电产业营业收入", "锂电产业利润"], outcome.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void Reads_a_points_change_beside_a_share_as_the_change_in_share()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "期末余额", "同比增长（%）", "占各项贷款比重（%）", "比上年提高（个百分点）"],
            ["制造业贷款余额", "亿元", 147.18, 15.2, 10.5, 1.2]);

        MetricRecord metric = RealWorld.Read(file, department: "jrb").Clean().Metrics.Single();

        Assert.Equal((15.2m, 10.5m, 9.3m), (metric.YoyReported!.Value, metric.Share!.Value, metric.SharePrior!.Value));
    }

    // The 单位 column says 亿元, the header 本期值（万元）: the 亿元 was applied to 万元 figures (80.5万亿), without a word.
    [Fact]
    public void Refuses_a_row_unit_that_contradicts_the_unit_in_the_value_header()
    {
        using MemoryStream file = Metrics(
            "",
            ["指标名称", "单位", "本期值（万元）", "上年同期（万元）", "同比增长（%）"],
            ["电子信息产业工业增加值", "亿元", 805000, 646000, 24.6]);

        Finding error = RealWorld.Read(file, department: "gxj").OnlyError();

        Assert.Equal((RuleIds.UnitAmbiguous, "B4"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“指标”B4单元格（单位）的值“亿元”是亿元，但“本期值（万元）”列写明单位为万元，无法确定本行数字的单位。请只保留一种写法（改单位列或改表头）后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_value_ten_thousand_times_its_prior_beside_an_ordinary_reported_growth()
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "本期值", "上年同期", "同比增长（%）"],
            ["电子信息产业工业增加值", "亿元", 805000, 64.6, 24.6],
            ["锂电产业营业收入", "亿元", 310.6, 229.7, 35.2]);

        Finding error = RealWorld.Read(file, department: "gxj").OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "C4"), (error.RuleId, error.Cell!));
        Assert.StartsWith("工作表“指标”C4单元格（本期值）的值“805000”是上年同期值的12461倍，与填报的同比增长24.6%不符", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("比上年同期±（%）")]
    [InlineData("比增（%）")]
    [InlineData("增减幅度（%）")]
    public void Reads_the_growth_under_the_provinces_wordings(string growth)
    {
        using MemoryStream file = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "1-12月累计", growth],
            ["电子信息产业工业增加值", "亿元", 80.5, 24.7],
            ["锂电产业利润", "亿元", 20.1, -8.3]);

        Assert.Equal([24.7m, -8.3m], RealWorld.Read(file, department: "gxj").Clean().Metrics.Select(m => m.YoyReported!.Value));
    }

    [Fact]
    public void Checks_a_period_opening_a_metric_name_against_the_reports_and_drops_it_from_the_name()
    {
        using MemoryStream november = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "本期值", "同比增长（%）"],
            ["1-11月电子信息产业工业增加值", "亿元", 73.2, 23.9]);
        using MemoryStream december = Metrics(
            "单位：亿元",
            ["指标名称", "单位", "本期值", "同比增长（%）"],
            ["1-12月电子信息产业工业增加值", "亿元", 80.5, 24.7]);

        Finding conflict = RealWorld.Read(november, department: "gxj", period: RealWorld.December2022).OnlyError();
        MetricRecord metric = RealWorld.Read(december, department: "gxj", period: RealWorld.December2022).Clean().Metrics.Single();

        Assert.Equal(RuleIds.PeriodConflict, conflict.RuleId);
        Assert.Contains("A4单元格“1-11月电子信息产业工业增加值”写的是11月", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(("电子信息产业工业增加值", 805000m), (metric.Name, metric.Value!.Value));
    }

    // Counties down the rows and one indicator across: refused as missing 指标名称/本期值, with no way forward.
    [Fact]
    public void Refuses_an_indicator_laid_out_by_county_saying_how_to_lay_it_out()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("市场主体")
            .Put(1, "2022年12月末各县区市场主体发展情况")
            .Put(2, "县区", "市场主体户数（户）", "上年同期（户）", "同比增长（%）")
            .Put(3, "全市", 120000, 112000, 7.1)
            .Put(4, "安源区", 35000, 33000, 6.1));

        Finding error = RealWorld.Read(file, department: "scjgj", period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.ColumnRequiredMissing, error.RuleId);
        Assert.EndsWith(
            "本表按县区逐行列出，经济运行指标表应每行一个指标：请改为“指标名称 | 单位 | 本期值 | 上年同期 | 同比增长”五列，把全市的数填为一行（如指标名称“市场主体户数”，本期值填全市合计），各县区的数不必报。",
            error.Message,
            StringComparison.Ordinal);
    }
}
