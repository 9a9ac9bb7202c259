using System.Text.Json;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

public sealed class CatalogTests
{
    private static IndicatorReport Sample() => IndicatorEngine.Compute(
        December,
        [
            Projects(
                "anyuan",
                Project("甲", 1000m, 1348m, county: "安源区", field: "工业", levels: [ProjectLevels.Provincial]),
                Project("乙", 3000m, 1500m, county: "湘东区", field: "农业") with { Issues = "征地未完成" }),
            Signings("swj", Signing(12000m, "长株潭", is5020: true)),
            Metrics("jrb", Metric("制造业贷款余额", value: 1471800m, prior: 1101800m, yoy: 33.56m, unit: "万元")),
        ],
        new IndicatorOptions());

    [Fact]
    public void Flattens_to_the_ids_of_the_domain_model()
    {
        IReadOnlyDictionary<string, object?> values = IndicatorCatalog.Flatten(Sample());

        Assert.Equal(2, values["projects.count"]);
        Assert.Equal(4000m, values["projects.annualPlan"]);
        Assert.Equal(2848m, values["projects.completed"]);
        Assert.Equal(71.2m, values["projects.completionPct"]);
        Assert.Equal(100m, values["projects.schedulePct"]);
        Assert.Equal(-28.8m, values["projects.scheduleGapPp"]);
        Assert.Equal(134.8m, values["projects.byCounty.安源区.completionPct"]);
        Assert.Equal(1, values["projects.byCounty.安源区.rank"]);
        Assert.Equal(2, values["projects.byField.农业.rank"]);
        Assert.Equal(1, values["projects.level.省重点.count"]);
        Assert.False(values.ContainsKey("projects.level.省重点.rank"));
        Assert.Equal(1, values["signings.count"]);
        Assert.Equal(1, values["signings.over100mCount"]);
        Assert.Equal(1, values["signings.p5020Count"]);
        Assert.Equal(12000m, values["signings.amount"]);
        Assert.Equal(1471800m, values["metrics.制造业贷款余额.value"]);
        Assert.Equal(33.56m, values["metrics.制造业贷款余额.yoyPct"]);
        Assert.Null(values["metrics.制造业贷款余额.shareChangePp"]);
        LaggingProject lagging = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<LaggingProject>>(values["projects.lagging"]));
        Assert.Equal("乙", lagging.Name);
    }

    [Fact]
    public void Json_keeps_unrounded_percentages_and_writes_missing_values_as_null()
    {
        IndicatorReport report = IndicatorEngine.Compute(
            December, [Projects("anyuan", Project("甲", 3000m, 1000m), Project("乙", 0m, 0m, county: "湘东区"))], new IndicatorOptions());

        using JsonDocument json = JsonDocument.Parse(IndicatorCatalog.ToJson(report));
        JsonElement root = json.RootElement;

        Assert.Equal(33.333333333333333333333333m, decimal.Round(root.GetProperty("projects.completionPct").GetDecimal(), 24));
        Assert.True(root.GetProperty("projects.completionPct").GetRawText().Length > 20);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("projects.byCounty.湘东区.completionPct").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("projects.byCounty.湘东区.rank").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("signings.count").ValueKind);
        Assert.Equal("red", root.GetProperty("projects.lagging")[0].GetProperty("severity").GetString());
        Assert.Equal("100", root.GetProperty("projects.schedulePct").GetRawText());
    }
}
