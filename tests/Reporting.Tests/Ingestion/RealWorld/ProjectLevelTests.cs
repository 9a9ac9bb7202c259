using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>Levels and 建设性质 in the words clerks use, negations included: the briefing's 省重点 sentence and 开工率 rest on them.</summary>
public sealed class ProjectLevelTests
{
    private static IngestionOutcome Read(string column, params string[] values)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", column);
            for (int i = 0; i < values.Length; i++)
            {
                sheet.Put(3 + i, "项目" + (i + 1), "安源区", "工业", 1000, 500, values[i]);
            }
        });
        return RealWorld.Read(file);
    }

    [Fact]
    public void Reads_level_wording_and_never_counts_a_negation_as_the_level()
    {
        IngestionOutcome outcome = Read("项目级别", "省级重点", "非省重点", "市级重点", "省重点、非5020", "省重大").Accepted();

        Assert.Equal([["省重点"], [], ["市重点"], ["省重点"], []], outcome.Projects.Select(p => p.Levels.ToArray()));
        Finding warning = outcome.Single(RuleIds.LevelUnknown);
        Assert.Equal(("F7", "省重大"), (warning.Cell!, warning.Value!));
        Assert.Equal("工作表“调度表”F7单元格（项目级别）的值“省重大”中的“省重大”不是已知的项目级别（省重点、省大中型、市重点、5020），未计入任何级别。如是其中之一，请按此写法填写。", warning.Message);
    }

    [Fact]
    public void Reads_planned_new_starts_in_the_words_clerks_use_as_new_projects()
    {
        IngestionOutcome outcome = Read("建设性质", "计划新开工", "拟新开工", "新开工", "续建").Clean();

        Assert.Equal(["新建", "新建", "新建", "续建"], outcome.Projects.Select(p => p.Nature));
    }

    [Fact]
    public void Says_a_start_date_typed_as_2022_1_may_be_october()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "计划开工时间")
            .Put(3, "项目一", "安源区", "工业", 1000, 500, 2022.1)
            .Put(4, "项目二", "安源区", "工业", 1000, 500, 2022.3));

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal([new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 1)], outcome.Projects.Select(p => p.PlannedStart!.Value));
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.DateAmbiguous, "F3"), (warning.RuleId, warning.Cell!));
        Assert.Equal(
            "工作表“调度表”F3单元格（计划开工时间）的值“2022.1”可能是2022年1月，也可能是2022年10月（Excel 把 2022.10 这样的数字存成 2022.1），已按1月读取。请改写为 2022-10 或 2022年10月这样的文字。",
            warning.Message);
    }
}
