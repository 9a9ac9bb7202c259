using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

/// <summary>The duplicate check across sheets and keys (reworked for speed; behaviour pinned here).</summary>
public sealed class DuplicateCheckTests
{
    [Fact]
    public void Warns_once_when_both_code_and_name_repeat_and_names_the_first_sheet_and_row()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook =>
        {
            workbook.AddWorksheet("续建")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "2201-360300-04-01-000001", "萍乡大道", "安源区", "重大基础设施", 1000, 500);
            workbook.AddWorksheet("新建")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "2201-360300-04-01-000002", "湘东陶瓷园", "湘东区", "工业", 1000, 500)
                .Put(4, "2201-360300-04-01-000001", "萍乡大道", "安源区", "重大基础设施", 1000, 500)
                .Put(5, "2201-360300-04-01-000003", "湘东 陶瓷园", "湘东", "工业", 1000, 500);
        });

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted);
        Finding[] duplicates = [.. outcome.Findings.Where(f => f.RuleId == RuleIds.ProjectDuplicate)];
        Assert.Equal([("新建", "B4"), ("新建", "B5")], duplicates.Select(f => (f.Sheet!, f.Cell!)));
        Assert.Contains("与工作表“续建”第3行的项目重复（项目代码相同）", duplicates[0].Message, StringComparison.Ordinal);
        Assert.Contains("与第3行的项目重复（项目名称和县区相同）", duplicates[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_case_codes_are_the_same_code()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "ab-01", "甲项目", "安源区", "工业", 10, 5)
            .Put(4, "AB-01", "乙项目", "安源区", "工业", 10, 5));

        Finding duplicate = TestWorkbooks.Read(file).Single(RuleIds.ProjectDuplicate);

        Assert.Equal("B4", duplicate.Cell);
        Assert.Contains("项目代码相同", duplicate.Message, StringComparison.Ordinal);
    }
}
