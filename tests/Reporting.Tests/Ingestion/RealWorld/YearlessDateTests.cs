using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A date written without a year (11月11日, 11-11, 11/11, 11.11, or a date Excel shows as 11月11日) is the reporting
/// period's year, said at the cell; never the computer's year. One rule for every date column.
/// </summary>
public sealed class YearlessDateTests
{
    private static MemoryStream Signings(object? signedOn, string period = "2022年1-12月", Action<IXLCell>? format = null) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("签约项目")
            .Put(1, $"{period}招商引资签约项目表", null, null, null, "单位：万元")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额")
            .Put(3, 1, "中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000)
            .Put(4, 2, "安源区智能装备项目", "安源区", signedOn, 3000);
        format?.Invoke(sheet.Cell(4, 4));
    });

    [Theory]
    [InlineData("11月11日")]
    [InlineData("11月11号")]
    [InlineData("11-11")]
    [InlineData("11/11")]
    [InlineData("11.11")]
    [InlineData(11.11)]
    public void Reads_a_signing_date_without_a_year_in_the_periods_year_and_says_so(object written)
    {
        using MemoryStream file = Signings(written);

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).Accepted();

        Assert.Equal(new DateOnly(2022, 11, 11), outcome.Signings[1].SignedOn);
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((RuleIds.DateYearMissing, "D4"), (warning.RuleId, warning.Cell));
        Assert.Equal(
            $"工作表“签约项目”D4单元格（签约时间）的值“{Convert.ToString(written, System.Globalization.CultureInfo.InvariantCulture)}”未写年份，按报告期年份读作2022年11月11日；如不是，请注明年份。",
            warning.Message);
    }

    [Fact]
    public void Reads_a_date_Excel_shows_without_a_year_in_the_periods_year_not_the_year_it_was_typed_in()
    {
        // Typed "11月11日" in 2026: Excel stores 2026-11-11 and shows 11月11日.
        using MemoryStream file = Signings(new DateTime(2026, 11, 11), format: cell => cell.Style.NumberFormat.Format = "m\"月\"d\"日\"");

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).Accepted();

        Assert.Equal(new DateOnly(2022, 11, 11), outcome.Signings[1].SignedOn);
        Assert.Equal(RuleIds.DateYearMissing, Assert.Single(outcome.Findings).RuleId);
    }

    [Fact]
    public void Takes_the_year_from_the_sheets_period_when_the_upload_names_none()
    {
        using MemoryStream file = Signings("12月31日");

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Accepted();

        Assert.Equal(new DateOnly(2022, 12, 31), outcome.Signings[1].SignedOn);
        Assert.Contains("按报告期年份读作2022年12月31日", Assert.Single(outcome.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yearless_signing_after_the_period_is_not_counted_and_the_warning_quotes_what_was_typed()
    {
        using MemoryStream file = Signings("11月11日", period: "2022年1-6月");

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: new ReportingPeriod(2022, 6)).Accepted();

        Assert.Equal(new DateOnly(2022, 11, 11), outcome.Signings[1].SignedOn);
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal(
            "工作表“签约项目”D4单元格（签约时间）的值“11月11日”未写年份，按报告期年份读作2022年11月11日，不在报告期2022年1-6月内，该项目不计入本期新签约项目数和签约金额。如签约时间填错，请更正后重新上传。",
            warning.Message);
        Assert.Equal(RuleIds.SigningOutsidePeriod, warning.RuleId);
    }

    [Fact]
    public void Reads_a_projects_start_date_without_a_year_by_the_same_rule()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("项目表")
            .Put(1, "时间：2022年1-12月", null, null, "单位：万元")
            .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "实际开工时间", "计划竣工时间")
            .Put(3, "安源区新能源电池项目", "安源区", "工业", 25000, 24300, "3月15日", "2023年6月"));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal((new DateOnly(2022, 3, 15), true), (outcome.Projects[0].ActualStart, outcome.Projects[0].Started));
        Assert.Equal(
            "工作表“项目表”F3单元格（实际开工时间）的值“3月15日”未写年份，按报告期年份读作2022年3月15日；如不是，请注明年份。",
            Assert.Single(outcome.Findings).Message);
    }

    [Fact]
    public void A_number_like_11_point_1_is_not_guessed_as_a_month_and_day()
    {
        using MemoryStream file = Signings(11.1);

        Finding error = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.CellNotDate, error.RuleId);
        Assert.Contains("不是可识别的日期。签约项目须填写签约时间", error.Message, StringComparison.Ordinal);
    }
}
