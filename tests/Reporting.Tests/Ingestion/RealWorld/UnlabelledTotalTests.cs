using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A 合计 or 小计 row the clerk did not label (only figures, no 项目名称, 县区 or 领域; or "亿元以上项目" with no 县区):
/// not counted when its figures add up to the rows above, said; else one question to the clerk instead of three 为空.
/// </summary>
public sealed class UnlabelledTotalTests
{
    private static MemoryStream Projects(params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("Sheet1");
        sheet.Put(1, "时间：2022年1-12月", null, null, null, "单位：万元");
        sheet.Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(3 + i, rows[i]);
        }
    });

    private static readonly object?[][] s_four =
    [
        [1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000],
        [2, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000],
        [3, "安源区人民医院综合楼", "安源区", "公共服务", 8000, 8800],
        [4, "安源区商贸物流园", "安源区", "服务业", 2000, 500],
    ];

    [Fact]
    public void A_row_of_figures_only_that_adds_up_to_the_rows_above_is_a_total_not_a_project()
    {
        IngestionOutcome outcome = RealWorld.Read(Projects([.. s_four, [null, null, null, null, 25000, 24300]])).Accepted();

        Assert.Equal((4, 25000m, 24300m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
        Finding notice = Assert.Single(outcome.Findings);
        Assert.Equal((Severity.Warning, RuleIds.TotalUnlabelled, "Sheet1", "B7"), (notice.Severity, notice.RuleId, notice.Sheet!, notice.Cell!));
        Assert.Equal("工作表“Sheet1”第7行没有项目名称，数字等于上方各行之和，按合计行处理，未计入。", notice.Message);
    }

    [Fact]
    public void Figures_equal_to_the_sum_once_rounded_to_two_decimals_are_a_total()
    {
        IngestionOutcome outcome = RealWorld.Read(Projects(
            [1, "安源区新能源电池项目", "安源区", "工业", 1000.004, 800],
            [2, "安源区污水处理厂", "安源区", "生态环保", 500.002, 300],
            [null, null, null, null, 1500.01, 1100])).Accepted();

        Assert.Equal((2, 1500.006m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
        Assert.Equal(RuleIds.TotalUnlabelled, Assert.Single(outcome.Findings).RuleId);
    }

    [Fact]
    public void A_row_of_figures_only_that_does_not_add_up_is_refused_with_one_question()
    {
        Finding error = RealWorld.Read(Projects([.. s_four, [null, null, null, null, 25000, 24000]])).OnlyError();

        Assert.Equal((RuleIds.RowFiguresOnly, "Sheet1", "B7"), (error.RuleId, error.Sheet!, error.Cell!));
        Assert.Equal(
            "工作表“Sheet1”第7行没有项目名称、县区和所属领域，只有数字。如是合计行，请在项目名称列写“合计”；如是项目，请补全项目名称、县区和所属领域。",
            error.Message);
    }

    [Fact]
    public void A_project_with_a_county_and_no_name_is_still_an_empty_name_even_when_its_figures_match_the_sum()
    {
        Finding error = RealWorld.Read(Projects([.. s_four, [5, null, "安源区", "工业", 25000, 24300]])).OnlyError();

        Assert.Equal((RuleIds.CellRequiredEmpty, "B7"), (error.RuleId, error.Cell!));
    }

    [Fact]
    public void A_small_named_project_equal_to_the_one_row_above_is_counted()
    {
        IngestionOutcome outcome = RealWorld.Read(Projects(
            [1, "安源区污水处理厂", "安源区", "生态环保", 500, 300],
            [2, "安源区公厕改造", "安源区", "生态环保", 500, 300])).Clean();

        Assert.Equal((2, 1000m, 600m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    private static MemoryStream Signings(object? label, object? amount) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("Sheet1");
        sheet.Put(1, "2022年1-12月招商引资签约项目表", null, null, null, "单位：万元");
        sheet.Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）");
        sheet.Put(3, 1, "锂电池正极材料项目", "萍乡经开区", "2022-03-15", 50000);
        sheet.Put(4, 2, "电子元器件项目", "安源区", "2022-06-20", 10000);
        sheet.Put(5, 3, "陶瓷新材料项目", "湘东区", "2022-09-01", 9999);
        sheet.Put(6, 4, "农产品加工项目", "莲花县", "2022-11-11", 3000);
        sheet.Put(7, 5, "粉末冶金项目", "上栗县", "2022-12-20", 120000);
        sheet.Put(8, "合计（5个）", null, null, null, 192999);
        sheet.Put(9, "其中：亿元以上项目（3个）", null, null, null, 180000);
        sheet.Put(10, null, label, null, null, amount);
    });

    [Fact]
    public void A_signings_subtotal_without_its_qizhong_equal_to_the_rows_over_one_yi_is_not_a_signing()
    {
        IngestionOutcome outcome = RealWorld.Read(Signings("亿元以上项目", 180000), department: "swj").Accepted();

        Assert.Equal((5, 192999m), (outcome.Signings.Count, outcome.Signings.Sum(s => s.Amount)));
        Finding notice = Assert.Single(outcome.Findings);
        Assert.Equal((Severity.Warning, RuleIds.TotalUnlabelled, "B10"), (notice.Severity, notice.RuleId, notice.Cell!));
        Assert.Equal("工作表“Sheet1”第10行“亿元以上项目”没有县区，数字等于上方相应各行之和，按小计行处理，未计入。", notice.Message);
    }

    [Fact]
    public void A_signings_subtotal_that_does_not_add_up_is_refused_with_one_question()
    {
        Finding error = RealWorld.Read(Signings("10亿元以上项目（2个）", 170000), department: "swj").OnlyError();

        Assert.Equal((RuleIds.RowFiguresOnly, "B10"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“Sheet1”第10行“10亿元以上项目（2个）”没有县区，只有数字，且不等于上方各行之和。如是小计行，请在项目名称前加“其中：”；如是项目，请写明项目名称并补全县区。",
            error.Message);
    }

    [Theory]
    [InlineData("全区", "（4个项目）", null)]
    [InlineData(null, "安源区（共4个）", "安源区")]
    [InlineData(null, "安源区（4个）", null)]
    [InlineData("全县", null, null)]
    public void A_bottom_total_worded_as_the_county_with_its_count_is_a_total_not_an_empty_project(string? serial, string? name, string? county)
    {
        IngestionOutcome outcome = RealWorld.Read(Projects([.. s_four, [serial, name, county, null, 25000, 24300]])).Clean();

        Assert.Equal((4, 25000m, 24300m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    [Fact]
    public void A_county_total_with_its_count_that_does_not_add_up_is_questioned_and_not_counted()
    {
        IngestionOutcome outcome = RealWorld.Read(Projects([.. s_four, [null, "安源区（共4个）", "安源区", null, 26000, 24300]])).Accepted();

        Assert.Equal((4, 25000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
        Finding mismatch = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.TotalMismatch, "E7"), (mismatch.RuleId, mismatch.Cell!));
    }

    // A 分领域 summary in the template's own columns (县区 and 领域 filled) beside the detail sheet: its rows are the detail's
    // totals, never projects (they were added to the detail: 3 projects became 6 and every sum doubled).
    [Theory]
    [InlineData("工业项目（1个）", "生态环保项目（1个）", "公共服务项目（1个）")]
    [InlineData("工业项目", "生态环保项目", "公共服务项目")]
    [InlineData("工业（1个）", "生态环保（1个）", "公共服务（1个）")]
    public void A_summary_sheet_by_field_in_the_template_header_adds_nothing_to_the_detail(string industry, string ecology, string service)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("分领域汇总")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
                .Put(3, 1, industry, "安源区", "工业", 10000, 12000)
                .Put(4, 2, ecology, "安源区", "生态环保", 5000, 3000)
                .Put(5, 3, service, "安源区", "公共服务", 8000, 8800);
            IXLWorksheet detail = workbook.AddWorksheet("明细")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）");
            for (int i = 0; i < 3; i++)
            {
                detail.Put(3 + i, s_four[i]);
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal(
            [("安源区新能源电池项目", 10000m, 12000m), ("安源区污水处理厂", 5000m, 3000m), ("安源区人民医院综合楼", 8000m, 8800m)],
            outcome.Projects.Select(p => (p.Name, p.AnnualPlan, p.Completed)));
    }
}
