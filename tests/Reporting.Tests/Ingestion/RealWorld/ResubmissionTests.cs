using ClosedXML.Excel;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A second upload of the period replaces the first (the latest wins). A clerk who sends only the new projects as a
/// 补报 would drop the rest from the city's figures: the receipt says so, with a few names and what to do instead.
/// </summary>
public sealed class ResubmissionTests : IDisposable
{
    private readonly RealWorldPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    private static MemoryStream County(params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表");
        sheet.Put(1, "时间：2022年1-12月", null, null, null, "单位：万元");
        sheet.Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(3 + i, [i + 1, .. rows[i][..1], "安源区", .. rows[i][1..]]);
        }
    });

    [Fact]
    public async Task A_supplement_with_only_new_projects_replaces_the_first_upload_and_the_receipt_says_which_projects_dropped_out()
    {
        using MemoryStream first = County(
            ["安源区新能源电池项目", "工业", 10000, 12000],
            ["安源区污水处理厂", "生态环保", 5000, 3000],
            ["安源区城市更新工程", "重大基础设施", 8000, 6000],
            ["安源区职业教育园", "公共服务", 2000, 1000]);
        using MemoryStream supplement = County(["安源区物流园二期", "服务业", 3000, 500]);

        await _pipeline.Upload("anyuan", "安源区12月.xlsx", first);
        SubmissionReceipt receipt = await _pipeline.Upload("anyuan", "安源区补报.xlsx", supplement);
        IndicatorReport report = await _pipeline.Indicators(RealWorld.December2022);

        Assert.Equal(SubmissionResult.AcceptedWithWarnings, receipt.Status);
        Finding warning = Assert.Single(receipt.Findings, f => f.RuleId == RuleIds.ProjectsDroppedOnResubmission);
        Assert.Equal(("调度表", Severity.Warning), (warning.Sheet!, warning.Severity));
        Assert.Contains(
            "本期此前已报送的《安源区12月.xlsx》中有4个项目本次没有（“安源区新能源电池项目”、“安源区污水处理厂”、“安源区城市更新工程”等）。"
                + "以最后一次报送为准，这些项目将不再计入；如本次只是补报新增项目，请把全部项目放在同一张表中重新报送。",
            warning.Message,
            StringComparison.Ordinal);
        // The latest still wins: the figures are the supplement's, and the receipt has said so.
        Assert.Equal((1, 3000m), (report.Overall.Count, report.Overall.AnnualPlan));
    }

    [Fact]
    public async Task A_corrected_upload_with_every_project_again_says_nothing_about_dropped_projects()
    {
        using MemoryStream first = County(["安源区新能源电池项目", "工业", 10000, 12000], ["安源区污水处理厂", "生态环保", 5000, 3000]);
        using MemoryStream corrected = County(["安源区新能源电池项目", "工业", 10000, 12500], ["安源区污水处理厂", "生态环保", 5000, 3200], ["安源区物流园二期", "服务业", 3000, 500]);

        await _pipeline.Upload("anyuan", "安源区12月.xlsx", first);
        SubmissionReceipt receipt = await _pipeline.Upload("anyuan", "安源区12月（更正）.xlsx", corrected);

        Assert.Equal(SubmissionResult.Accepted, receipt.Status);
        Assert.DoesNotContain(receipt.Findings, f => f.RuleId == RuleIds.ProjectsDroppedOnResubmission);
    }
}
