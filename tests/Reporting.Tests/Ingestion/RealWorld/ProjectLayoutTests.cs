using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>What surrounds the table: titles, notes, stamps, sections, totals, footers, extra sheets.</summary>
public sealed class ProjectLayoutTests
{
    [Fact]
    public void Reads_a_stamped_department_line_a_filing_date_and_a_statistics_period()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("Sheet1");
            sheet.Title(1, "芦溪县重大项目调度表", 7);
            sheet.Put(2, "填报单位（盖章）：芦溪县发展和改革委员会", null, null, null, "填报时间：2023年1月4日");
            sheet.Put(3, "统计期：2022年1-12月", null, null, null, null, "单位：万元");
            sheet.Put(4, "序号", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "是否开工");
            sheet.Put(5, 1, "芦溪县宣风镇污水处理厂", "芦溪县", "生态环保", 2600, 2450, "是");
            sheet.SheetView.FreezeRows(4);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: null).Clean();

        Assert.Equal(("luxi", "芦溪县发展和改革委员会", RealWorld.December2022), (outcome.DepartmentId!, outcome.DepartmentName!, outcome.Period!.Value));
        Assert.Equal(("芦溪县宣风镇污水处理厂", "芦溪县", "生态环保", 2600m, 2450m), outcome.Projects.Single().Core());
    }

    [Fact]
    public void Does_not_take_a_filing_month_for_the_reporting_period()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "湘东区2022年1-12月重大项目推进情况表")
            .Put(2, "填报单位：湘东区发改委    填报时间：2023年1月")
            .Put(3, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(4, "湘东区物流园", "湘东区", "服务业", 3000, 2800));

        IngestionOutcome outcome = RealWorld.Read(file, department: null).Clean();

        Assert.Equal(("xiangdong", RealWorld.December2022), (outcome.DepartmentId!, outcome.Period!.Value));
    }

    [Fact]
    public void Takes_the_period_from_the_title_alone()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Title(1, "萍乡市上栗县2022年12月重大项目调度表", 5)
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "上栗县金山镇工业小区", "上栗县", "工业", 4000, 3900));

        Assert.Equal(RealWorld.December2022, RealWorld.Read(file, department: "shangli").Clean().Period);
    }

    [Fact]
    public void Combines_the_year_of_the_title_with_the_month_of_the_sheet_name()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("11月").Put(1, "2022年重大项目调度表").Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "上栗县金山镇工业小区", "上栗县", "工业", 4000, 3500).Hide();
            workbook.AddWorksheet("12月").Put(1, "2022年重大项目调度表").Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "上栗县金山镇工业小区", "上栗县", "工业", 4000, 3900);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "shangli").Clean();

        Assert.Equal((RealWorld.December2022, 3900m), (outcome.Period!.Value, outcome.Projects.Single().Completed));
    }

    [Fact]
    public void Combines_the_year_of_the_title_with_the_month_range_of_a_header()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "1-12月完成投资")
            .Put(3, "安源区中央商务区", "安源区", "服务业", 9000, 9100));

        Assert.Equal(RealWorld.December2022, RealWorld.Read(file).Clean().Period);
    }

    [Fact]
    public void Falls_back_to_the_period_in_the_file_name_when_the_sheet_states_none()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "重大项目调度表")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "莲花县荷花博览园", "莲花县", "服务业", 2500, 2300));

        Assert.Equal(RealWorld.December2022, RealWorld.Read(file, "莲花县2022年12月重大项目调度表.xlsx", department: "lianhua").Clean().Period);
    }

    [Fact]
    public void Reads_a_month_range_written_with_both_months_named()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "时间：2022年1月-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "湘东区高铁站前广场", "湘东区", "重大基础设施", 5000, 5000));

        Assert.Equal(RealWorld.December2022, RealWorld.Read(file, department: "xiangdong").Clean().Period);
    }

    [Theory]
    [InlineData("时间：2023年一季度", 2023, 3)]
    [InlineData("统计期：2023年第一季度", 2023, 3)]
    [InlineData("时间：2023年上半年", 2023, 6)]
    [InlineData("时间：2023年前三季度", 2023, 9)]
    public void Reads_a_period_stated_as_a_quarter_or_a_half_year(string line, int year, int month)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, line)
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "湘东区高铁站前广场", "湘东区", "重大基础设施", 5000, 1000));

        Assert.Equal(new ReportingPeriod(year, month), RealWorld.Read(file, department: "xiangdong").Clean().Period);
    }

    [Fact]
    public void Reads_a_period_stated_as_the_last_day_of_the_month()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "统计截止日期：2022年12月31日")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "湘东区高铁站前广场", "湘东区", "重大基础设施", 5000, 5000));

        Assert.Equal(RealWorld.December2022, RealWorld.Read(file, department: "xiangdong").Clean().Period);
    }

    [Fact]
    public void Reads_a_two_row_header_with_total_and_central_budget_sub_columns_and_a_column_number_row()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            sheet.Title(1, "湘东区2022年1-12月重大项目调度表", 8);
            sheet.Put(2, "序号", "项目名称", "县区", "领域", "年度计划投资", null, "1-12月完成投资", null);
            sheet.Put(3, null, null, null, null, "合计", "其中：中央预算内", "合计", "其中：中央预算内");
            sheet.Range("E2:F2").Merge();
            sheet.Range("G2:H2").Merge();
            foreach (string column in new[] { "A", "B", "C", "D" })
            {
                sheet.Range($"{column}2:{column}3").Merge();
            }

            sheet.Put(4, "甲", "乙", "丙", "丁", 1, 2, 3, 4);
            sheet.Put(5, 1, "湘东区老关镇污水管网", "湘东区", "生态环保", 3000, 1000, 2600, 1000);
            sheet.Put(6, 2, "湘东区妇幼保健院", "湘东区", "公共服务", 5000, 0, 5200, 0);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "xiangdong").Clean();

        Assert.Equal([(3000m, 2600m), (5000m, 5200m)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));
        Assert.Equal(5, outcome.Projects[0].Source.Row);
    }

    [Fact]
    public void Reads_a_three_row_header()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            sheet.Put(1, "莲花县2022年1-12月重大项目调度表");
            sheet.Put(2, "序号", "项目名称", "县区", "领域", "投资情况（万元）", null, null);
            sheet.Put(3, null, null, null, null, "2022年度计划", null, "1-12月累计");
            sheet.Put(4, null, null, null, null, "合计", "其中：省预算内", "完成投资");
            sheet.Range("E2:G2").Merge();
            sheet.Range("E3:F3").Merge();
            foreach (string column in new[] { "A", "B", "C", "D" })
            {
                sheet.Range($"{column}2:{column}4").Merge();
            }

            sheet.Put(5, 1, "莲花县工业园区道路", "莲花县", "重大基础设施", 4200, 300, 4000);
        });

        ProjectRecord project = RealWorld.Read(file, department: "lianhua").Clean().Projects.Single();

        Assert.Equal(("莲花县工业园区道路", "莲花县", "重大基础设施", 4200m, 4000m), project.Core());
    }

    [Fact]
    public void Takes_the_field_from_section_rows_when_there_is_no_field_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "上栗县2022年1-12月重大项目调度表")
            .Put(2, "序号", "项目名称", "县区", "年度计划投资", "累计完成投资")
            .Put(3, null, "合计", null, 13000, 12500)
            .Put(4, "一、工业项目", null, null, null, null)
            .Put(5, "（一）续建项目", null, null, null, null)
            .Put(6, 1, "上栗县电子电路产业园", "上栗县", 6000, 6100)
            .Put(7, "（二）新开工项目", null, null, null, null)
            .Put(8, 2, "东讯精密二期", "上栗县", 3000, 2400)
            .Put(9, null, "小计", null, 9000, 8500)
            .Put(10, "二、重大基础设施项目", null, null, null, null)
            .Put(11, 3, "上栗县城区道路提升", "上栗县", 4000, 4000)
            .Put(12, null, "小计", null, 4000, 4000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "shangli").Clean();

        Assert.Equal(
            [
                ("上栗县电子电路产业园", "上栗县", "工业", 6000m, 6100m),
                ("东讯精密二期", "上栗县", "工业", 3000m, 2400m),
                ("上栗县城区道路提升", "上栗县", "重大基础设施", 4000m, 4000m),
            ],
            outcome.Projects.Select(p => p.Core()));
    }

    [Fact]
    public void Treats_a_section_row_carrying_its_sums_as_a_subtotal()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(2, "序号", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, null, "合计（3个）", null, null, 9000, 8800)
            .Put(4, "一", "工业项目（2个）", null, null, 6000, 5800)
            .Put(5, 1, "安源区光伏组件", "安源区", "工业", 4000, 4100)
            .Put(6, 2, "安源区粉末冶金", "安源区", "工业", 2000, 1700)
            .Put(7, "二", "服务业项目（1个）", null, null, 3000, 3000)
            .Put(8, 3, "安源区商贸城", "安源区", "服务业", 3000, 3000));

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal(["安源区光伏组件", "安源区粉末冶金", "安源区商贸城"], outcome.Projects.Select(p => p.Name));
    }

    [Fact]
    public void Still_checks_a_section_row_sum_against_its_projects()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(2, "序号", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "一、工业项目（2个）", null, null, null, 6000, 5000)
            .Put(4, 1, "安源区光伏组件", "安源区", "工业", 4000, 4100)
            .Put(5, 2, "安源区粉末冶金", "安源区", "工业", 2000, 1700));

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Finding mismatch = outcome.Single(RuleIds.TotalMismatch);
        Assert.Equal(("F3", "5000"), (mismatch.Cell, mismatch.Value));
        Assert.Equal(2, outcome.Projects.Count);
    }

    [Fact]
    public void Skips_spacer_rows_notes_and_a_signature_footer()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("Sheet1");
            sheet.Title(1, "武功山风景名胜区2022年1-12月重大项目调度表", 6);
            sheet.Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "存在问题");
            sheet.Put(3, "武功山金顶索道改造", "武功山管委会", "服务业", 8000, 6000, "汛期停工两个月");
            sheet.Put(4);
            sheet.Put(5, "武功山旅游公路", "武功山", "重大基础设施", 12000, 11800, "无");
            sheet.Put(6);
            sheet.Put(7);
            sheet.Title(8, "注：1.累计完成投资为自年初至本月底累计数；2.金额单位为万元。", 6);
            sheet.Put(9, "填表人：张三 审核人：李四 联系电话：0799-1234567");
            sheet.Put(10, null, null, null, "报送日期：2023年1月5日");
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "wugongshan").Clean();

        Assert.Equal(
            [("武功山金顶索道改造", "武功山风景名胜区", "服务业", 8000m, 6000m), ("武功山旅游公路", "武功山风景名胜区", "重大基础设施", 12000m, 11800m)],
            outcome.Projects.Select(p => p.Core()));
        Assert.Equal(["汛期停工两个月", null], outcome.Projects.Select(p => p.Issues));
    }

    [Fact]
    public void Ignores_hidden_columns_holding_last_months_figures()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("Sheet1")
                .Put(1, "萍乡经开区重大项目调度表")
                .Put(2, "项目名称", "县区", "领域", "2022年计划投资", "2022年1-11月累计完成投资", "2022年1-12月累计完成投资")
                .Put(3, "经开区新能源汽车零部件", "经开区", "工业", 15000, 12000, 14500);
            sheet.Column(5).Hide();
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "jingkai").Clean();

        Assert.Equal((RealWorld.December2022, 14500m), (outcome.Period!.Value, outcome.Projects.Single().Completed));
    }

    [Fact]
    public void Ignores_an_instructions_sheet_laid_out_as_a_table()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("说明")
                .Put(1, "填表说明")
                .Put(2, "栏目", "填写要求")
                .Put(3, "项目名称", "填写项目全称，与备案一致")
                .Put(4, "县区", "填写安源区、湘东区等")
                .Put(5, "年度计划投资", "单位：万元")
                .Put(6, "累计完成投资", "自年初至本月底累计，不含以前年度");
            workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "安源区文化中心", "安源区", "公共服务", 7000, 6900);
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal(["调度表"], outcome.Sheets.Select(s => s.Sheet));
        Assert.Single(outcome.Projects);
    }

    [Fact]
    public void Reads_a_city_workbook_with_one_sheet_per_county_a_summary_sheet_and_no_county_column()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("汇总")
                .Put(1, "全市2022年1-12月重大项目汇总表")
                .Put(2, "县区", "项目个数", "年度计划投资", "累计完成投资", "完成率")
                .Put(3, "安源区", 2, 9000, 9300, "103.3%")
                .Put(4, "湘东区", 1, 5000, 4000, "80.0%")
                .Put(5, "合计", 3, 14000, 13300, "95.0%");
            workbook.AddWorksheet("安源区")
                .Put(1, "安源区2022年1-12月重大项目调度表")
                .Put(2, "项目名称", "所属领域", "年度计划投资", "累计完成投资")
                .Put(3, "安源区城市更新", "公共服务", 6000, 6300)
                .Put(4, "安源区物流园", "服务业", 3000, 3000);
            workbook.AddWorksheet("湘东区")
                .Put(1, "湘东区2022年1-12月重大项目调度表")
                .Put(2, "项目名称", "所属领域", "年度计划投资", "累计完成投资")
                .Put(3, "湘东区工业园扩区", "工业", 5000, 4000);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "fgw").Clean();

        Assert.Equal(
            [
                ("安源区城市更新", "安源区", "公共服务", 6000m, 6300m),
                ("安源区物流园", "安源区", "服务业", 3000m, 3000m),
                ("湘东区工业园扩区", "湘东区", "工业", 5000m, 4000m),
            ],
            outcome.Projects.Select(p => p.Core()));
        Assert.Equal(["安源区", "湘东区"], outcome.Sheets.Select(s => s.Sheet));
    }

    [Fact]
    public void Takes_the_county_from_the_title_of_a_county_table_without_a_county_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Title(1, "莲花县2022年1-12月重大项目调度表", 5)
            .Put(2, "序号", "项目名称", "所属领域", "年度计划投资", "累计完成投资")
            .Put(3, 1, "莲花县高洲乡光伏电站", "新型基础设施", 3000, 3100));

        Assert.Equal(("莲花县高洲乡光伏电站", "莲花县", "新型基础设施", 3000m, 3100m), RealWorld.Read(file, department: "lianhua").Clean().Projects.Single().Core());
    }

    [Fact]
    public void Takes_the_county_from_the_uploading_county_when_nothing_in_the_sheet_names_one()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "芦溪县南坑镇抽水蓄能前期", "重大基础设施", 1000, 800));

        Assert.Equal("芦溪县", RealWorld.Read(file, department: "luxi").Clean().Projects.Single().County);
    }

    [Fact]
    public void Counts_a_total_row_labelled_with_its_project_count()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, 1, "安源区光伏组件", "安源区", "工业", 4000, 4100)
            .Put(4, 2, "安源区粉末冶金", "安源区", "工业", 2000, 1700)
            .Put(5, null, "合 计（2个）", null, null, 6000, 5800));

        Assert.Equal(2, RealWorld.Read(file).Clean().Projects.Count);
    }
}
