using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Briefings;

/// <summary>
/// Two months of a small city computed by the real engine: in November 安源区 (A at 80%, C at 90%) trails
/// 湘东区 (B at 95%) and A lags (yellow); in December A reaches 134.8% and B 100%, so 安源区 moves up to first,
/// A is no longer lagging and C (90% against 100% 序时) newly is.
/// </summary>
internal static class TwoMonths
{
    public static readonly ReportingPeriod November = new(2022, 11);

    public static Dataset Month(ReportingPeriod period, decimal a, decimal b, decimal c, DateTimeOffset? receivedAt = null) =>
        Dataset(DatasetKind.Projects, "anyuan", receivedAt ?? T0.AddDays(period.Month - 12), period) with
        {
            Projects =
            [
                Project("甲项目", 1000m, a, county: "安源区", field: "工业", code: "A-1") with { Issues = "资金未到位" },
                Project("乙项目", 1000m, b, county: "湘东区", field: "农业", code: "B-1"),
                Project("丙项目", 1000m, c, county: "安源区", field: "工业", code: "C-1") with { Issues = "征地拆迁" },
            ],
        };

    public static IndicatorReport Report(params Dataset[] datasets) =>
        IndicatorEngine.ComputeWithHistory(datasets.Max(d => d.Period), datasets, new IndicatorOptions());

    public static IndicatorReport NovemberToDecember() =>
        Report(Month(November, 800m, 950m, 900m), Month(December, 1348m, 1000m, 900m));

    public static BriefingDocument Compose(IndicatorReport report, int? laggingListLimit = null)
    {
        ReportingOptions options = PingxiangSample.Options();
        if (laggingListLimit is { } limit)
        {
            options.Briefing.LaggingListLimit = limit;
        }

        return BriefingComposer.Compose(report, [], options.Briefing, options, 12, PingxiangSample.IssueDate);
    }

    public static string Text(BriefingDocument document, string title) =>
        string.Concat(document.Sections.Single(s => s.Title == title).Blocks.OfType<Paragraph>().Select(p => p.PlainText));

    public static IEnumerable<Block> Blocks(BriefingDocument document, string title) => document.Sections.Single(s => s.Title == title).Blocks;
}
