using System.Text.Json;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;
using Reporting.Tests.Briefings;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

/// <summary>The service reads the months before the period from the store: 环比 and the trend come with every report.</summary>
public sealed class IndicatorServiceHistoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-history-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<IndicatorReport> ComputeAsync(ReportingPeriod period, params Dataset[] datasets)
    {
        var store = new FolderReportStore(_root);
        var repository = new DatasetRepository(store);
        foreach (Dataset dataset in datasets)
        {
            Assert.True(await repository.SaveIfLatestAsync(dataset));
        }

        return await new IndicatorService(store, new ReportingOptions()).ComputeAsync(period);
    }

    [Fact]
    public async Task December_is_read_against_november_from_the_store()
    {
        IndicatorReport report = await ComputeAsync(December, TwoMonths.Month(TwoMonths.November, 800m, 950m, 900m), TwoMonths.Month(December, 1348m, 1000m, 900m));

        Assert.Equal(ComparisonBasis.Compared, report.Comparison!.Basis);
        Assert.Equal(TwoMonths.November, report.Comparison.PreviousPeriod);
        Assert.Equal(["丙项目"], report.Comparison.NewlyLagging.Select(p => p.Name));
        Assert.Equal(["甲项目"], report.Comparison.NoLongerLagging.Select(p => p.Name));
        Assert.Equal(12, report.Series.Count);

        using JsonDocument json = JsonDocument.Parse(IndicatorCatalog.ToJson(report));
        Assert.Equal("compared", json.RootElement.GetProperty("change.basis").GetString());
        Assert.Equal("2022-11", json.RootElement.GetProperty("change.previousPeriod").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("projects.byCounty.安源区.rank.change").GetInt32());
        Assert.Equal(598m, json.RootElement.GetProperty("projects.completed.change").GetDecimal());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("projects.series")[0].GetProperty("completionPct").ValueKind);
    }

    [Fact]
    public async Task A_month_without_data_before_it_gives_no_change_at_all()
    {
        IndicatorReport report = await ComputeAsync(December, TwoMonths.Month(new ReportingPeriod(2022, 10), 800m, 950m, 900m), TwoMonths.Month(December, 1348m, 1000m, 900m));

        Assert.Equal(ComparisonBasis.NoPreviousData, report.Comparison!.Basis);
        IReadOnlyDictionary<string, object?> values = IndicatorCatalog.Flatten(report);
        Assert.Null(values["projects.completionPct.changePp"]);
        Assert.Null(values["projects.count.change"]);
        Assert.Null(values["projects.byCounty.安源区.rank.change"]);
        Assert.Contains("上月（2022年1-11月）没有已接受的报送，环比各项为“—”", IndicatorTextReport.Render(report));
    }

    [Fact]
    public async Task January_is_never_compared_with_december_of_the_year_before()
    {
        var january = new ReportingPeriod(2023, 1);
        IndicatorReport report = await ComputeAsync(january, TwoMonths.Month(December, 1348m, 1000m, 900m), TwoMonths.Month(january, 80m, 90m, 100m) with { ReceivedAt = T0.AddDays(30) });

        Assert.Equal(ComparisonBasis.FirstMonthOfYear, report.Comparison!.Basis);
        Assert.Null(report.Comparison.PreviousPeriod);
        Assert.Null(IndicatorCatalog.Flatten(report)["projects.completed.change"]);
        Assert.Contains("2023年1月为年内首月", IndicatorTextReport.Render(report));
        Assert.Single(report.Series);
    }

    [Fact]
    public async Task The_text_report_shows_the_change_columns_and_the_month_s_summary()
    {
        IndicatorReport report = await ComputeAsync(December, TwoMonths.Month(TwoMonths.November, 800m, 950m, 900m), TwoMonths.Month(December, 1348m, 1000m, 900m));

        string text = IndicatorTextReport.Render(report);

        Assert.Contains("完成率较上月(个百分点)", text);
        Assert.Contains("上升1位", text);
        Assert.Contains("较2022年1-11月，完成率变化+19.9个百分点，本月完成投资0.06亿元", text);
        Assert.Contains("新增滞后1个，不再滞后1个。", text);
    }
}
