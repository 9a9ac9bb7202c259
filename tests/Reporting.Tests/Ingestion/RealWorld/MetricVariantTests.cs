using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>经济运行指标表 from 工信局, 金融办 and 市场监管局, in the shapes their statisticians use.</summary>
public sealed class MetricVariantTests
{
    [Fact]
    public void Reads_a_value_column_headed_only_by_its_month_range_and_units_per_row()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("工业");
            sheet.Title(1, "2022年萍乡市工业经济主要指标", 5);
            sheet.Put(2, "指标名称", "单位", "1-12月", "同比增长(%)", "占比(%)");
            sheet.Put(3, "规模以上工业增加值", "亿元", 520.3, 5.2, null);
            sheet.Put(4, "电子信息产业工业增加值", "亿元", 63.5, 24.7, 12.2);
            sheet.Put(5, "锂电产业营业收入", "亿元", 310.25, 307, null);
            sheet.Put(6, "亿元以上技改项目数", "个", 93, null, null);
            sheet.Put(7, "为企业减负金额", "万元", 320000, null, null);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(RealWorld.December2022, outcome.Period);
        Assert.Equal(
            [
                ("规模以上工业增加值", "万元", 5203000m, (decimal?)5.2m, (decimal?)null),
                ("电子信息产业工业增加值", "万元", 635000m, 24.7m, 12.2m),
                ("锂电产业营业收入", "万元", 3102500m, 307m, null),
                ("亿元以上技改项目数", "个", 93m, null, null),
                ("为企业减负金额", "万元", 320000m, null, null),
            ],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value, m.YoyReported, m.Share)));
    }

    [Fact]
    public void Reads_growth_written_as_words_signs_percent_cells_and_plain_numbers()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("指标")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "指标名称", "单位", "本期值", "同比增长")
                .Put(3, "电子信息产业工业增加值", "亿元", 63.5, "增长24.7%")
                .Put(4, "陶瓷产业营业收入", "亿元", 120, "下降3.2%")
                .Put(5, "钢铁产业营业收入", "亿元", 300, "持平")
                .Put(6, "锂电产业利润", "亿元", 20.1, 1.95)
                .Put(7, "市场主体户数", "户", 256300, "23.3")
                .Put(8, "制造业贷款余额", "亿元", 147.18, "-1.5%")
                .Put(9, "5G基站数", "个", 2295, "增长 1.2 倍");
            sheet.Cell(6, 4).Style.NumberFormat.Format = "0.0%";
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal([24.7m, -3.2m, 0m, 195m, 23.3m, -1.5m, 120m], outcome.Metrics.Select(m => m.YoyReported!.Value));
    }

    [Fact]
    public void Takes_the_later_year_as_the_value_and_the_earlier_as_last_year()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("金融")
            .Put(1, "萍乡市2022年12月末金融机构贷款情况")
            .Put(2, "指标", "单位", "2022年", "2021年", "增幅%")
            .Put(3, "制造业贷款余额", "亿元", 147.18, 110.2, 33.56)
            .Put(4, "普惠小微贷款余额", "亿元", 230.5, 190.1, 21.25));

        IngestionOutcome outcome = RealWorld.Read(file, department: "jrb").Clean();

        Assert.Equal(RealWorld.December2022, outcome.Period);
        Assert.Equal(
            [(1471800m, 1102000m, 33.56m), (2305000m, 1901000m, 21.25m)],
            outcome.Metrics.Select(m => (m.Value!.Value, m.Prior!.Value, m.YoyReported!.Value)));
    }

    [Fact]
    public void Reads_a_single_year_column_as_the_value_and_a_loss_with_its_fall()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("效益")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "指标名称", "单位", "2022年", "增长%")
            .Put(3, "陶瓷产业利润总额", "亿元", -2.1, "下降240%")
            .Put(4, "锂电产业利润", "亿元", 20.1, 195));

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal([(-21000m, -240m), (201000m, 195m)], outcome.Metrics.Select(m => (m.Value!.Value, m.YoyReported!.Value)));
    }

    [Fact]
    public void Takes_the_cumulative_column_as_the_value_when_the_month_alone_is_also_given()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "指标名称", "单位", "本月", "本月同比增长（%）", "1-12月累计", "累计同比增长（%）")
            .Put(3, "锂电产业营业收入", "亿元", 35.2, 412, 310.25, 307));

        MetricRecord metric = RealWorld.Read(file, department: "gxj").Clean().Metrics.Single();

        Assert.Equal((3102500m, 307m), (metric.Value!.Value, metric.YoyReported!.Value));
    }

    [Fact]
    public void Reads_balances_with_a_unit_in_the_header_and_growth_against_the_same_period()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("贷款")
            .Put(1, "时间：2022年12月")
            .Put(2, "项目", "期末余额（亿元）", "比上年同期增长（%）", "比年初增加（亿元）")
            .Put(3, "各项贷款余额", 1850.6, 12.1, 180.2)
            .Put(4, "其中：制造业贷款", 147.18, 33.56, 36.98));

        IngestionOutcome outcome = RealWorld.Read(file, department: "jrb").Clean();

        Assert.Equal(
            [("各项贷款余额", "万元", 18506000m, 12.1m), ("制造业贷款", "万元", 1471800m, 33.56m)],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value, m.YoyReported!.Value)));
    }

    [Fact]
    public void Reads_a_numbered_indicator_list_with_sections_and_shares_in_percent_cells()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("指标");
            sheet.Put(1, "2022年1-12月主要经济指标");
            sheet.Put(2, "序号", "指标名称", "计量单位", "绝对数", "增长%", "占规上工业比重", "上年同期比重");
            sheet.Put(3, "一", "工业", null, null, null, null, null);
            sheet.Put(4, 1, "电子信息产业工业增加值", "亿元", 63.5, 24.7, 0.122, 0.083);
            sheet.Put(5, 2, "其中：锂电产业营业收入", "亿元", 310.25, 307, null, null);
            sheet.Put(6, "二", "市场主体", null, null, null, null, null);
            sheet.Put(7, 3, "市场主体户数", "户", 256300, 23.3, null, null);
            sheet.Cell(4, 6).Style.NumberFormat.Format = "0.0%";
            sheet.Cell(4, 7).Style.NumberFormat.Format = "0.0%";
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(
            [
                ("电子信息产业工业增加值", 635000m, (decimal?)12.2m, (decimal?)8.3m),
                ("锂电产业营业收入", 3102500m, null, null),
                ("市场主体户数", 256300m, null, null),
            ],
            outcome.Metrics.Select(m => (m.Name, m.Value!.Value, m.Share, m.SharePrior)));
    }
}
