using System.CommandLine;
using System.Text.Json;
using Reporting.Cli;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Cli;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "reporting-indicators-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    private async Task SeedAsync()
    {
        var repository = new DatasetRepository(new FolderReportStore(_store));
        await repository.SaveIfLatestAsync(Projects(
            "anyuan",
            Project("萍乡经开区5G电子科技园", 10000m, 13480m, levels: [ProjectLevels.Provincial]),
            Project("安源区城市更新项目", 10000m, 6000m, field: "公共服务") with { Issues = "征迁进度滞后", ResponsibleUnit = "区住建局" }));
        await repository.SaveIfLatestAsync(Metrics("jrb", Metric("制造业贷款余额", value: 1471800m, prior: 1102000m, yoy: 33.56m, unit: "万元")));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ParseResult parse = CliApp.CreateRootCommand().Parse(args);
        int code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("2022/12")]
    [InlineData("22-12")]
    public async Task A_bad_period_exits_with_bad_arguments_and_a_chinese_message(string period)
    {
        (int code, string output, string error) = await RunAsync("indicators", "--period", period, "--store", _store);

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Empty(output);
        Assert.Contains("YYYY-MM", error);
        Assert.Contains(period, error);
    }

    [Fact]
    public async Task A_missing_period_exits_with_bad_arguments()
    {
        (int code, _, string error) = await RunAsync("indicators", "--store", _store);

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Contains("--period", error);
    }

    [Fact]
    public async Task An_unknown_format_exits_with_bad_arguments()
    {
        (int code, _, string error) = await RunAsync("indicators", "--period", "2022-12", "--store", _store, "--format", "xml");

        Assert.Equal(CliApp.BadArguments, code);
        Assert.Contains("json 或 table", error);
    }

    [Fact]
    public async Task Json_is_keyed_by_indicator_ids_with_amounts_in_wan_and_unrounded_percentages()
    {
        await SeedAsync();

        (int code, string output, _) = await RunAsync("indicators", "--period", "2022-12", "--store", _store, "--format", "json");

        Assert.Equal(CliApp.Ok, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(2, root.GetProperty(IndicatorIds.ProjectsCount).GetInt32());
        Assert.Equal(20000m, root.GetProperty(IndicatorIds.ProjectsAnnualPlan).GetDecimal());
        Assert.Equal(97.4m, root.GetProperty(IndicatorIds.ProjectsCompletionPct).GetDecimal());
        Assert.Equal(134.8m, root.GetProperty("projects.level.省重点.completionPct").GetDecimal());
        Assert.Equal(33.56m, root.GetProperty("metrics.制造业贷款余额.yoyPct").GetDecimal());
        Assert.Equal("red", root.GetProperty(IndicatorIds.ProjectsLagging)[0].GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty(IndicatorIds.SigningsCount).ValueKind);
    }

    [Fact]
    public async Task The_table_shows_figures_through_display_with_chinese_names()
    {
        await SeedAsync();

        (int code, string output, _) = await RunAsync("indicators", "--period", "2022-12", "--store", _store);

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("2022年1-12月", output);
        Assert.Contains("97.4%", output);
        Assert.Contains("134.8%", output);
        Assert.Contains("安源区城市更新项目", output);
        Assert.Contains("征迁进度滞后", output);
        Assert.Contains("147.18亿元", output);
        Assert.Contains("33.56%", output);
        Assert.Contains("市金融办", output);
        Assert.Contains("未收到招商引资签约项目表", output);
    }

    [Fact]
    public async Task An_empty_store_prints_dashes_and_says_why()
    {
        (int code, string output, string error) = await RunAsync("indicators", "--period", "2022-12", "--store", _store);

        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("—", output);
        Assert.Contains("没有 2022-12 已接受的报表", error);
    }
}
