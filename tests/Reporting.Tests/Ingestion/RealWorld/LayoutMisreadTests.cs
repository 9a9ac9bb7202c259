using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Rows and sheets around the records that were counted, or refused, as something they are not: numbered
/// sub-projects, a unit stated only below the table, signature footers, a pivot sheet, a county total row,
/// a subset sheet, numbers typed with odd separators or minus signs.
/// </summary>
public sealed class LayoutMisreadTests
{
    private static IngestionOutcome ReadProjects(Action<IXLWorksheet>? below, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "安源区2022年重大项目调度表")
                .Put(2, "时间：2022年1-12月")
                .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资");
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(4 + i, rows[i]);
            }

            below?.Invoke(sheet);
        });
        return RealWorld.Read(file);
    }

    [Fact]
    public void Counts_a_project_once_when_its_numbered_sub_projects_add_up_to_it()
    {
        IngestionOutcome outcome = ReadProjects(
            null,
            ["1", "安源区新能源电池项目", "安源区", "工业", 10000, 12000],
            ["2", "安源区城市更新项目（含2个子项目）", "安源区", "公共服务", 8000, 8800],
            ["2.1", "老旧小区改造", "安源区", "公共服务", 5000, 5500],
            ["2.2", "背街小巷改造", "安源区", "公共服务", 3000, 3300],
            ["3", "安源区商贸物流园", "安源区", "服务业", 2000, 500]).Accepted();

        Assert.Equal(["安源区新能源电池项目", "安源区城市更新项目（含2个子项目）", "安源区商贸物流园"], outcome.Projects.Select(p => p.Name));
        Finding warning = outcome.Single(RuleIds.SubProjects);
        Assert.Equal((Severity.Warning, "B6"), (warning.Severity, warning.Cell!));
        Assert.Equal(
            "工作表“调度表”B6单元格（项目名称）的值“老旧小区改造”：第6-7行（序号2.1、2.2）是第5行“安源区城市更新项目（含2个子项目）”的子项目，年度计划投资和累计完成投资之和与第5行相同，只计第5行一次。",
            warning.Message);
    }

    [Fact]
    public void Refuses_numbered_sub_projects_that_do_not_add_up_to_their_parent()
    {
        Finding error = ReadProjects(
            null,
            ["1", "安源区城市更新项目", "安源区", "公共服务", 8000, 8800],
            ["1.1", "老旧小区改造", "安源区", "公共服务", 5000, 5500]).OnlyError();

        Assert.Equal((RuleIds.SubProjects, "B5"), (error.RuleId, error.Cell!));
        Assert.Contains("与第4行（8000万元、8800万元）不符，无法确定哪些行是要统计的项目", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_figures_read_in_wan_when_a_note_below_the_table_says_yi()
    {
        IngestionOutcome outcome = ReadProjects(
            sheet => sheet.Put(7, "注：表中金额单位为亿元。"),
            ["1", "安源区新能源电池项目", "安源区", "工业", 1, 1.2],
            ["2", "安源区污水处理厂", "安源区", "生态环保", 0.5, 0.3]);

        Finding error = outcome.OnlyError();
        Assert.Equal((RuleIds.UnitAmbiguous, "调度表"), (error.RuleId, error.Sheet!));
        Assert.Equal(
            "工作表“调度表”A7单元格“注：表中金额单位为亿元。”说金额单位为亿元，但“年度计划投资”、“累计完成投资”列已按万元（表上方未注明单位）读取。请在表头上方注明“单位：亿元”（或在列名中写明单位）后重新上传。",
            error.Message);
    }

    [Fact]
    public void Skips_a_signature_footer_of_labels_and_a_county_total_row_counted_in_brackets()
    {
        IngestionOutcome outcome = ReadProjects(
            sheet => sheet.Put(7, "主要负责人：", null, null, "填报日期：2023年1月3日"),
            ["1", "安源区新能源电池项目", "安源区", "工业", 10000, 12000],
            ["2", "安源区污水处理厂", "安源区", "生态环保", 5000, 3000],
            [null, "全区重大项目（2个）", "安源区", null, 15000, 15000]).Clean();

        Assert.Equal([10000m, 5000m], outcome.Projects.Select(p => p.AnnualPlan));
    }

    [Fact]
    public void Skips_a_pivot_sheet_next_to_the_detail_sheet()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("明细")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资")
                .Put(3, "安源区新能源电池项目", "安源区", "工业", 10000, 12000);
            workbook.AddWorksheet("Sheet2")
                .Put(3, "行标签", "求和项:年度计划投资（万元）", "求和项:累计完成投资（万元）")
                .Put(4, "工业", 10000, 12000)
                .Put(5, "总计", 10000, 12000);
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal([10000m], outcome.Projects.Select(p => p.AnnualPlan));
    }

    [Fact]
    public void Counts_a_subset_sheet_of_the_full_list_once()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            foreach ((string name, int count) in (ReadOnlySpan<(string, int)>)[("全部项目", 2), ("其中省重点项目", 1)])
            {
                IXLWorksheet sheet = workbook.AddWorksheet(name)
                    .Put(1, "时间：2022年1-12月")
                    .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资");
                sheet.Put(3, "安源区新能源电池项目", "安源区", "工业", 10000, 12000);
                if (count > 1)
                {
                    sheet.Put(4, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000);
                }
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal((2, 15000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
        Assert.Equal(("其中省重点项目", "A3"), (outcome.Single(RuleIds.ProjectDuplicate).Sheet!, outcome.Single(RuleIds.ProjectDuplicate).Cell!));
    }

    [Theory]
    [InlineData("1,2345")]
    [InlineData("12,34")]
    [InlineData("1，5")]
    [InlineData("1,234,56")]
    public void Refuses_a_number_whose_separators_are_not_thousands(string written)
    {
        Finding error = ReadProjects(null, ["1", "安源区新能源电池项目", "安源区", "工业", written, 100]).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "E4", written), (error.RuleId, error.Cell!, error.Value!));
    }

    [Fact]
    public void Reads_a_minus_sign_pasted_from_a_bulletin_as_a_minus()
    {
        Finding error = ReadProjects(null, ["1", "安源区新能源电池项目", "安源区", "工业", 1000, "\u2212500"]).OnlyError();

        Assert.Equal((RuleIds.ValueNegative, "F4"), (error.RuleId, error.Cell!));
    }
}
