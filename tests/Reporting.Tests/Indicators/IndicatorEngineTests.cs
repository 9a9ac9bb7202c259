using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

public sealed class IndicatorEngineTests
{
    private static readonly IndicatorOptions s_options = new();

    private static IndicatorReport Compute(params Dataset[] datasets) => IndicatorEngine.Compute(December, datasets, s_options);

    [Fact]
    public void Completion_is_completed_over_plan_and_the_gap_is_against_the_schedule()
    {
        IndicatorReport report = IndicatorEngine.Compute(
            new ReportingPeriod(2022, 6),
            [Dataset(DatasetKind.Projects, "anyuan", T0, new ReportingPeriod(2022, 6)) with
            {
                Projects = [Project("甲", 1000m, 1500m), Project("乙", 3000m, 2544m)],
            }],
            s_options);

        Assert.Equal(2, report.Overall.Count);
        Assert.Equal(4000m, report.Overall.AnnualPlan);
        Assert.Equal(4044m, report.Overall.Completed);
        Assert.Equal(101.1m, report.Overall.CompletionPct);
        Assert.Equal(50m, report.SchedulePct);
        Assert.Equal(51.1m, report.Overall.ScheduleGapPp);
        Assert.Equal("101.1%", Display.Percent(report.Overall.CompletionPct));
        Assert.Equal("+51.1", Display.SignedPoints(report.Overall.ScheduleGapPp));
    }

    [Theory]
    [InlineData(12, "100")]
    [InlineData(3, "25")]
    [InlineData(6, "50")]
    public void Schedule_is_month_over_twelve(int month, string expected) =>
        Assert.Equal(D(expected), Percentages.Schedule(new ReportingPeriod(2022, month)));

    [Fact]
    public void January_schedule_is_not_rounded_before_the_gap_is_taken()
    {
        decimal schedule = Percentages.Schedule(new ReportingPeriod(2023, 1));

        Assert.Equal("8.3%", Display.Percent(schedule));
        Assert.NotEqual(8.3m, schedule);

        // 8.35% complete is 0.0166… points ahead: shows as 0.0, never as the 0.1 of rounded − rounded (8.4 − 8.3).
        decimal gap = 8.35m - schedule;
        Assert.Equal("0.0", Display.SignedPoints(gap));
    }

    [Fact]
    public void A_zero_plan_gives_a_dash_not_a_crash()
    {
        IndicatorReport report = Compute(Projects("anyuan", Project("前期项目", 0m, 0m)));

        Assert.Null(report.Overall.CompletionPct);
        Assert.Null(report.Overall.ScheduleGapPp);
        Assert.Null(report.ByCounty[0].Rank);
        Assert.Equal("—", Display.Percent(report.Overall.CompletionPct));
        Assert.Empty(report.Lagging);
    }

    [Fact]
    public void No_datasets_give_an_empty_report_with_dashes()
    {
        IndicatorReport report = Compute();

        Assert.Equal(0, report.Overall.Count);
        Assert.Null(report.Overall.CompletionPct);
        Assert.Null(report.StartRatePct);
        Assert.Null(report.Signings);
        Assert.Empty(report.Metrics);
        Assert.Empty(report.Sources);
    }

    [Fact]
    public void Counties_are_ranked_by_unrounded_completion_and_ties_share_a_rank()
    {
        IndicatorReport report = Compute(Projects(
            "fgw",
            Project("a", 100m, 150m, county: "安源区"),
            Project("b", 100m, 120m, county: "湘东区"),
            Project("c", 200m, 240m, county: "莲花县"),
            Project("d", 100m, 90m, county: "上栗县"),
            Project("e", 10000m, 11999m, county: "芦溪县")));

        Dictionary<string, int?> ranks = report.ByCounty.ToDictionary(g => g.Key, g => g.Rank);
        Assert.Equal(1, ranks["安源区"]);
        Assert.Equal(2, ranks["湘东区"]);
        Assert.Equal(2, ranks["莲花县"]);

        // 119.99% displays as 120.0% but is below 120%: the rank follows the unrounded value.
        Assert.Equal(4, ranks["芦溪县"]);
        Assert.Equal(5, ranks["上栗县"]);
    }

    [Fact]
    public void Counties_follow_the_customary_order_not_the_alphabet()
    {
        IndicatorReport report = Compute(Projects(
            "fgw",
            Project("a", 1m, 1m, county: "武功山风景名胜区"),
            Project("b", 1m, 1m, county: "安源区"),
            Project("c", 1m, 1m, county: "萍乡经开区")));

        Assert.Equal(["安源区", "萍乡经开区", "武功山风景名胜区"], report.ByCounty.Select(g => g.Key));
    }

    [Fact]
    public void Levels_overlap_and_each_level_is_summed_over_its_own_projects()
    {
        IndicatorReport report = Compute(Projects(
            "anyuan",
            Project("both", 1000m, 1500m, levels: [ProjectLevels.Provincial, ProjectLevels.ProvincialLargeMedium]),
            Project("large", 1000m, 1200m, levels: [ProjectLevels.ProvincialLargeMedium]),
            Project("plain", 1000m, 800m)));

        GroupProgress provincial = Assert.Single(report.ByLevel, g => g.Key == ProjectLevels.Provincial);
        GroupProgress large = Assert.Single(report.ByLevel, g => g.Key == ProjectLevels.ProvincialLargeMedium);
        Assert.Equal(1, provincial.Figures.Count);
        Assert.Equal(150m, provincial.Figures.CompletionPct);
        Assert.Equal(2, large.Figures.Count);
        Assert.Equal(135m, large.Figures.CompletionPct);
        Assert.DoesNotContain(report.ByLevel, g => g.Key == ProjectLevels.P5020);
        Assert.Equal(3, report.Overall.Count);
    }

    [Fact]
    public void Start_rate_counts_new_builds_and_projects_planned_to_start_this_year()
    {
        ProjectRecord newBuildStarted = Project("新建已开工", 1m, 1m) with { Nature = "新建", Started = true };
        ProjectRecord newBuildNotStarted = Project("新建未开工", 1m, 0m) with { Nature = "新建", Started = false };
        ProjectRecord plannedThisYearWithDate = Project("计划今年开工", 1m, 1m) with { Nature = "续建", PlannedStart = new DateOnly(2022, 5, 1), ActualStart = new DateOnly(2022, 6, 1) };
        ProjectRecord plannedThisYearDateAfterPeriod = Project("实际开工日期在期后", 1m, 0m) with { PlannedStart = new DateOnly(2022, 3, 1), ActualStart = new DateOnly(2023, 2, 1) };
        ProjectRecord continuing = Project("续建", 1m, 1m) with { Nature = "续建", PlannedStart = new DateOnly(2021, 3, 1), Started = true };

        IndicatorReport report = Compute(Projects("anyuan", newBuildStarted, newBuildNotStarted, plannedThisYearWithDate, plannedThisYearDateAfterPeriod, continuing));

        Assert.Equal(4, report.PlannedNewStarts);
        Assert.Equal(2, report.StartedNewStarts);
        Assert.Equal(50m, report.StartRatePct);
    }

    [Fact]
    public void A_new_build_planned_to_start_next_year_is_next_years_plan_and_one_delayed_from_last_year_stays_in_this_years()
    {
        ProjectRecord thisYear = Project("新建今年开工", 1m, 1m) with { Nature = "新建", PlannedStart = new DateOnly(2022, 4, 1), Started = true };
        ProjectRecord nextYear = Project("拟明年开工", 1m, 0m) with { Nature = "新建", PlannedStart = new DateOnly(2023, 3, 1), Started = false };
        ProjectRecord delayed = Project("去年计划今年仍未开工", 1m, 0m) with { Nature = "新建", PlannedStart = new DateOnly(2021, 10, 1), Started = false };

        IndicatorReport report = Compute(Projects("anyuan", thisYear, nextYear, delayed));

        Assert.Equal(2, report.PlannedNewStarts);
        Assert.Equal(1, report.StartedNewStarts);
        Assert.Equal(50m, report.StartRatePct);
    }

    [Fact]
    public void Start_rate_is_missing_when_no_new_start_was_planned()
    {
        IndicatorReport report = Compute(Projects("anyuan", Project("续建", 1m, 1m) with { Nature = "续建" }));

        Assert.Equal(0, report.PlannedNewStarts);
        Assert.Null(report.StartRatePct);
        Assert.Equal("—", Display.Percent(report.StartRatePct));
    }

    [Theory]
    [InlineData("90", "yellow")]
    [InlineData("90.01", null)]
    [InlineData("80", "yellow")]
    [InlineData("70", "yellow")]
    [InlineData("69.99", "red")]
    [InlineData("0", "red")]
    [InlineData("134.8", null)]
    public void Lagging_is_yellow_from_minus_10_to_minus_30_points_and_red_below(string completed, string? expected)
    {
        IndicatorReport report = Compute(Projects("anyuan", Project("项目", 100m, D(completed))));

        LagSeverity? severity = report.Lagging.Count == 0 ? null : report.Lagging[0].Severity;
        Assert.Equal(expected, severity switch { LagSeverity.Red => "red", LagSeverity.Yellow => "yellow", _ => null });
    }

    [Fact]
    public void Lagging_thresholds_come_from_the_options()
    {
        var strict = new IndicatorOptions { YellowGapPp = -5m, RedGapPp = -15m };

        IndicatorReport report = IndicatorEngine.Compute(
            December, [Projects("anyuan", Project("慢一点", 100m, 94m), Project("很慢", 100m, 84m), Project("正常", 100m, 96m))], strict);

        Assert.Equal(["很慢", "慢一点"], report.Lagging.Select(p => p.Name));
        Assert.Equal([LagSeverity.Red, LagSeverity.Yellow], report.Lagging.Select(p => p.Severity));
    }

    [Fact]
    public void Lagging_list_is_red_first_then_furthest_behind_with_the_stated_issue()
    {
        IndicatorReport report = Compute(Projects(
            "luxi",
            Project("黄1", 100m, 85m) with { Issues = "资金未到位", ResponsibleUnit = "县发改委" },
            Project("红1", 100m, 60m),
            Project("红2", 100m, 20m),
            Project("黄2", 100m, 75m)));

        Assert.Equal(["红2", "红1", "黄2", "黄1"], report.Lagging.Select(p => p.Name));
        LaggingProject yellow = report.Lagging[3];
        Assert.Equal("资金未到位", yellow.Issues);
        Assert.Equal("县发改委", yellow.ResponsibleUnit);
        Assert.Equal(-15m, yellow.ScheduleGapPp);
        Assert.Equal("luxi", yellow.Department);
    }

    [Fact]
    public void Signings_count_over_100m_at_the_boundary_and_group_by_region()
    {
        IndicatorReport report = Compute(Signings(
            "swj",
            Signing(10000m, "粤港澳大湾区"),
            Signing(9999.99m, "长三角"),
            Signing(60000m, "长三角", is5020: true),
            Signing(500m, null),
            Signing(2000m, "其他")));

        SigningSummary signings = report.Signings!;
        Assert.Equal(5, signings.Count);
        Assert.Equal(2, signings.Over100mCount);
        Assert.Equal(1, signings.P5020Count);
        Assert.Equal(82499.99m, signings.Amount);
        Assert.Equal(["粤港澳大湾区", "长三角", "其他", "未注明"], signings.ByRegion.Select(r => r.Region));
        Assert.Equal(new RegionSignings("长三角", 2, 69999.99m), signings.ByRegion[1]);
    }

    [Fact]
    public void A_reported_growth_rate_takes_precedence_over_the_ratio_of_levels()
    {
        IndicatorReport report = Compute(Metrics(
            "gxj",
            Metric("电子信息产业工业增加值", value: 953000m, prior: 721000m, yoy: 24.7m, share: 12.24m, sharePrior: 8.36m, unit: "万元"),
            Metric("市场主体户数", value: 246600m, prior: 200000m, unit: "户", row: 5)));

        MetricIndicator electronics = report.Metrics[0];
        Assert.Equal(24.7m, electronics.YoyPct);
        Assert.True(electronics.YoyIsReported);
        Assert.Equal(3.88m, electronics.ShareChangePp);

        // From the unrounded shares: 12.24 − 8.36 = 3.88 → 3.9, although the rounded shares (12.2, 8.4) differ by 3.8.
        Assert.Equal("3.9个百分点", Display.PointsMagnitude(electronics.ShareChangePp));
        Assert.Equal("提高", Display.RiseOrFall(electronics.ShareChangePp!.Value));

        MetricIndicator entities = report.Metrics[1];
        Assert.Equal(23.3m, entities.YoyPct);
        Assert.False(entities.YoyIsReported);
        Assert.Equal("23.3%", Display.Growth(entities.YoyPct, entities.YoyIsReported));
        Assert.Null(entities.ShareChangePp);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-50")]
    public void Growth_over_a_zero_or_negative_base_is_missing(string prior)
    {
        IndicatorReport report = Compute(Metrics("gxj", Metric("锂电产业利润", value: 100m, prior: D(prior))));

        Assert.Null(report.Metrics[0].YoyPct);
        Assert.Equal("—", Display.Growth(report.Metrics[0].YoyPct, reported: false));
    }

    // 由盈转亏: a profit of 1.5亿元 last year and a loss of 2.1亿元 now is no "−240%" growth.
    [Fact]
    public void Growth_into_a_loss_is_missing()
    {
        IndicatorReport report = Compute(Metrics("gxj", Metric("锂电产业利润", value: -2.1m, prior: 1.5m)));

        Assert.Null(report.Metrics[0].YoyPct);
        Assert.Equal("—", Display.Growth(report.Metrics[0].YoyPct, reported: false));
    }

    [Fact]
    public void A_metric_reported_by_two_departments_is_taken_from_the_latest_and_reported()
    {
        Dataset older = Metrics("gxj", Metric("5G基站数", value: 2000m, unit: "个"));
        Dataset newer = Metrics("scjgj", Metric("5G基站数", value: 2295m, unit: "个")) with { ReceivedAt = T0.AddHours(1) };

        IndicatorReport report = Compute(older, newer);

        MetricIndicator metric = Assert.Single(report.Metrics);
        Assert.Equal(2295m, metric.Value);
        Finding warning = Assert.Single(report.Warnings);
        Assert.Equal(IndicatorEngine.MetricDuplicateRule, warning.RuleId);
        Assert.Contains("gxj", warning.Message);
        Assert.Contains("scjgj", warning.Message);
    }

    [Fact]
    public void Only_the_latest_submission_of_a_department_counts()
    {
        Dataset first = Projects("anyuan", T0, Project("甲", 100m, 50m));
        Dataset resubmitted = Projects("anyuan", T0.AddDays(1), Project("甲", 100m, 95m));

        IndicatorReport report = Compute(resubmitted, first);

        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(95m, report.Overall.Completed);
        SourceNote source = Assert.Single(report.Sources);
        Assert.Equal(T0.AddDays(1), source.ReceivedAt);
    }

    [Fact]
    public void Datasets_of_another_period_are_ignored()
    {
        Dataset november = Dataset(DatasetKind.Projects, "anyuan", T0, new ReportingPeriod(2022, 11)) with { Projects = [Project("甲", 100m, 50m)] };

        IndicatorReport report = Compute(november);

        Assert.Equal(0, report.Overall.Count);
    }
}

public sealed class IndicatorEngineRobustnessTests
{
    [Fact]
    public void A_hand_edited_dataset_with_null_lists_and_rows_is_counted_without_crashing()
    {
        const string Json = """
            {
              "kind": "projects", "period": "2022-12", "department": "anyuan", "sourceFile": "a.xlsx",
              "archivePath": "archive/a.xlsx", "sha256": "00", "receivedAt": "2023-01-05T09:00:00+08:00",
              "projects": [ null, { "name": "甲", "county": "安源区", "field": "工业", "annualPlan": 100, "completed": 90,
                                    "levels": null, "source": { "sheet": "S", "row": 5 } } ],
              "signings": null,
              "metrics": null
            }
            """;
        Dataset dataset = System.Text.Json.JsonSerializer.Deserialize<Dataset>(Json, ReportingJson.Options)!;

        IndicatorReport report = IndicatorEngine.Compute(Build.December, [dataset], new IndicatorOptions());

        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(90m, report.Overall.CompletionPct);
        Assert.Empty(report.ByLevel);
        Assert.Equal(LagSeverity.Yellow, Assert.Single(report.Lagging).Severity);
    }
}

public sealed class IndicatorOptionsTests
{
    [Fact]
    public void Breakdown_order_follows_the_ingestion_vocabulary_unless_configured()
    {
        var ingestion = new IngestionOptions { Fields = [new VocabularyEntry("生态环保"), new VocabularyEntry("工业")] };

        IndicatorOptions fromVocabulary = new IndicatorOptions().WithOrdersFrom(ingestion);
        IndicatorOptions configured = new IndicatorOptions { FieldOrder = ["工业", "生态环保"] }.WithOrdersFrom(ingestion);

        Assert.Equal(["生态环保", "工业"], fromVocabulary.FieldOrder);
        Assert.Equal(IndicatorDefaults.Counties, fromVocabulary.CountyOrder);
        Assert.Equal(["工业", "生态环保"], configured.FieldOrder);
    }

    [Theory]
    [InlineData("-10", "-30", true)]
    [InlineData("-30", "-10", false)]
    [InlineData("5", "-30", false)]
    public void Thresholds_are_checked_at_start_up(string yellow, string red, bool valid)
    {
        var options = new IndicatorOptions { YellowGapPp = Build.D(yellow), RedGapPp = Build.D(red) };

        Assert.Equal(valid, options.Problems().Count == 0);
    }

    [Fact]
    public void A_red_threshold_above_the_yellow_one_fails_configuration_with_a_clear_message()
    {
        var options = new Reporting.Core.Configuration.ReportingOptions { Indicators = new IndicatorOptions { YellowGapPp = -30m, RedGapPp = -10m } };

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => Reporting.Core.Configuration.ReportingConfiguration.Validate(options));
        Assert.Contains("RedGapPp", error.Message);
    }
}
