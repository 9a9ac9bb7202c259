using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class ReaderQuirksTests
{
    [Fact]
    public void Joins_a_two_row_merged_header_skips_the_column_number_row_and_converts_yi_to_wan()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            sheet.Put(1, "萍乡市重大项目调度表");
            sheet.Range("A1:G1").Merge();
            sheet.Put(2, "时间：2022年1-12月", null, null, null, "单位：亿元");
            sheet.Put(3, "序号", "项目\n名称", "所属\n县区", "领域", "本年度计划", null, "1-12月累计");
            sheet.Put(4, null, null, null, null, "投资（亿元）", "主要建设内容", "完成投资（万元）");
            sheet.Range("E3:F3").Merge();
            sheet.Range("A3:A4").Merge();
            sheet.Range("B3:B4").Merge();
            sheet.Range("C3:C4").Merge();
            sheet.Range("D3:D4").Merge();
            sheet.Put(5, "甲", "乙", 1, 2, 3, 4, 5);
            sheet.Put(6, 1, "项目一", "湘东区", "工业", 1.2, "厂房", "１２，３４５.５");
            sheet.Put(7, 2, "项目二", "莲花", "农业", "0.35亿", "大棚", "—");
            sheet.Put(8, 3, "项目三", "上栗县", "服务业", "3500万", "商场", "1,234.5");
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file, department: "xiangdong");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(new ReportingPeriod(2022, 12), outcome.Period);
        Assert.Equal([12000m, 3500m, 3500m], outcome.Projects.Select(p => p.AnnualPlan));
        Assert.Equal([12345.5m, 0m, 1234.5m], outcome.Projects.Select(p => p.Completed));
        Assert.Equal(["湘东区", "莲花县", "上栗县"], outcome.Projects.Select(p => p.County));
        Assert.Equal(6, outcome.Projects[0].Source.Row);
    }

    [Fact]
    public void Joins_a_three_row_header_from_csv_where_group_headers_are_written_once()
    {
        string csv = "报告期：2023年3月\n"
            + "项目名称,县区,领域,投资情况,,,\n"
            + ",,,本年度计划,1-3月累计,,\n"
            + ",,,投资,完成投资,完成率,\n"
            + "项目一,芦溪县,生态环保,100,25,25%,\n";

        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "芦溪.csv", "luxi");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(new ReportingPeriod(2023, 3), outcome.Period);
        ProjectRecord project = Assert.Single(outcome.Projects);
        Assert.Equal((100m, 25m), (project.AnnualPlan, project.Completed));
        Assert.Equal(new SourceRef("芦溪", 5), project.Source);
    }

    [Fact]
    public void Takes_the_period_from_headers_that_embed_year_and_month()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "项目名称", "县区", "领域", "2022年计划投资（万元）", "2022年1-11月累计完成投资（万元）")
            .Put(2, "项目一", "安源区", "工业", 10, 5));

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(new ReportingPeriod(2022, 11), outcome.Period);
    }

    [Fact]
    public void Rejects_a_period_line_that_contradicts_the_month_in_a_header()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "1-11月完成投资")
            .Put(3, "项目一", "安源区", "工业", 10, 5));

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.False(outcome.Accepted);
        Assert.Contains("1-11月", outcome.Single(RuleIds.PeriodConflict).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_period_given_on_upload_that_differs_from_the_sheet()
    {
        using MemoryStream file = TestWorkbooks.ProjectWorkbook(rows: [[1, "项目一", "安源区", "工业", 10, 5, "是"]]);

        IngestionOutcome outcome = TestWorkbooks.Read(file, period: new ReportingPeriod(2022, 11));

        Assert.False(outcome.Accepted);
        Assert.Equal("报表期间不一致：上传时指定为2022年1-11月，但工作表“项目表”A2单元格“时间：2022年1-12月”写的是2022年1-12月。请核对报告期后重新上传。", outcome.Single(RuleIds.PeriodConflict).Message);
    }

    [Fact]
    public void Rejects_a_sheet_with_no_period_when_none_is_given()
    {
        using MemoryStream file = TestWorkbooks.ProjectWorkbook(period: "萍乡市", rows: [[1, "项目一", "安源区", "工业", 10, 5, "是"]]);

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.False(outcome.Accepted);
        Assert.Null(outcome.Period);
        outcome.Single(RuleIds.PeriodMissing);
        Assert.Equal(new ReportingPeriod(2022, 12), TestWorkbooks.Read(TestWorkbooks.ProjectWorkbook(period: "萍乡市", rows: [[1, "项目一", "安源区", "工业", 10, 5, "是"]]), period: new ReportingPeriod(2022, 12)).Period);
    }

    [Fact]
    public void Applies_the_sheet_unit_note_to_columns_without_their_own_unit()
    {
        using MemoryStream file = TestWorkbooks.ProjectWorkbook(unit: "单位：亿元", rows: [[1, "项目一", "安源区", "工业", 1.25, 0.5, "是"]]);

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.Equal((12500m, 5000m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
    }

    [Fact]
    public void Reads_metrics_with_percent_cells_percent_text_units_and_breakdown_rows()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("指标");
            sheet.Put(1, "2022年1-12月经济运行指标");
            sheet.Put(2, "指标名称", "单位", "1-12月累计", "上年同期", "同比增长（%）", "占规上工业比重", "上年同期比重");
            sheet.Put(3, "制造业贷款余额", "亿元", 147.18, 110.2, "33.56%", null, null);
            sheet.Put(4, "其中：电子信息产业工业增加值", "亿元", 80.5, 64.55, 24.7, 0.122, 0.083);
            sheet.Cell(4, 6).Style.NumberFormat.Format = "0.0%";
            sheet.Cell(4, 7).Style.NumberFormat.Format = "0.0%";
            sheet.Put(5, "5G基站数", "个", 2295, "—", null, null, null);
            sheet.Put(6, "市场主体户数增速", "%", "23.3%", null, null, null, null);
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file, department: "jrb");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(new ReportingPeriod(2022, 12), outcome.Period);
        Assert.Collection(
            outcome.Metrics,
            m => Assert.Equal(("制造业贷款余额", "万元", 1471800m, 1102000m, 33.56m), (m.Name, m.Unit, m.Value!.Value, m.Prior!.Value, m.YoyReported!.Value)),
            m => Assert.Equal(("电子信息产业工业增加值", 805000m, 24.7m, 12.2m, 8.3m), (m.Name, m.Value!.Value, m.YoyReported!.Value, m.Share!.Value, m.SharePrior!.Value)),
            m => Assert.Equal(("5G基站数", "个", 2295m, (decimal?)null), (m.Name, m.Unit, m.Value!.Value, m.Prior)),
            m => Assert.Equal(("%", 23.3m), (m.Unit, m.Value!.Value)));
    }

    [Fact]
    public void Understands_dates_as_cells_serials_and_text()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("表");
            sheet.Put(1, "时间：2023年3月");
            sheet.Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "计划开工时间", "实际开工时间", "计划竣工时间");
            sheet.Put(3, "一", "安源区", "工业", 1000, 100, new DateTime(2023, 3, 15), "2023.3", "2023年12月");
            sheet.Put(4, "二", "安源区", "工业", 1000, 100, 44986, 2023.3, "2024-06-30");
            sheet.Put(5, "三", "安源区", "工业", 1000, 100, "2023/3/15", "待定", "明年");
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(new DateOnly(2023, 3, 15), outcome.Projects[0].PlannedStart);
        Assert.Equal(new DateOnly(2023, 3, 1), outcome.Projects[0].ActualStart);
        Assert.Equal(new DateOnly(2023, 12, 1), outcome.Projects[0].PlannedCompletion);
        Assert.Equal(new DateOnly(2023, 3, 1), outcome.Projects[1].PlannedStart);
        Assert.Equal(new DateOnly(2023, 3, 1), outcome.Projects[1].ActualStart);
        Assert.Equal(new DateOnly(2024, 6, 30), outcome.Projects[1].PlannedCompletion);
        Assert.Equal(new DateOnly(2023, 3, 15), outcome.Projects[2].PlannedStart);
        Assert.Null(outcome.Projects[2].ActualStart);
        Finding notDate = outcome.Single(RuleIds.CellNotDate);
        Assert.Equal(("H5", Severity.Warning), (notDate.Cell, notDate.Severity));
        Assert.True(outcome.Projects[0].Started);
    }

    [Fact]
    public void Reads_levels_from_lists_flags_and_the_star_marker()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "项目级别", "是否5020项目", "是否市重点")
            .Put(3, "★一", "安源区", "工业", 10, 1, "省大中型", "√", "否")
            .Put(4, "二", "安源区", "工业", 10, 1, "省重点、省大中型", null, "是"));

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.Equal(["省重点", "省大中型", "5020"], outcome.Projects[0].Levels);
        Assert.Equal("一", outcome.Projects[0].Name);
        Assert.Equal(["省重点", "省大中型", "市重点"], outcome.Projects[1].Levels);
    }

    [Fact]
    public void Reads_every_data_sheet_and_ignores_notes_empty_and_hidden_sheets()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            workbook.AddWorksheet("填报说明").Put(1, "请按要求填写").Put(2, "项目名称必须填写");
            workbook.AddWorksheet("空白");
            workbook.AddWorksheet("工业").Put(1, "时间：2022年1-12月").Put(2, TestWorkbooks.ProjectHeader).Put(3, 1, "项目一", "安源区", "工业", 1000, 500, "是");
            workbook.AddWorksheet("基础设施").Put(1, "时间：2022年1-12月").Put(2, TestWorkbooks.ProjectHeader).Put(3, 1, "项目二", "安源区", "重大基础设施", 2000, 500, "是");
            workbook.AddWorksheet("上月").Put(1, "时间：2022年1-11月").Put(2, TestWorkbooks.ProjectHeader).Put(3, 1, "项目一", "安源区", "工业", 10, 4, "是").Hide();
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(["工业", "基础设施"], outcome.Projects.Select(p => p.Source.Sheet));
        Assert.Equal(new ReportingPeriod(2022, 12), outcome.Period);
    }

    [Fact]
    public void Prefers_a_visible_column_when_a_hidden_one_has_the_same_header()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资", "累计完成投资")
                .Put(3, "一", "安源区", "工业", 10, 999, 7);
            sheet.Column(5).Hide();
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.Equal(7m, outcome.Projects[0].Completed);
    }

    [Fact]
    public void Accepts_extra_columns_any_order_and_repeated_headers()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年12月")
            .Put(2, "累计完成投资 ", "备用", "项目（名称）", "年度 计划投资", "（所属）领域", "县 区", "形象进度")
            .Put(3, "500", "x", "一", "1000", "新基建", "武功山管委会", "主体完工")
            .Put(4, "累计完成投资", "备用", "项目名称", "年度计划投资", "所属领域", "县区", "形象进度")
            .Put(5, 600, null, "二", 1200, "公共服务", "经开区", null));

        IngestionOutcome outcome = TestWorkbooks.Read(file, department: "wugongshan");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(["武功山风景名胜区", "萍乡经开区"], outcome.Projects.Select(p => p.County));
        Assert.Equal(["新型基础设施", "公共服务"], outcome.Projects.Select(p => p.Field));
        Assert.Equal([500m, 600m], outcome.Projects.Select(p => p.Completed));
        Assert.Equal("主体完工", outcome.Projects[0].ProgressNote);
    }

    [Fact]
    public void Finds_the_department_in_the_sheet_when_the_upload_does_not_say()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "填报单位：上栗县发改委        时间：2022年1-12月")
            .Put(2, TestWorkbooks.ProjectHeader)
            .Put(3, 1, "一", "上栗县", "工业", 1000, 500, "是"));

        IngestionOutcome outcome = TestWorkbooks.Read(file, department: null);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(("shangli", "上栗县发改委"), (outcome.DepartmentId, outcome.DepartmentName));
    }

    [Fact]
    public void Rejects_when_the_department_is_neither_given_nor_in_the_sheet()
    {
        IngestionOutcome outcome = TestWorkbooks.Read(TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "安源区", "工业", 10, 5, "是"]]), department: null);

        Assert.False(outcome.Accepted);
        outcome.Single(RuleIds.DepartmentMissing);
    }
}
