using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A 计量单位 column in a project or signing list ("亿元" on one row, "万元" on the next): each row's amounts are in the unit
/// it names. Before, the column was ignored: a list noted 单位：万元 whose rows all said 亿元 was read 10,000× small without
/// a word, and a single 亿元 row among two was read as 0.5万元.
/// </summary>
public sealed class RowUnitColumnTests
{
    private static MemoryStream Projects(string note, string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表").Put(2, note).Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    private static readonly string[] s_header = ["序号", "项目名称", "县区", "所属领域", "计量单位", "年度计划投资", "累计完成投资"];

    [Fact]
    public void Reads_each_rows_amounts_in_the_unit_its_unit_column_names()
    {
        using MemoryStream file = Projects("单位：万元", s_header,
            [1, "安源区新能源电池项目", "安源区", "工业", "万元", 10000, 12000],
            [2, "安源区污水处理厂", "安源区", "生态环保", "亿元", 0.5, 0.3],
            [3, "安源区人民医院综合楼", "安源区", "公共服务", "亿元", 0.8, 0.85]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal([10000m, 5000m, 8000m], outcome.Projects.Select(p => p.AnnualPlan));
        Assert.Equal([12000m, 3000m, 8500m], outcome.Projects.Select(p => p.Completed));
        ColumnUnit plan = outcome.Units.Single(u => u.Field == "annualPlan");
        Assert.Equal((ColumnUnit.FromRowUnits, "亿元"), (plan.Source, plan.Unit));
        Assert.Equal("工作表“调度表”的“年度计划投资”列有的行按该行“计量单位”所写的亿元读取，已折算为万元。", plan.ReceiptLine());
    }

    [Fact]
    public void Reads_a_list_whose_rows_all_say_yi_yuan_under_a_wan_yuan_note_in_yi_yuan()
    {
        using MemoryStream file = Projects("单位：万元", s_header,
            [1, "安源区新能源电池项目", "安源区", "工业", "亿元", 1, 1.2],
            [2, "安源区污水处理厂", "安源区", "生态环保", "亿元", 0.5, 0.3],
            [3, "安源区人民医院综合楼", "安源区", "公共服务", "亿元", 0.8, 0.88]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((23000m, 23800m), (outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    [Fact]
    public void Refuses_a_row_unit_other_than_the_one_its_columns_header_names()
    {
        using MemoryStream file = Projects("", ["序号", "项目名称", "县区", "所属领域", "单位", "年度计划投资（万元）", "累计完成投资（万元）"],
            [1, "安源区新能源电池项目", "安源区", "工业", "万元", 10000, 12000],
            [2, "安源区污水处理厂", "安源区", "生态环保", "亿元", 0.5, 0.3]);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitAmbiguous, "E5"), (error.RuleId, error.Cell!));
        Assert.Contains("是亿元，但“年度计划投资（万元）”列写明单位为万元，无法确定本行数字的单位", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_row_in_a_foreign_currency_at_its_unit_cell()
    {
        using MemoryStream file = Projects("单位：万元", s_header,
            [1, "安源区新能源电池项目", "安源区", "工业", "万元", 10000, 12000],
            [2, "安源区外资电子厂", "安源区", "工业", "万美元", 700, 400]);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitForeignCurrency, "E5"), (error.RuleId, error.Cell!));
    }

    [Fact]
    public void Reads_an_organisation_under_a_bare_unit_header_as_no_unit()
    {
        using MemoryStream file = Projects("单位：万元", ["序号", "项目名称", "县区", "所属领域", "单位", "年度计划投资", "累计完成投资"],
            [1, "安源区新能源电池项目", "安源区", "工业", "安源区工信局", 10000, 12000],
            [2, "安源区污水处理厂", "安源区", "生态环保", "安源区城投公司", 5000, 3000]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((15000m, 15000m), (outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    [Fact]
    public void Reads_a_signings_amount_in_the_unit_its_row_names()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表").Put(2, "单位：万元")
            .Put(3, "序号", "项目名称", "县区", "签约时间", "金额单位", "签约金额")
            .Put(4, 1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), "亿元", 5)
            .Put(5, 2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), "万元", 10000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).Clean();

        Assert.Equal([50000m, 10000m], outcome.Signings.Select(s => s.Amount));
    }
}
