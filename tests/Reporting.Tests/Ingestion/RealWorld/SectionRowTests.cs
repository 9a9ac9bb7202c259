using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Rows that group the projects below them, as offices lay lists out: a "（一）工业项目" heading over projects whose 领域
/// cell was left empty, and a county's own line ("安源区" where a project's name goes, with its 小计) above its projects.
/// </summary>
public sealed class SectionRowTests
{
    private static IXLWorksheet Projects(XLWorkbook workbook) => RedTeam2Tests.Projects(workbook);

    [Fact]
    public void Reads_an_empty_field_cell_as_the_heading_above_says_and_a_filled_one_as_written()
    {
        using MemoryStream file = RealWorld.Book(workbook => Projects(workbook)
            .Put(5, "（一）工业项目")
            .Put(6, "1", "安源区新能源电池项目", "安源区", null, 10000, 12000)
            .Put(7, "2", "安源区电瓷产业园", "安源区", "新基建", 6000, 5000)
            .Put(8, "（二）社会民生项目")
            .Put(9, "3", "安源区人民医院综合楼", "安源区", null, 8000, 8800));

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal(["工业", "新型基础设施", "公共服务"], outcome.Projects.Select(p => p.Field));
        Assert.Empty(outcome.Findings);
    }

    [Fact]
    public void Still_refuses_an_empty_field_cell_with_no_heading_naming_a_field()
    {
        using MemoryStream file = RealWorld.Book(workbook => Projects(workbook)
            .Put(5, "一、续建项目")
            .Put(6, "1", "安源区新能源电池项目", "安源区", null, 10000, 12000));

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.CellRequiredEmpty, "D6"), (error.RuleId, error.Cell!));
    }

    [Fact]
    public void Reads_a_county_line_with_its_subtotal_above_its_projects_as_no_project()
    {
        using MemoryStream file = RealWorld.Book(workbook => Projects(workbook)
            .Put(5, null, "安源区", "安源区", null, 23000, 23800)
            .Put(6, "1", "安源区新能源电池项目", "安源区", "工业", 10000, 12000)
            .Put(7, "2", "安源区污水处理厂", "安源区", "生态环保", 5000, 3000)
            .Put(8, "3", "安源区人民医院综合楼", "安源区", "公共服务", 8000, 8800));

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal(3, outcome.Projects.Count);
        Assert.Equal((23000m, 23800m), (outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    [Fact]
    public void Reads_a_project_whose_name_only_contains_a_county_as_a_project()
    {
        using MemoryStream file = RealWorld.Book(workbook => Projects(workbook)
            .Put(5, "1", "安源区", "安源区", "重大基础设施", 10000, 9000)
            .Put(6, "2", "安源区污水处理厂", "安源区", null, 5000, 3000));

        IngestionOutcome outcome = RealWorld.Read(file);

        // "安源区" with a 领域 is a project (badly named, but stated as one); an empty 领域 with no heading is refused.
        Finding error = outcome.OnlyError();
        Assert.Equal((RuleIds.CellRequiredEmpty, "D6"), (error.RuleId, error.Cell!));
    }
}
