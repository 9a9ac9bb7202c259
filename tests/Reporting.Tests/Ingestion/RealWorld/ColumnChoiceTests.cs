using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Which of several similar columns is the figure: this month's cumulative over last month's helper column,
/// the period's year over another year's, the adjusted plan over the plan of the beginning of the year.
/// </summary>
public sealed class ColumnChoiceTests
{
    private static IngestionOutcome ReadProjects(string[] header, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "安源区2022年重大项目调度表")
                .Put(2, "时间：2022年1-12月", null, null, "单位：万元")
                .Put(3, header);
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(4 + i, rows[i]);
            }
        });
        return RealWorld.Read(file);
    }

    [Theory]
    [InlineData("截至上月累计完成投资", "本月完成投资", "累计完成投资")]
    [InlineData("上月累计完成", "本月完成", "本月累计完成")]
    [InlineData("1-11月累计完成投资", "12月完成投资", "1-12月累计完成投资")]
    [InlineData("截至11月底累计完成", "12月完成", "累计完成投资")]
    public void Takes_this_months_cumulative_figure_over_last_months_helper_column(string lastMonth, string thisMonth, string cumulative)
    {
        IngestionOutcome outcome = ReadProjects(
            ["项目名称", "县区", "所属领域", "年度计划投资", lastMonth, thisMonth, cumulative],
            ["安源区新能源电池项目", "安源区", "工业", 10000, 10800, 1200, 12000],
            ["安源区污水处理厂", "安源区", "生态环保", 5000, 2700, 300, 3000]).Accepted();

        Assert.Equal([12000m, 3000m], outcome.Projects.Select(p => p.Completed));
        Assert.Equal(RealWorld.December2022, outcome.Period);
        Assert.DoesNotContain(outcome.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Takes_the_periods_year_in_a_two_row_header_that_puts_last_year_first()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "2021年度", null, "2022年度", null)
                .Put(3, null, null, null, "计划投资", "完成投资", "计划投资", "完成投资")
                .Put(4, "安源区新能源电池项目", "安源区", "工业", 3000, 2500, 10000, 12000);
            sheet.Range("D2:E2").Merge();
            sheet.Range("F2:G2").Merge();
            foreach (string column in (string[])["A", "B", "C"])
            {
                sheet.Range($"{column}2:{column}3").Merge();
            }
        });

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((10000m, 12000m), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Reads_completion_under_a_this_year_group_and_under_an_investment_completed_group()
    {
        using MemoryStream thisYear = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "开工以来累计完成", "本年度", null)
                .Put(3, null, null, null, null, "计划", "完成")
                .Put(4, "安源区新能源电池项目", "安源区", "工业", 40000, 10000, 12000);
            sheet.Range("E2:F2").Merge();
            foreach (string column in (string[])["A", "B", "C", "D"])
            {
                sheet.Range($"{column}2:{column}3").Merge();
            }
        });
        using MemoryStream completedGroup = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "2022年计划投资", "投资完成情况", null, null)
                .Put(3, null, null, null, null, "12月", "1-12月", "占年度计划%")
                .Put(4, "安源区新能源电池项目", "安源区", "工业", 10000, 100, 12000, 120);
            sheet.Range("E2:G2").Merge();
            foreach (string column in (string[])["A", "B", "C", "D"])
            {
                sheet.Range($"{column}2:{column}3").Merge();
            }
        });

        Assert.Equal((10000m, 12000m), RealWorld.Read(thisYear).Clean().Projects.Select(p => (p.AnnualPlan, p.Completed)).Single());
        Assert.Equal((10000m, 12000m), RealWorld.Read(completedGroup).Clean().Projects.Select(p => (p.AnnualPlan, p.Completed)).Single());
    }

    [Fact]
    public void Reads_completion_under_an_investment_completed_group_below_title_lines_with_every_other_header_merged_down()
    {
        // A county's own layout: title, period and unit lines, 序号, and 建设性质 / 是否开工 merged down over both header rows.
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("Sheet1")
                .Put(1, "安源区2022年重大项目调度表")
                .Put(2, "（2022年1-12月）")
                .Put(3, "单位：万元")
                .Put(4, "序号", "项目名称", "县区", "所属领域", "建设性质", "2022年计划投资", "投资完成情况", null, null, "是否开工")
                .Put(5, null, null, null, null, null, null, "12月", "1-12月", "占年度计划%", null)
                .Put(6, 1, "安源区新能源电池项目", "安源区", "工业", "新建", 10000, 100, 12000, 120, "是")
                .Put(7, 2, "安源区污水处理厂", "安源区", "生态环保", "新建", 5000, 100, 3000, 60, "是");
            sheet.Range("G4:I4").Merge();
            foreach (string column in (string[])["A", "B", "C", "D", "E", "F", "J"])
            {
                sheet.Range($"{column}4:{column}5").Merge();
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal([(10000m, 12000m), (5000m, 3000m)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));
    }

    [Fact]
    public void Takes_no_figure_from_a_group_header_merged_over_columns_it_does_not_tell_apart()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "投资完成情况", null, null)
                .Put(3, "安源区新能源电池项目", "安源区", "工业", 10000, 100, 12000, 120);
            sheet.Range("E2:G2").Merge();
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal(RuleIds.ColumnRequiredMissing, error.RuleId);
        Assert.StartsWith("工作表“调度表”看起来是重大项目调度表，但缺少必填列：“累计完成投资”。", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("累计完成投资", "其中：本年完成投资")]
    [InlineData("累计完成投资", "其中：2022年完成投资")]
    [InlineData("项目累计完成投资", "2022年完成投资")]
    [InlineData("截至2022年12月底累计完成投资", "其中：2022年1-12月完成")]
    [InlineData("自开工累计完成投资", "本年累计完成投资")]
    public void Takes_this_years_completion_over_a_running_total_since_the_project_started(string sinceStart, string thisYear)
    {
        IngestionOutcome outcome = ReadProjects(
            ["项目名称", "县区", "所属领域", "年度计划投资", sinceStart, thisYear],
            ["安源区新能源电池项目", "安源区", "工业", 10000, 18000, 9000],
            ["安源区污水处理厂", "安源区", "生态环保", 5000, 8000, 3000]).Accepted();

        Assert.Equal([9000m, 3000m], outcome.Projects.Select(p => p.Completed));
    }

    [Theory]
    [InlineData("基础设施", "新型基础设施")]
    [InlineData("省重点", "新型基础设施")]
    public void Takes_the_field_column_over_a_project_category_column_left_of_it(string category, string field)
    {
        ProjectRecord project = ReadProjects(
            ["项目名称", "县区", "项目类别", "所属领域", "年度计划投资", "累计完成投资"],
            ["安源区5G基站建设项目", "安源区", category, field, 10000, 12000]).Accepted().Projects.Single();

        Assert.Equal("新型基础设施", project.Field);
    }

    [Fact]
    public void Never_takes_a_part_of_the_completion_paid_from_one_source_as_the_completion()
    {
        ProjectRecord project = ReadProjects(
            ["项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "其中：本年中央预算内资金完成"],
            ["安源区新能源电池项目", "安源区", "工业", 10000, 12000, 3000]).Clean().Projects.Single();

        Assert.Equal(12000m, project.Completed);
    }

    [Fact]
    public void Takes_this_years_plan_over_next_years_plan_written_first()
    {
        ProjectRecord project = ReadProjects(
            ["项目名称", "县区", "所属领域", "2023年计划投资", "年度计划投资", "1-12月完成投资"],
            ["安源区新能源电池项目", "安源区", "工业", 9999, 10000, 12000]).Clean().Projects.Single();

        Assert.Equal((10000m, 12000m), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Refuses_a_table_whose_only_plan_is_next_years_and_says_so()
    {
        Finding error = ReadProjects(
            ["项目名称", "县区", "所属领域", "2023年投资计划", "1-12月完成投资"],
            ["安源区新能源电池项目", "安源区", "工业", 9999, 12000]).OnlyError();

        Assert.Equal(RuleIds.ColumnRequiredMissing, error.RuleId);
        Assert.Equal(
            "工作表“调度表”看起来是重大项目调度表，但缺少必填列：“年度计划投资”。请按模板补齐这些列的表头（表头第3行）。表中的“2023年投资计划”是2023年的数，报告期是2022年，请填写2022年的“年度计划投资”。",
            error.Message);
    }

    [Fact]
    public void Takes_the_adjusted_plan_over_the_plan_of_the_beginning_of_the_year()
    {
        ProjectRecord project = ReadProjects(
            ["项目名称", "县区", "所属领域", "年初计划投资", "调整后年度计划投资", "累计完成投资"],
            ["安源区新能源电池项目", "安源区", "工业", 20000, 10000, 12000]).Clean().Projects.Single();

        Assert.Equal(10000m, project.AnnualPlan);
    }

    [Theory]
    [InlineData("上月末余额", "本月末余额")]
    [InlineData("上月累计", "本月累计")]
    [InlineData("1-11月", "1-12月")]
    public void Takes_a_metrics_current_figure_over_last_months(string lastMonth, string thisMonth)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "指标名称", "单位", lastMonth, thisMonth, "上年同期", "同比增长%")
            .Put(3, "制造业贷款余额", "亿元", 140.5, 147.18, 110.2, 33.56));

        MetricRecord metric = RealWorld.Read(file, department: "jrb").Clean().Metrics.Single();

        Assert.Equal((1471800m, 1102000m), (metric.Value!.Value, metric.Prior!.Value));
    }

    [Fact]
    public void Does_not_use_project_codes_excel_turned_into_scientific_notation()
    {
        string csv = "时间：2022年1-12月\n项目编码,项目名称,县区,所属领域,年度计划投资,累计完成投资\n"
            + "3.60302E+14,安源区新能源电池项目,安源区,工业,10000,12000\n"
            + "3.60302E+14,安源区污水处理厂,安源区,生态环保,5000,3000\n";

        IngestionOutcome outcome = RealWorld.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "安源区.csv").Accepted();

        Assert.Equal([(null, 10000m), ((string?)null, 5000m)], outcome.Projects.Select(p => (p.Code, p.AnnualPlan)));
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.CodeMangled, "A3", "3.60302E+14"), (warning.RuleId, warning.Cell!, warning.Value!));
    }

    // "上年完成情况" and "本年完成情况" over the same two sub-columns: this year's group holds the figures (it was refused as
    // missing 年度计划投资, though the column is there twice).
    [Fact]
    public void Reads_this_years_group_when_last_years_group_stands_first_over_the_same_columns()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "安源区2022年重大项目调度表")
                .Put(2, "时间：2022年1-12月")
                .Put(4, "序号", "项目名称", "县区", "所属领域", "上年完成情况", null, "本年完成情况", null)
                .Put(5, null, null, null, null, "年度计划投资（万元）", "累计完成投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）")
                .Put(6, 1, "安源区新能源电池项目", "安源区", "工业", 20000, 18000, 10000, 12000)
                .Put(7, 2, "安源区污水处理厂", "安源区", "生态环保", 6000, 5500, 5000, 3000);
            for (int column = 1; column <= 4; column++)
            {
                sheet.Range(4, column, 5, column).Merge();
            }

            sheet.Range(4, 5, 4, 6).Merge();
            sheet.Range(4, 7, 4, 8).Merge();
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal(
            [("安源区新能源电池项目", "安源区", "工业", 10000m, 12000m), ("安源区污水处理厂", "安源区", "生态环保", 5000m, 3000m)],
            outcome.Projects.Select(p => p.Core()));
    }
}
