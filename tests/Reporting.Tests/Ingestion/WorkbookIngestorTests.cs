using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class WorkbookIngestorTests
{
    [Fact]
    public void Reads_a_typical_project_sheet_with_title_period_unit_and_total_rows()
    {
        using MemoryStream file = TestWorkbooks.ProjectWorkbook(rows:
        [
            [null, "合计", null, null, 3000, 2500.5, null],
            [1, "☆萍乡大道改造", "安源", "重大基础设施", 1000, 1200.5, "是"],
            [2, "锂电新材料产业园", "萍乡经济技术开发区", "工业项目", 2000, 1300, "是"],
            [null, null, null, null, null, null, null],
            ["填表人：张三", null, "联系电话：0799-1234567"],
        ]);

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Empty(outcome.Findings);
        Assert.Equal(new ReportingPeriod(2022, 12), outcome.Period);
        Assert.Equal([DatasetKind.Projects], outcome.Kinds);
        Assert.Collection(
            outcome.Projects,
            p =>
            {
                Assert.Equal("萍乡大道改造", p.Name);
                Assert.Equal("安源区", p.County);
                Assert.Equal("重大基础设施", p.Field);
                Assert.Equal(1000m, p.AnnualPlan);
                Assert.Equal(1200.5m, p.Completed);
                Assert.Equal([ProjectLevels.Provincial], p.Levels);
                Assert.True(p.Started);
                Assert.Equal(new SourceRef("项目表", 6), p.Source);
            },
            p =>
            {
                Assert.Equal("萍乡经开区", p.County);
                Assert.Equal("工业", p.Field);
                Assert.Empty(p.Levels);
            });
    }

    [Fact]
    public void Rejects_negative_investment_with_cell_reference()
    {
        using MemoryStream file = TestWorkbooks.ProjectWorkbook(rows:
        [
            [1, "项目甲", "安源区", "工业", 1000, -50, "是"],
        ]);

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.False(outcome.Accepted);
        Finding finding = outcome.Single(RuleIds.ValueNegative);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("项目表", finding.Sheet);
        Assert.Equal("F5", finding.Cell);
        Assert.Equal("累计完成投资", finding.Header);
        Assert.Equal("-50", finding.Value);
        Assert.Equal("工作表“项目表”F5单元格（累计完成投资）的值“-50”为负数，投资额不能为负。", finding.Message);
    }
}
