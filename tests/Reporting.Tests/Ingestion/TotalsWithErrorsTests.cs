using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class TotalsWithErrorsTests
{
    [Fact]
    public void A_total_covering_a_row_in_error_is_not_compared_so_the_clerk_sees_only_the_real_errors()
    {
        using var workbook = TestWorkbooks.ProjectWorkbook(rows:
        [
            [1, "湘东区污水处理厂扩建", "湘东区", "生态环保", 5000, 4000, "是"],
            [2, "麻山镇道路提升", "湘东区", "重大基础设施", 3000, "abc", "是"],
            ["合计", null, null, null, 8000, 6000, null],
        ]);

        IngestionOutcome outcome = TestWorkbooks.Read(workbook);

        Assert.False(outcome.Accepted);
        Assert.Equal("F6", outcome.Single(RuleIds.CellNotNumber).Cell);
        Assert.DoesNotContain(outcome.Findings, f => f.RuleId == RuleIds.TotalMismatch);
    }

    [Fact]
    public void A_total_over_clean_rows_is_still_checked()
    {
        using var workbook = TestWorkbooks.ProjectWorkbook(rows:
        [
            [1, "湘东区污水处理厂扩建", "湘东区", "生态环保", 5000, 4000, "是"],
            [2, "麻山镇道路提升", "湘东区", "重大基础设施", 3000, 2000, "是"],
            ["合计", null, null, null, 8000, 6500, null],
        ]);

        IngestionOutcome outcome = TestWorkbooks.Read(workbook, department: "xiangdong");

        Assert.True(outcome.Accepted);
        Assert.Equal("F7", outcome.Single(RuleIds.TotalMismatch).Cell);
    }
}
