using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A project crossed out with strike-through (删除线) instead of deleted: its figures are still in the cells, so it is
/// refused like a row whose 备注 says 已调出, at the project's name. One struck cell in a row is an edit, not the row.
/// </summary>
public sealed class StruckRowTests
{
    private static MemoryStream Projects(Action<IXLWorksheet> strike) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）", "备注")
            .Put(4, "1", "安源区新能源电池项目", "安源区", "工业", 10000, 12000)
            .Put(5, "2", "安源区污水处理厂", "安源区", "生态环保", 5000, 3000)
            .Put(6, "3", "安源区人民医院综合楼", "安源区", "公共服务", 8000, 8800);
        strike(sheet);
    });

    [Fact]
    public void Refuses_a_project_row_crossed_out_with_strike_through_at_its_name()
    {
        using MemoryStream file = Projects(sheet => sheet.Row(5).Style.Font.Strikethrough = true);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "调度表", "B5"), (error.RuleId, error.Sheet, error.Cell));
        Assert.Equal(
            "工作表“调度表”B5单元格（项目名称）的值“安源区污水处理厂”所在的这一行文字加了删除线（通常表示该项目已调出或取消），但这一行仍在表中，"
            + "会被计入项目个数和投资额。如该项目不再调度，请删除这一行；如仍应计入，请去掉删除线，然后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_row_whose_filled_cells_are_struck_one_by_one()
    {
        using MemoryStream file = Projects(sheet => sheet.Range("A6:F6").Style.Font.Strikethrough = true);

        Assert.Equal("B6", RealWorld.Read(file, period: RealWorld.December2022).OnlyError().Cell);
    }

    [Fact]
    public void Reads_a_row_with_one_struck_cell_and_a_struck_title_as_written()
    {
        using MemoryStream file = Projects(sheet =>
        {
            sheet.Put(5, null, null, null, null, null, null, "原计划6000");
            sheet.Cell(5, 7).Style.Font.Strikethrough = true;
            sheet.Row(1).Style.Font.Strikethrough = true;
        });

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal(3, outcome.Projects.Count);
        Assert.Equal(23000m, outcome.Projects.Sum(p => p.AnnualPlan));
    }

    [Fact]
    public void Reads_a_strike_through_turned_off_again_as_written()
    {
        using MemoryStream file = Projects(sheet =>
        {
            sheet.Row(5).Style.Font.Strikethrough = true;
            sheet.Range("A5:G5").Style.Font.Strikethrough = false;
        });

        Assert.Equal(3, RealWorld.Read(file, period: RealWorld.December2022).Accepted().Projects.Count);
    }
}
