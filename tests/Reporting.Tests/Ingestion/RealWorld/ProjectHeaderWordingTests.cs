using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>The same 重大项目调度表 with the header words each county happens to use.</summary>
public sealed class ProjectHeaderWordingTests
{
    private static IngestionOutcome ReadHeader(string[] header, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("Sheet1");
            sheet.Title(1, "萍乡市2022年重大项目调度表", header.Length);
            sheet.Put(2, "时间：2022年1-12月");
            sheet.Put(3, header);
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(4 + i, rows[i]);
            }
        });
        return RealWorld.Read(file, department: RealWorld.DepartmentOf(rows));
    }

    [Fact]
    public void Reads_full_name_headers_em_dash_months_and_a_description_column()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称（全称）", "建设内容及规模", "所在县区", "所属领域", "2022年度计划投资（万元）", "1—12月累计完成投资(万元)"],
            [1, "萍乡市中心城区污水管网改造工程", "新建污水管网32公里", "安源区", "生态环保", 8000, 7350.5]).Clean();

        Assert.Equal(("萍乡市中心城区污水管网改造工程", "安源区", "生态环保", 8000m, 7350.5m), outcome.Projects.Single().Core());
        Assert.Null(outcome.Projects[0].ProgressNote);
        Assert.Equal(RealWorld.December2022, outcome.Period);
    }

    [Fact]
    public void Takes_this_years_planned_completion_as_the_annual_plan()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "2022年计划完成投资", "1-12月完成投资"],
            [1, "湘东区工业园标准厂房", "湘东区", "工业", 5000, 5200]).Clean();

        Assert.Equal((5000m, 5200m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
    }

    [Fact]
    public void Reads_an_investment_plan_header_and_a_cumulative_up_to_month_end_header()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "所属领域", "年度投资计划", "截至12月底累计完成投资"],
            [1, "莲花县城乡供水一体化", "莲花县", "重大基础设施", 12000, 9800]).Clean();

        Assert.Equal((12000m, 9800m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
    }

    [Fact]
    public void Takes_this_years_completion_not_the_cumulative_since_construction_began()
    {
        // 自开工累计 runs since the project started (often several years): it is not this year's figure.
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "总投资", "自开工累计完成投资", "年度计划投资", "本年完成投资"],
            [1, "上栗县花炮产业园", "上栗县", "工业", 150000, 98000, 30000, 26000]).Clean();

        ProjectRecord project = outcome.Projects.Single();
        Assert.Equal((150000m, 30000m, 26000m), (project.TotalInvestment!.Value, project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Converts_a_total_investment_in_yi_while_the_sheet_is_in_wan()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "芦溪县2022年1-12月重大项目调度表")
            .Put(2, "单位：万元")
            .Put(3, "项目名称", "县区", "领域", "总投资(亿元)", "年度计划投资", "累计完成投资")
            .Put(4, "芦溪县电瓷产业园", "芦溪县", "工业", 12.5, 26000, 21000.25));

        ProjectRecord project = RealWorld.Read(file, department: "luxi").Clean().Projects.Single();

        Assert.Equal((125000m, 26000m, 21000.25m), (project.TotalInvestment!.Value, project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Reads_place_and_category_headers_and_a_lead_unit()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "属地", "产业类别", "年度计划投资", "累计完成投资", "牵头单位", "责任主体"],
            [1, "武功山游客集散中心", "武功山", "服务业", 6000, 4100, "武功山管委会", "武功山旅游集团"]).Clean();

        ProjectRecord project = outcome.Projects.Single();
        Assert.Equal(("武功山游客集散中心", "武功山风景名胜区", "服务业", 6000m, 4100m), project.Core());
        Assert.Equal("武功山管委会", project.ResponsibleUnit);
    }

    [Fact]
    public void Prefers_the_field_column_over_an_industry_category_column()
    {
        // 产业类别 holds the industry (锂电, 电子信息); 所属领域 the seven fields. Leftmost must not win.
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "产业类别", "所属领域", "年度计划投资", "累计完成投资"],
            [1, "萍乡锂电新材料项目", "萍乡经开区", "锂电新能源", "工业", 20000, 21000]).Clean();

        Assert.Equal("工业", outcome.Projects[0].Field);
    }

    [Fact]
    public void Uses_the_responsible_subject_as_the_responsible_unit()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "责任主体"],
            [1, "安源区老旧小区改造", "安源区", "公共服务", 3000, 2950, "安源区住建局"]).Clean();

        Assert.Equal("安源区住建局", outcome.Projects[0].ResponsibleUnit);
    }

    [Fact]
    public void Reads_levels_from_a_province_flag_a_province_or_city_column_and_a_tier_column()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "是否省重点项目", "省市重点", "项目层级", "年度计划投资", "累计完成投资"],
            [1, "赣湘合作产业园", "上栗县", "工业", "是", "省重点", "省大中型项目", 20000, 18000],
            [2, "上栗县人民医院新院", "上栗县", "公共服务", "否", "市重点", null, 8000, 8100],
            [3, "上栗县农贸市场", "上栗县", "服务业", "否", null, null, 500, 480]).Clean();

        Assert.Equal(
            [["省重点", "省大中型"], ["市重点"], []],
            outcome.Projects.Select(p => p.Levels.ToArray()));
    }

    [Fact]
    public void Reads_headers_broken_by_alt_enter_spaced_out_and_in_full_width()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序\n号", "项 目 名 称", "县\n（区）", "所属\n领域", "年度\n计划投资\n（万元）", "累计完成投资\u3000（万元）", "是否\n开工"],
            [1, "湘东区麻山镇乡村振兴示范点", "湘东区", "农业", 1500, 1480, "是"]).Clean();

        ProjectRecord project = outcome.Projects.Single();
        Assert.Equal(("湘东区麻山镇乡村振兴示范点", "湘东区", "农业", 1500m, 1480m), project.Core());
        Assert.True(project.Started);
    }

    [Fact]
    public void Takes_the_cumulative_column_not_the_months_own_figure_to_its_left()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "年度计划投资", "12月完成投资", "1-12月累计完成投资"],
            [1, "安源区城市更新一期", "安源区", "公共服务", 10000, 900, 9600]).Clean();

        Assert.Equal(9600m, outcome.Projects[0].Completed);
    }

    [Fact]
    public void Ignores_last_years_same_period_column_to_the_left_of_this_years()
    {
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "年度计划投资", "上年同期完成投资", "1-12月累计完成投资", "同比增长（%）"],
            [1, "湘东区陶瓷产业园", "湘东区", "工业", 10000, 7000, 11200, 60]).Clean();

        Assert.Equal(11200m, outcome.Projects[0].Completed);
    }

    [Fact]
    public void Takes_this_years_plan_when_next_years_plan_is_also_listed()
    {
        // A December table often carries next year's plan for the new scheduling round.
        IngestionOutcome outcome = ReadHeader(
            ["序号", "项目名称", "县区", "领域", "总投资", "2023年计划投资", "2022年计划投资", "2022年1-12月完成投资"],
            [1, "莲花县电瓷产业园二期", "莲花县", "工业", 50000, 20000, 15000, 14200]).Clean();

        Assert.Equal((15000m, 14200m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
        Assert.Equal(RealWorld.December2022, outcome.Period);
    }

    [Fact]
    public void Takes_the_total_sub_column_when_the_plan_is_split_by_source_of_funds()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            sheet.Title(1, "萍乡经开区2022年重大项目调度表", 9);
            sheet.Put(2, "时间：2022年1-12月", null, null, null, null, null, null, "单位：万元");
            sheet.Put(3, "序号", "项目名称", "县区", "领域", "年度计划投资", null, null, "1-12月完成投资", null);
            sheet.Put(4, null, null, null, null, "政府投资", "企业自筹", "合计", "合计", "其中：中央预算内");
            sheet.Range("E3:G3").Merge();
            sheet.Range("H3:I3").Merge();
            foreach (string column in new[] { "A", "B", "C", "D" })
            {
                sheet.Range($"{column}3:{column}4").Merge();
            }

            sheet.Put(5, 1, "经开区智能制造产业园", "经开区", "工业", 2000, 8000, 10000, 9500, 1200);
        });

        ProjectRecord project = RealWorld.Read(file, department: "jingkai").Clean().Projects.Single();

        Assert.Equal((10000m, 9500m), (project.AnnualPlan, project.Completed));
    }
}
