namespace Reporting.SampleData;

/// <summary>
/// One row of a department's 经济运行指标表, as written: <see cref="Unit"/> is the sheet's unit
/// (亿元 amounts become 万元 on ingestion). Rates in percent; null where the department left it blank.
/// </summary>
internal sealed record SampleMetric(
    string Department, string Name, string Unit, decimal Value, decimal? Prior, decimal? YoyReported, decimal? Share, decimal? SharePrior, string? Note);

/// <summary>
/// The metrics the seed publishes, reported the way each department would. 电子信息 growth is at
/// comparable prices (24.7%) while its current-price levels grow 32.2%: the reported rate must win.
/// Its share goes from 8.36% to 12.24%, +3.88 points, published as 提高3.9个百分点 although the
/// rounded shares (12.2, 8.4) differ by 3.8. 市场主体户数 has no reported rate: 267,561 against
/// 217,000 is exactly +23.3%.
/// </summary>
internal static class SampleMetrics
{
    public static IReadOnlyList<SampleMetric> All { get; } =
    [
        new("gxj", "电子信息产业工业增加值", "亿元", 95.32m, 72.10m, 24.7m, 12.24m, 8.36m, "增速按可比价计算；比重为占规上工业增加值比重"),
        new("gxj", "锂电产业营业收入", "亿元", 203.50m, 50.00m, 307m, null, null, null),
        new("gxj", "锂电产业利润", "亿元", 14.75m, 5.00m, 195m, null, null, null),
        new("gxj", "亿元以上技改项目数", "个", 93m, 78m, null, null, null, "当年实施"),
        new("gxj", "为企业减负金额", "亿元", 32m, 28.60m, null, null, null, "含减税降费、降低要素成本等"),
        new("gxj", "5G基站数", "个", 2295m, 1480m, null, null, null, "累计建成"),
        new("jrb", "各项贷款余额", "亿元", 1658.36m, 1468.90m, 12.9m, null, null, null),
        new("jrb", "制造业贷款余额", "亿元", 147.18m, 110.20m, 33.56m, null, null, "本外币"),
        new("scjgj", "市场主体户数", "户", 267_561m, 217_000m, null, null, null, "实有户数"),
        new("scjgj", "其中：企业户数", "户", 58_312m, 47_950m, null, null, null, null),
    ];
}
