using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Honest submissions with a real mistake in them: each must be rejected with one finding that names
/// the sheet, the cell, the header, the value and the rule, in Chinese, so the clerk can fix it in one go.
/// </summary>
public sealed class HonestMistakeTests
{
    private static IngestionOutcome ReadCounty(string department, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            sheet.Title(1, "2022年重大项目调度表", 7);
            sheet.Put(2, "时间：2022年1-12月", null, null, null, null, "单位：万元");
            sheet.Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "1-12月累计完成投资", "是否开工");
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(4 + i, rows[i]);
            }
        });
        return RealWorld.Read(file, department: department);
    }

    [Fact]
    public void Rejects_a_negative_completed_amount_in_a_yi_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资（亿元）", "累计完成投资（亿元）")
            .Put(3, "芦溪县电瓷产业园", "芦溪县", "工业", 1.2, -0.5));

        Finding error = RealWorld.Read(file, department: "luxi").OnlyError();

        Assert.Equal((RuleIds.ValueNegative, "调度表", "E3", "累计完成投资（亿元）", "-0.5"), (error.RuleId, error.Sheet!, error.Cell!, error.Header!, error.Value!));
        Assert.Equal("工作表“调度表”E3单元格（累计完成投资（亿元））的值“-0.5”为负数，投资额不能为负。", error.Message);
    }

    [Fact]
    public void Rejects_an_approximate_amount_in_a_required_column()
    {
        Finding error = ReadCounty("anyuan", [1, "安源区城市更新", "安源区", "公共服务", "约500", 450, "是"]).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "E4", "年度计划投资", "约500"), (error.RuleId, error.Cell!, error.Header!, error.Value!));
        Assert.Equal("工作表“调度表”E4单元格（年度计划投资）的值“约500”不是有效数字，请填写数字（如 1234.5），不要夹带文字。", error.Message);
    }

    [Fact]
    public void Rejects_a_county_written_with_the_wrong_administrative_suffix_and_suggests_the_right_one()
    {
        Finding error = ReadCounty("anyuan", [1, "安源区城市更新", "安源县", "公共服务", 500, 450, "是"]).OnlyError();

        Assert.Equal((RuleIds.CountyUnknown, "C4", "县区", "安源县"), (error.RuleId, error.Cell!, error.Header!, error.Value!));
        Assert.Equal(
            "工作表“调度表”C4单元格（县区）的值“安源县”不是已知的县区（是否应为“安源区”？），请填写以下之一：安源区、湘东区、莲花县、上栗县、芦溪县、萍乡经开区、武功山风景名胜区。",
            error.Message);
    }

    [Theory]
    [InlineData("市本级")]
    [InlineData("市直")]
    [InlineData("全市")]
    [InlineData("萍乡市")]
    public void Rejects_a_city_level_project_that_names_no_county(string written)
    {
        Finding error = ReadCounty("fgw", [1, "萍乡绕城高速", written, "重大基础设施", 50000, 42000, "是"]).OnlyError();

        Assert.Equal((RuleIds.CountyUnknown, "C4", written), (error.RuleId, error.Cell!, error.Value!));
        Assert.Contains("请填写以下之一：安源区、湘东区、莲花县、上栗县、芦溪县、萍乡经开区、武功山风景名胜区", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_table_without_an_annual_plan_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "领域", "总投资", "1-12月完成投资", "形象进度")
            .Put(3, 1, "湘东区陶瓷产业园", "湘东区", "工业", 50000, 12000, "主体完工"));

        Finding error = RealWorld.Read(file, department: "xiangdong").OnlyError();

        Assert.Equal((RuleIds.ColumnRequiredMissing, "调度表"), (error.RuleId, error.Sheet!));
        Assert.Equal("工作表“调度表”看起来是重大项目调度表，但缺少必填列：“年度计划投资”。请按模板补齐这些列的表头（表头第2行）。", error.Message);
    }

    [Fact]
    public void Rejects_a_title_month_that_contradicts_the_period_line()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "萍乡市湘东区2022年11月重大项目调度表")
            .Put(2, "时间：2022年1-12月")
            .Put(3, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(4, "湘东区陶瓷产业园", "湘东区", "工业", 10000, 9000));

        Finding error = RealWorld.Read(file, department: "xiangdong").OnlyError();

        Assert.Equal(RuleIds.PeriodConflict, error.RuleId);
        Assert.Equal(
            "报表期间不一致：工作表“调度表”A1单元格“萍乡市湘东区2022年11月重大项目调度表”为2022年1-11月；工作表“调度表”A2单元格“时间：2022年1-12月”为2022年1-12月。请统一为同一报告期后重新上传。",
            error.Message);
    }

    [Fact]
    public void Explains_that_the_cumulative_since_construction_began_is_not_this_years_completion()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "自开工累计完成投资")
            .Put(3, "上栗县花炮产业园", "上栗县", "工业", 30000, 98000));

        Finding error = RealWorld.Read(file, department: "shangli").OnlyError();

        Assert.Equal(RuleIds.ColumnRequiredMissing, error.RuleId);
        Assert.Equal(
            "工作表“调度表”看起来是重大项目调度表，但缺少必填列：“累计完成投资”。请按模板补齐这些列的表头（表头第2行）。表中的“自开工累计完成投资”是项目开工以来的累计数，不是本年累计，请另列“本年累计完成投资”。",
            error.Message);
    }

    [Fact]
    public void Explains_that_one_months_completion_is_not_the_cumulative_figure()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "12月完成投资")
            .Put(3, "湘东区陶瓷产业园", "湘东区", "工业", 10000, 900));

        Finding error = RealWorld.Read(file, department: "xiangdong").OnlyError();

        Assert.Equal(
            "工作表“调度表”看起来是重大项目调度表，但缺少必填列：“累计完成投资”。请按模板补齐这些列的表头（表头第2行）。表中的“12月完成投资”是当月完成数，不是自年初累计数，请填写“1-12月累计完成投资”。",
            error.Message);
    }

    [Fact]
    public void Rejects_a_workbook_holding_only_the_county_summary()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("汇总")
            .Put(1, "全市2022年1-12月重大项目汇总表")
            .Put(2, "县区", "项目个数", "年度计划投资", "累计完成投资", "完成率")
            .Put(3, "安源区", 2, 9000, 9300, "103.3%"));

        Finding error = RealWorld.Read(file, department: "fgw").OnlyError();

        Assert.Equal((RuleIds.ColumnRequiredMissing, "汇总"), (error.RuleId, error.Sheet!));
        Assert.Equal("工作表“汇总”是汇总表（只有县区或领域的合计，没有“项目名称”列），不能据此统计。请上传逐个项目填报的明细表。", error.Message);
    }

    [Fact]
    public void Rejects_an_industry_written_where_the_field_belongs()
    {
        Finding error = ReadCounty("shangli", [1, "东讯精密二期", "上栗县", "电子信息", 3000, 2400, "是"]).OnlyError();

        Assert.Equal((RuleIds.FieldUnknown, "D4", "所属领域", "电子信息"), (error.RuleId, error.Cell!, error.Header!, error.Value!));
        Assert.Equal(
            "工作表“调度表”D4单元格（所属领域）的值“电子信息”不是已知的领域，请填写以下之一：工业、农业、服务业、重大基础设施、新型基础设施、公共服务、生态环保。",
            error.Message);
    }

    [Fact]
    public void Rejects_an_amount_written_in_yuan()
    {
        Finding error = ReadCounty("anyuan", [1, "安源区城市更新", "安源区", "公共服务", 500, "4500000元", "是"]).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "F4", "1-12月累计完成投资", "4500000元"), (error.RuleId, error.Cell!, error.Header!, error.Value!));
    }

    [Fact]
    public void Rejects_projects_above_the_first_section_when_fields_come_only_from_sections()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "年度计划投资", "累计完成投资")
            .Put(3, 1, "上栗县电子电路产业园", "上栗县", 6000, 6100)
            .Put(4, "一、工业项目", null, null, null, null)
            .Put(5, 2, "东讯精密二期", "上栗县", 3000, 2400));

        Finding error = RealWorld.Read(file, department: "shangli").OnlyError();

        Assert.Equal((RuleIds.ColumnRequiredMissing, "调度表"), (error.RuleId, error.Sheet!));
        Assert.Equal(
            "工作表“调度表”看起来是重大项目调度表，但缺少必填列：“所属领域”。请按模板补齐这些列的表头（表头第2行），或在项目之前用“一、工业项目”这样的分组行标明领域（第3行的项目之前没有分组行）。",
            error.Message);
    }

    [Fact]
    public void Rejects_a_project_row_left_with_only_its_name_even_when_the_name_ends_like_a_title()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "萍乡经开区2022年1-12月重大项目调度表")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "经开区智能电表", null, null, null, null)
            .Put(4, "经开区智能制造产业园", "经开区", "工业", 10000, 9500));

        IngestionOutcome outcome = RealWorld.Read(file, department: "jingkai");

        Assert.False(outcome.Accepted);
        Assert.Equal(["B3", "C3", "D3", "E3"], outcome.Findings.Select(f => f.Cell!));
        Assert.All(outcome.Findings, f => Assert.Equal(RuleIds.CellRequiredEmpty, f.RuleId));
    }

    [Fact]
    public void Names_every_wrong_cell_of_a_sheet_in_one_answer()
    {
        IngestionOutcome outcome = ReadCounty(
            "anyuan",
            [1, "安源区城市更新", "安源县", "公共服务", 500, 450, "是"],
            [2, "安源区物流园", "安源区", "物流", 800, -20, "是"],
            [3, "安源区文化中心", "安源区", "公共服务", null, 100, "是"]);

        Assert.False(outcome.Accepted);
        Assert.Equal(
            [("C4", RuleIds.CountyUnknown), ("D5", RuleIds.FieldUnknown), ("F5", RuleIds.ValueNegative), ("E6", RuleIds.CellRequiredEmpty)],
            outcome.Findings.Select(f => (f.Cell!, f.RuleId)));
    }
}
