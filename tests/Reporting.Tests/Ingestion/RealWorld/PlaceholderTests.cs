using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// What a placeholder (—, /, 无, 未开工, 待定) means in each figure, decided per field: never a plan of 0 entering
/// the completion rate silently, never a signing counted without its amount.
/// </summary>
public sealed class PlaceholderTests
{
    private static IngestionOutcome ReadProjects(params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月", null, null, "单位：万元")
                .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "总投资");
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(3 + i, [i + 1, .. rows[i]]);
            }
        });
        return RealWorld.Read(file);
    }

    [Fact]
    public void Refuses_a_plan_to_be_decided_on_a_project_that_reports_a_completed_amount()
    {
        Finding error = ReadProjects(
            ["安源区新能源电池项目", "安源区", "工业", 10000, 9000, null],
            ["安源区城市更新项目", "安源区", "公共服务", "待定", 3000, null]).OnlyError();

        Assert.Equal((RuleIds.CellPlaceholder, "调度表", "E4", "年度计划投资", "待定"), (error.RuleId, error.Sheet!, error.Cell!, error.Header!, error.Value!));
        Assert.Equal("工作表“调度表”E4单元格（年度计划投资）的值“待定”不是数字：年度计划投资待定的项目无法统计。请填写目前确定的数字（万元）；确实没有请填 0。", error.Message);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("无")]
    public void Refuses_a_plan_of_none_beside_money_spent(string written)
    {
        Finding error = ReadProjects(["安源区城市更新项目", "安源区", "公共服务", written, 3000, null]).OnlyError();

        Assert.Equal((RuleIds.CellPlaceholder, "E3", written), (error.RuleId, error.Cell!, error.Value!));
        Assert.Equal($"工作表“调度表”E3单元格（年度计划投资）的值“{written}”表示没有年度计划投资，但累计完成投资为3000万元，无法计算完成率。请填写年度计划投资（万元）。", error.Message);
    }

    [Fact]
    public void Reads_a_plan_and_a_completion_of_none_as_zero_which_leaves_every_rate_alone()
    {
        IngestionOutcome outcome = ReadProjects(
            ["安源区新能源电池项目", "安源区", "工业", 10000, 9000, "—"],
            ["安源区储备项目", "安源区", "工业", "—", "未开工", "待定"]).Clean();

        Assert.Equal([(10000m, 9000m, (decimal?)null), (0m, 0m, null)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed, p.TotalInvestment)));
    }

    [Fact]
    public void Refuses_a_completed_amount_to_be_decided()
    {
        Finding error = ReadProjects(["安源区城市更新项目", "安源区", "公共服务", 5000, "待定", null]).OnlyError();

        Assert.Equal((RuleIds.CellPlaceholder, "F3", "待定"), (error.RuleId, error.Cell!, error.Value!));
        Assert.Equal("工作表“调度表”F3单元格（累计完成投资）的值“待定”不是数字：累计完成投资待定的项目无法统计。请填写目前确定的数字（万元）；确实没有请填 0。", error.Message);
    }

    [Fact]
    public void Warns_about_a_plan_of_zero_beside_money_spent_and_counts_the_figures_as_typed()
    {
        IngestionOutcome outcome = ReadProjects(["安源区城市更新项目", "安源区", "公共服务", 0, 3000, null]).Accepted();

        Assert.Equal((0m, 3000m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.CompletedOver200Pct, "F3", Severity.Warning), (warning.RuleId, warning.Cell!, warning.Severity));
        Assert.Equal("工作表“调度表”F3单元格（累计完成投资）的值“3000”（万元）对应的年度计划投资为0：没有计划的完成额会抬高所在县区、领域和全市的完成率，请核实年度计划投资。", warning.Message);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("待定")]
    public void Refuses_a_signing_without_an_amount(string written)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约")
            .Put(1, "2022年1-12月招商引资签约项目")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
            .Put(3, 1, "湘东区工业陶瓷项目", "湘东区", new DateTime(2022, 5, 1), written));

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.CellPlaceholder, "E3", written), (error.RuleId, error.Cell!, error.Value!));
    }
}
