using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Layouts that were read without a word and with wrong figures: two tables stacked on one sheet under headers
/// that differ (columns swapped, a column added, another unit); amounts in 元 shown as 万 by a number format.
/// </summary>
public sealed class RedTeam2Tests
{
    private static readonly object[] s_battery = ["1", "安源区新能源电池项目", "安源区", "工业", 10000, 12000];
    private static readonly object[] s_sewage = ["2", "安源区污水处理厂", "安源区", "生态环保", 5000, 3000];

    /// <summary>安源区's projects sheet as most red-team files start it: title, period line, the template's header in row 4.</summary>
    internal static IXLWorksheet Projects(XLWorkbook workbook) =>
        workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月")
            .Put(4, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）");

    [Fact]
    public void Refuses_a_second_table_whose_header_swaps_plan_and_completion()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            Projects(workbook)
                .Put(5, "一、续建项目")
                .Put(6, s_battery)
                .Put(7, s_sewage)
                .Put(8, "二、新建项目")
                .Put(9, "序号", "项目名称", "县区", "所属领域", "累计完成投资（万元）", "年度计划投资（万元）")
                .Put(10, "3", "安源区人民医院综合楼", "安源区", "公共服务", 7000, 8000);
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.HeaderSecondTable, "B9"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“调度表”第9行又是一行表头，但与上方的表头不同（“累计完成投资（万元）”在表头中是F列，在这一行是E列），无法确定其下各行按哪一行表头读取。请把两张表分放在不同工作表，或统一为同一表头后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_first_table_above_a_second_header_with_an_added_column()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            Projects(workbook)
                .Put(5, "一、续建项目")
                .Put(6, s_battery)
                .Put(7, s_sewage)
                .Put(8, "二、新建项目")
                .Put(9, "序号", "项目名称", "县区", "所属领域", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）")
                .Put(10, "3", "安源区人民医院综合楼", "安源区", "公共服务", 30000, 8000, 7000);
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.HeaderSecondTable, "调度表"), (error.RuleId, error.Sheet!));
        Assert.Equal(
            "工作表“调度表”第4行和第9行各有一行表头，两行的列不同，第5-8行无法确定按哪一行表头读取。请把两张表分放在不同工作表，或统一为同一表头后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_second_signings_table_whose_header_is_in_yi()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("签约项目")
                .Put(1, "2022年1-12月招商引资签约项目")
                .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）", "产业链", "来源地", "是否5020项目")
                .Put(3, "1", "锂电池项目", "安源区", "2022-03-01", 50000, "锂电", "长三角", "是")
                .Put(4, "二、亿元以上项目")
                .Put(5, "序号", "项目名称", "县区", "签约时间", "签约金额（亿元）", "产业链", "来源地", "是否5020项目")
                .Put(6, "2", "电子元件项目", "湘东区", "2022-05-01", 8, "电子信息", "粤港澳大湾区", "否");
        });

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.HeaderSecondTable, "B5"), (error.RuleId, error.Cell!));
        Assert.Contains("E列在表头中是“签约金额（万元）”，在这一行是“签约金额（亿元）”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Still_skips_a_header_printed_again_with_the_same_columns()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            Projects(workbook)
                .Put(5, s_battery)
                .Put(6, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
                .Put(7, s_sewage);
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal([10000m, 5000m], outcome.Projects.Select(p => p.AnnualPlan));
    }

    [Fact]
    public void Refuses_an_amount_in_yuan_that_a_number_format_shows_as_wan()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = Projects(workbook)
                .Put(5, "1", "安源区新能源电池项目", "安源区", "工业", 100_000_000, 120_000_000);
            sheet.Range("E5:F5").Style.NumberFormat.Format = "0!.0,\"万\"";
        });

        IngestionOutcome outcome = RealWorld.Read(file);

        Assert.False(outcome.Accepted);
        Assert.Equal(["E5", "F5"], outcome.Findings.Where(f => f.RuleId == RuleIds.CellScaledFormat).Select(f => f.Cell!));
        Assert.Equal(
            "工作表“调度表”E5单元格（年度计划投资（万元））的值“100000000”是单元格中的实际数值，单元格的自定义数字格式把它缩小显示（如以元显示为“万”），看到的数字与单元格中的不同，无法确定单位。请把单元格格式改为“常规”或“数值”，填写以万元为单位的数字后重新上传。",
            outcome.Findings[0].Message);
    }

    [Theory]
    [InlineData("#,##0.00\"万元\"")]
    [InlineData("#,##0")]
    [InlineData("0.00_ ")]
    public void Reads_an_amount_whose_format_only_groups_digits_or_adds_a_unit_word(string format)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = Projects(workbook).Put(5, s_battery);
            sheet.Range("E5:F5").Style.NumberFormat.Format = format;
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal((10000m, 12000m), (outcome.Projects[0].AnnualPlan, outcome.Projects[0].Completed));
    }
}
