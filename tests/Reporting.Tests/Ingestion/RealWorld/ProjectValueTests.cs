using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>What clerks type into the cells: amounts, dates, yes/no and counties as they come.</summary>
public sealed class ProjectValueTests
{
    private static IngestionOutcome ReadRows(string[] header, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("项目表");
            sheet.Put(1, "时间：2022年1-12月");
            sheet.Put(2, header);
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(3 + i, rows[i]);
            }
        });
        return RealWorld.Read(file, department: RealWorld.DepartmentOf(rows));
    }

    [Fact]
    public void Reads_amounts_typed_with_separators_full_width_digits_units_and_placeholders()
    {
        IngestionOutcome outcome = ReadRows(
            ["项目名称", "县区", "领域", "年度计划投资", "累计完成投资"],
            ["一", "安源区", "工业", "1,234.5", "1 234.5"],
            ["二", "安源区", "工业", "１２３４", "12.3亿元"],
            ["三", "安源区", "工业", "3500万", "—"],
            ["四", "安源区", "工业", 100, "-"],
            ["五", "安源区", "工业", 100, "/"],
            ["六", "安源区", "工业", 100, "无"],
            ["七", "安源区", "工业", 100, "未开工"],
            ["八", "安源区", "工业", "\u00A0123\u00A0", " 0 "],
            ["九", "安源区", "工业", "1.2E+3", "８００．５"]).Accepted();

        Assert.Equal(
            [(1234.5m, 1234.5m), (1234m, 123000m), (3500m, 0m), (100m, 0m), (100m, 0m), (100m, 0m), (100m, 0m), (123m, 0m), (1200m, 800.5m)],
            outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));

        // 12.3亿 is ten times the plan: worth a look, not a rejection.
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.CompletedOver200Pct, "E4", Severity.Warning), (warning.RuleId, warning.Cell, warning.Severity));
    }

    [Fact]
    public void Converts_amounts_a_small_department_keeps_in_yuan()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("表一")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资（元）", "累计完成投资（元）")
                .Put(3, "武功山游步道修缮", "武功山", "服务业", 4500000, 3812500);
            workbook.AddWorksheet("表二")
                .Put(1, "时间：2022年1-12月", null, null, "金额单位：元")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "武功山停车场", "武功山", "服务业", 1200000, "1,150,000");
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "wugongshan").Clean();

        Assert.Equal([(450m, 381.25m), (120m, 115m)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));
    }

    [Fact]
    public void Reads_numbers_stored_as_text_with_a_leading_apostrophe()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("项目表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "一", "安源区", "工业", "800", "650.25");
            sheet.Cell(3, 4).Style.IncludeQuotePrefix = true;
            sheet.Cell(3, 5).Style.IncludeQuotePrefix = true;
        });

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((800m, 650.25m), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Ignores_the_clerks_own_completion_rate_column_in_percent_format()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("项目表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "完成年度计划%", "序时进度")
                .Put(3, "一", "安源区", "工业", 1000, 1348, 1.348, 1);
            sheet.Cell(3, 6).Style.NumberFormat.Format = "0.0%";
            sheet.Cell(3, 7).Style.NumberFormat.Format = "0%";
        });

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((1000m, 1348m), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Reads_dates_in_every_way_clerks_write_them()
    {
        IngestionOutcome outcome = ReadRows(
            ["项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "计划开工时间", "计划竣工时间"],
            ["一", "安源区", "工业", 1000, 100, "2023.3", "2023.03"],
            ["二", "安源区", "工业", 1000, 100, "2023年3月", "2023-03-15"],
            ["三", "安源区", "工业", 1000, 100, "2023/3/15", 44986],
            ["四", "安源区", "工业", 10, 1, new DateTime(2023, 3, 15), "2023年3月15日"],
            ["五", "安源区", "工业", 1000, 100, "2023年一季度", "2024年底"],
            ["六", "安源区", "工业", 1000, 100, "2023年第二季度", "2024年上半年"]).Clean();

        Assert.Equal(
            [
                (new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 1)),
                (new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 15)),
                (new DateOnly(2023, 3, 15), new DateOnly(2023, 3, 1)),
                (new DateOnly(2023, 3, 15), new DateOnly(2023, 3, 15)),
                (new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 1)),
                (new DateOnly(2023, 4, 1), new DateOnly(2024, 1, 1)),
            ],
            outcome.Projects.Select(p => (p.PlannedStart!.Value, p.PlannedCompletion!.Value)));
    }

    [Fact]
    public void Reads_yes_and_no_in_every_way_clerks_write_them()
    {
        IngestionOutcome outcome = ReadRows(
            ["项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "是否开工", "是否竣工投产"],
            ["一", "安源区", "工业", 1000, 100, "是", "否"],
            ["二", "安源区", "工业", 1000, 100, "√", "×"],
            ["三", "安源区", "工业", 1000, 100, "Y", "N"],
            ["四", "安源区", "工业", 1000, 100, "已开工", "已投产"],
            ["五", "安源区", "工业", 1000, 0, "未开工", null],
            ["六", "安源区", "工业", 1000, 100, "是 ", "否。"]).Clean();

        Assert.Equal(
            [(true, false), (true, false), (true, false), (true, true), (false, (bool?)null), (true, false)],
            outcome.Projects.Select(p => (p.Started!.Value, p.CompletedFlag)));
    }

    [Fact]
    public void Maps_every_way_counties_are_written_to_the_seven_canonical_names()
    {
        string[] written =
        [
            "安源", "湘东", "莲花", "上栗", "芦溪", "经开区", "萍乡经济技术开发区", "武功山", "武功山管委会", "武功山风景名胜区管委会",
            "湘东区（麻山镇）", "萍乡市安源区", "芦溪县宣风镇", "上栗县 ", "莲花县", "武功山风景区",
        ];
        object?[][] rows = [.. written.Select((county, i) => new object?[] { "项目" + (i + 1), county, "工业", 1000, 500 })];

        IngestionOutcome outcome = ReadRows(["项目名称", "县区", "领域", "年度计划投资", "累计完成投资"], rows).Clean();

        Assert.Equal(
            [
                "安源区", "湘东区", "莲花县", "上栗县", "芦溪县", "萍乡经开区", "萍乡经开区", "武功山风景名胜区", "武功山风景名胜区", "武功山风景名胜区",
                "湘东区", "安源区", "芦溪县", "上栗县", "莲花县", "武功山风景名胜区",
            ],
            outcome.Projects.Select(p => p.County));
    }

    [Fact]
    public void Maps_the_ways_fields_are_written()
    {
        string[] written = ["工业项目", "产业项目", "农业农村", "现代服务业", "基础设施", "新基建", "社会民生", "生态环境保护", "文化旅游", "交通"];
        object?[][] rows = [.. written.Select((field, i) => new object?[] { "项目" + (i + 1), "湘东区", field, 1000, 500 })];

        IngestionOutcome outcome = ReadRows(["项目名称", "县区", "项目类别", "年度计划投资", "累计完成投资"], rows).Clean();

        Assert.Equal(
            ["工业", "工业", "农业", "服务业", "重大基础设施", "新型基础设施", "公共服务", "生态环保", "服务业", "重大基础设施"],
            outcome.Projects.Select(p => p.Field));
    }

    [Fact]
    public void Reads_nature_and_progress_as_written()
    {
        IngestionOutcome outcome = ReadRows(
            ["项目名称", "县区", "领域", "建设性质", "年度计划投资", "累计完成投资", "形象进度", "包挂领导"],
            ["一", "湘东区", "工业", "新开工", 1000, 500, "主体封顶", "张副区长"],
            ["二", "湘东区", "工业", "续建项目", 1000, 500, "设备安装", null],
            ["三", "湘东区", "工业", "竣工投产项目", 1000, 1000, "已投产", null],
            ["四", "湘东区", "工业", "前期", 1000, 0, "—", null]).Clean();

        Assert.Equal(["新建", "续建", "竣工投产", "前期"], outcome.Projects.Select(p => p.Nature));
        Assert.Equal(["主体封顶", "设备安装", "已投产", null], outcome.Projects.Select(p => p.ProgressNote));
        Assert.Equal("张副区长", outcome.Projects[0].Leader);
    }

    [Fact]
    public void Warns_when_a_years_plan_exceeds_the_projects_total_investment()
    {
        IngestionOutcome outcome = ReadRows(
            ["项目名称", "县区", "领域", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）"],
            ["安源区新能源电池项目", "安源区", "工业", 8, 10000, 9000],
            ["安源区污水处理厂", "安源区", "生态环保", 20000, 5000, 4000]).Accepted();

        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((Severity.Warning, RuleIds.PlanOverTotal, "E3"), (warning.Severity, warning.RuleId, warning.Cell!));
        Assert.Equal(
            "工作表“项目表”E3单元格（年度计划投资（万元））的值“10000”（万元）大于项目总投资8万元：一年的计划投资不会超过总投资，请核实两列的数字和单位（如总投资是否按亿元填写）。",
            warning.Message);
    }
}
