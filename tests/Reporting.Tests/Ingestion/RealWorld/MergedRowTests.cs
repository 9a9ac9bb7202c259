using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Cells merged down over two rows in the name or figure columns. A figure belongs to the merge's first row only (copying
/// it down would count it twice), so a second project under it is refused naming the merge, not "为空" at a cell where the
/// clerk sees a number; a row that only continues the project above (its name and figures merged, more 建设内容) is no project.
/// </summary>
public sealed class MergedRowTests
{
    private static MemoryStream Projects(Action<IXLWorksheet> rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）", "建设内容");
        rows(sheet);
    });

    [Fact]
    public void Refuses_one_plan_merged_over_two_projects_naming_the_merge()
    {
        using MemoryStream file = Projects(sheet =>
        {
            sheet.Put(4, 1, "新能源电池项目（一期）", "安源区", "工业", 10000, 7000, "厂房")
                .Put(5, 2, "新能源电池项目（二期）", "安源区", "工业", null, 5000, "设备")
                .Put(6, 3, "人民医院综合楼", "安源区", "公共服务", 8000, 8800, "主体");
            sheet.Range(4, 5, 5, 5).Merge();
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.CellRequiredEmpty, "E5"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“调度表”E5单元格（年度计划投资（万元））是与E4合并的单元格，合并格中的内容只属于第4行，不能分给第5行。"
            + "请取消合并，每一行分别填写；如果这几行是同一个项目，请合并成一行后重新上传。",
            error.Message);
    }

    [Fact]
    public void Reads_a_project_written_over_two_rows_with_its_name_and_figures_merged_as_one()
    {
        using MemoryStream file = Projects(sheet =>
        {
            sheet.Put(4, 1, "新能源电池项目", "安源区", "工业", 10000, 12000, "厂房建设")
                .Put(5, null, null, null, null, null, null, "设备安装")
                .Put(6, 2, "人民医院综合楼", "安源区", "公共服务", 8000, 8800, "主体施工");
            for (int column = 1; column <= 6; column++)
            {
                sheet.Range(4, column, 5, column).Merge();
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal(
            [("新能源电池项目", "安源区", "工业", 10000m, 12000m), ("人民医院综合楼", "安源区", "公共服务", 8000m, 8800m)],
            outcome.Projects.Select(p => p.Core()));
    }

    [Fact]
    public void Still_refuses_an_empty_plan_that_no_merge_covers()
    {
        using MemoryStream file = Projects(sheet => sheet
            .Put(4, 1, "新能源电池项目", "安源区", "工业", 10000, 12000, "厂房建设")
            .Put(5, 2, "人民医院综合楼", "安源区", "公共服务", null, 8800, "主体施工"));

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.CellRequiredEmpty, "E5"), (error.RuleId, error.Cell!));
        Assert.StartsWith("工作表“调度表”E5单元格（年度计划投资（万元））为空，该项必须填写", error.Message, StringComparison.Ordinal);
    }
}
