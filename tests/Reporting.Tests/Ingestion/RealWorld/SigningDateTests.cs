using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>The office counts the signings of the period (its year, up to its month); one dated outside is kept, said, and not counted.</summary>
public sealed class SigningDateTests : IDisposable
{
    private readonly RealWorldPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Warns_at_a_signing_dated_outside_the_period_and_counts_only_the_periods_signings()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表", null, null, null, "单位：万元")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额")
            .Put(3, 1, "中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000)
            .Put(4, 2, "湘东区工业陶瓷项目", "湘东区", new DateTime(2021, 12, 28), 12000)
            .Put(5, 3, "安源区智能装备项目", "安源区", "2022-10-08", 8000)
            .Put(6, 4, "上栗县烟花物流园项目", "上栗县", "2023年1月5日", 20000));

        SubmissionReceipt receipt = await _pipeline.Upload("swj", "商务局.xlsx", file);
        IndicatorReport report = await _pipeline.Indicators(RealWorld.December2022);

        Assert.Equal((SubmissionResult.AcceptedWithWarnings, 4), (receipt.Status, receipt.Record.SigningCount));
        Finding[] warnings = [.. receipt.Findings.Where(f => f.RuleId == RuleIds.SigningOutsidePeriod)];
        Assert.Equal([("D4", "2021-12-28"), ("D6", "2023-01-05")], warnings.Select(f => (f.Cell!, f.Value!)));
        Assert.Equal(
            "工作表“签约项目”D4单元格（签约时间）的值“2021-12-28”不在报告期2022年1-12月内，该项目不计入本期新签约项目数和签约金额。如签约时间填错，请更正后重新上传。",
            warnings[0].Message);
        Assert.Equal((2, 58000m, 1), (report.Signings!.Count, report.Signings.Amount, report.Signings.Over100mCount));
    }
}
