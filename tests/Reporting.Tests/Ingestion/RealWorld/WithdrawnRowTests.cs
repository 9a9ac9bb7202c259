using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A project or signing whose 备注 says it was withdrawn (已调出, 项目已取消) but whose row is still in the table: it would
/// be counted, and leaving it out would guess the office's decision, so the file is refused at the 备注 cell.
/// </summary>
public sealed class WithdrawnRowTests
{
    private static MemoryStream Projects(params (string Name, string? Remark)[] rows) => RealWorld.Book(workbook =>
    {
        var sheet = workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月", null, null, null, "单位：万元")
            .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "备注");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(3 + i, rows[i].Name, "安源区", "工业", 10000, 9000, rows[i].Remark);
        }
    });

    [Theory]
    [InlineData("已调出")]
    [InlineData("该项目已取消，已删除")]
    [InlineData("8月起调出调度清单")]
    [InlineData("已退库")]
    [InlineData("取消")]
    public void Refuses_a_project_whose_remark_says_it_was_withdrawn(string remark)
    {
        using MemoryStream file = Projects(("安源区新能源电池项目", null), ("安源区商贸物流园", remark));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "调度表", "F4"), (error.RuleId, error.Sheet, error.Cell));
        Assert.Equal(
            $"工作表“调度表”F4单元格（备注）的值“{remark}”说明该项目已调出或已取消，但这一行仍在表中，会被计入项目个数和投资额。"
            + "如该项目不再调度，请删除这一行；如仍应计入，请修改备注，然后重新上传。",
            error.Message);
    }

    [Theory]
    [InlineData("取消部分建设内容，调整为二期")]
    [InlineData("已开工，进展顺利")]
    [InlineData("资金已调出至二期")]
    public void Reads_a_remark_about_the_projects_content_as_a_remark(string remark)
    {
        using MemoryStream file = Projects(("安源区新能源电池项目", remark), ("安源区商贸物流园", null));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal(2, outcome.Projects.Count);
        Assert.DoesNotContain(outcome.Findings, f => f.RuleId == RuleIds.RowWithdrawn);
    }

    [Fact]
    public void Refuses_a_project_flagged_withdrawn_and_reads_one_flagged_no()
    {
        static MemoryStream Flagged(string flag) => RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月", null, null, null, "单位：万元")
            .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "是否调出")
            .Put(3, "安源区新能源电池项目", "安源区", "工业", 10000, 9000, "否")
            .Put(4, "安源区商贸物流园", "安源区", "服务业", 2000, 500, flag));
        using MemoryStream withdrawn = Flagged("是");
        using MemoryStream kept = Flagged("否");

        Finding error = RealWorld.Read(withdrawn, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "F4"), (error.RuleId, error.Cell));
        Assert.Contains("（是否调出）的值“是”说明该项目已调出", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, RealWorld.Read(kept, period: RealWorld.December2022).Accepted().Projects.Count);
    }

    [Fact]
    public void Refuses_a_signing_whose_remark_says_it_was_cancelled()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表（单位：万元）")
            .Put(2, "项目名称", "县区", "签约时间", "签约金额", "备注")
            .Put(3, "芦溪县电瓷产业园", "芦溪县", new DateTime(2022, 3, 1), 120000, null)
            .Put(4, "芦溪县新材料项目", "芦溪县", new DateTime(2022, 5, 9), 30000, "项目已取消"));

        Finding error = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "E4"), (error.RuleId, error.Cell));
    }
}
