using Reporting.Core;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Briefings;

/// <summary>环比 in the briefing's words, in every branch: up, down, level, and nothing to compare.</summary>
public sealed class MonthOnMonthCompositionTests
{
    [Fact]
    public void The_headline_says_how_far_completion_rose_since_last_month()
    {
        BriefingDocument document = TwoMonths.Compose(TwoMonths.NovemberToDecember());

        // 2650 / 3000 = 88.33% in November, 3248 / 3000 = 108.27% in December: +19.93 points.
        Assert.Equal(
            "2022年1-12月，全市二大领域3项重大项目完成年计划投资的108.3%，快于序时进度8.3个百分点，较上月提高19.9个百分点。",
            TwoMonths.Text(document, "总体情况").Split("。")[0] + "。");
        Assert.Contains("累计完成投资0.32亿元，其中12月完成投资598万元", TwoMonths.Text(document, "总体情况"));
    }

    [Fact]
    public void A_lower_resubmitted_figure_reads_as_a_fall_and_a_decrease_never_as_negative_investment()
    {
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(TwoMonths.November, 1000m, 1000m, 1000m), TwoMonths.Month(December, 990m, 1000m, 1000m));

        string text = TwoMonths.Text(TwoMonths.Compose(report), "总体情况");

        Assert.Contains("较上月下降0.3个百分点", text);
        Assert.Contains("较上月减少10万元", text);
        Assert.DoesNotContain("完成投资−", text);
    }

    [Fact]
    public void The_same_figures_as_last_month_read_as_level()
    {
        // 甲 stays at 50% (red both months); 乙 and 丙 finished their plans by November.
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(TwoMonths.November, 500m, 1000m, 1000m), TwoMonths.Month(December, 500m, 1000m, 1000m));

        BriefingDocument document = TwoMonths.Compose(report);

        Assert.Contains("，与上月持平。", TwoMonths.Text(document, "总体情况"));
        Assert.Contains("12月无新增完成投资", TwoMonths.Text(document, "总体情况"));
        Assert.Contains("与上月相比，各县区排名均与上月持平。", TwoMonths.Text(document, "分县区推进情况"));
        Assert.Contains("与上月相比，滞后项目数量持平；新增滞后项目0个，不再滞后项目0个。", TwoMonths.Text(document, "需关注的问题"));
    }

    [Fact]
    public void Rank_moves_are_named_and_the_tables_gain_the_change_columns()
    {
        BriefingDocument document = TwoMonths.Compose(TwoMonths.NovemberToDecember());

        Assert.Contains("与上月相比，安源区排名上升1位，湘东区排名下降1位。", TwoMonths.Text(document, "分县区推进情况"));
        Table counties = TwoMonths.Blocks(document, "分县区推进情况").OfType<Table>().Single();
        Assert.Equal(["完成率\n较上月", "排名\n变化"], counties.Columns.Skip(7).Select(c => c.Header));
        Assert.Equal(["安源区", "2", "0.20", "0.22", "112.4%", "+12.4", "1", "+27.4", "↑1"], counties.Rows[0].Cells);
        Assert.Equal(["湘东区", "1", "0.10", "0.10", "100.0%", "0.0", "2", "+5.0", "↓1"], counties.Rows[1].Cells);
        Assert.Equal("+19.9", counties.Rows[^1].Cells[7]);
    }

    [Fact]
    public void The_county_chart_sets_each_bar_against_last_month_and_a_trend_chart_follows_the_overview()
    {
        BriefingDocument document = TwoMonths.Compose(TwoMonths.NovemberToDecember());

        BarChart counties = TwoMonths.Blocks(document, "分县区推进情况").OfType<BarChart>().Single();
        Assert.True(counties.Paired);
        Assert.Equal(("12月", "11月"), (counties.CurrentLegend, counties.PreviousLegend));
        Assert.Equal([85m, 95m], counties.Bars.Select(b => b.PreviousValue));
        Assert.False(TwoMonths.Blocks(document, "分领域推进情况").OfType<BarChart>().Single().Paired);

        LineChart trend = TwoMonths.Blocks(document, "总体情况").OfType<LineChart>().Single();
        Assert.Equal(12, trend.Categories.Count);
        Assert.Equal("图1　全市重大项目累计完成年计划投资比例与序时进度（2022年1-12月）", trend.Caption);
        LineSeries completion = trend.Series.Single(s => s.Style == LineStyle.Data);
        Assert.Equal([.. Enumerable.Repeat<decimal?>(null, 10), 2650m / 3000m * 100m, 3248m / 3000m * 100m], completion.Values);
        Assert.Equal("108.3%", completion.ValueLabels[11]);
        Assert.Equal(100m, trend.Series.Single(s => s.Style == LineStyle.Reference).Values[11]);
    }

    [Fact]
    public void When_nothing_lags_any_more_the_section_still_says_what_cleared()
    {
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(TwoMonths.November, 500m, 1000m, 1000m), TwoMonths.Month(December, 1000m, 1000m, 1000m));

        Assert.Equal(
            "本期无完成率慢于序时进度10个百分点以上的项目。与上月相比，滞后项目减少1个；新增滞后项目0个，不再滞后项目1个（甲项目）。",
            TwoMonths.Text(TwoMonths.Compose(report), "需关注的问题"));
    }

    [Fact]
    public void Newly_and_no_longer_lagging_projects_are_counted_and_named()
    {
        string text = TwoMonths.Text(TwoMonths.Compose(TwoMonths.NovemberToDecember()), "需关注的问题");

        Assert.Contains("与上月相比，滞后项目数量持平；新增滞后项目1个（丙项目），不再滞后项目1个（甲项目）。", text);
    }

    [Fact]
    public void January_says_nothing_about_last_month_and_draws_no_trend()
    {
        var january = new ReportingPeriod(2022, 1);
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(new ReportingPeriod(2021, 12), 1000m, 1000m, 1000m), TwoMonths.Month(january, 50m, 90m, 100m));

        BriefingDocument document = TwoMonths.Compose(report);

        string all = string.Concat(document.Texts());
        Assert.DoesNotContain("上月", all);
        Assert.Empty(TwoMonths.Blocks(document, "总体情况").OfType<LineChart>());
        Assert.Equal(7, TwoMonths.Blocks(document, "分县区推进情况").OfType<Table>().Single().Columns.Count);
        Assert.False(TwoMonths.Blocks(document, "分县区推进情况").OfType<BarChart>().Single().Paired);
    }

    [Fact]
    public void A_previous_month_without_data_drops_every_comparison_cleanly()
    {
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(new ReportingPeriod(2022, 10), 700m, 800m, 800m), TwoMonths.Month(December, 1348m, 1000m, 900m));

        BriefingDocument document = TwoMonths.Compose(report);

        Assert.DoesNotContain("上月", string.Concat(document.Texts()));
        Assert.Equal(7, TwoMonths.Blocks(document, "分县区推进情况").OfType<Table>().Single().Columns.Count);

        // The trend still draws the months that have data, with a gap for November.
        LineSeries completion = TwoMonths.Blocks(document, "总体情况").OfType<LineChart>().Single().Series.Single(s => s.Style == LineStyle.Data);
        Assert.Null(completion.Values[10]);
        Assert.NotNull(completion.Values[9]);
    }

    [Fact]
    public void Signings_say_how_many_were_added_since_last_month()
    {
        Dataset november = Signings("swj", Signing(20_000m), Signing(5_000m)) with { Period = TwoMonths.November };
        Dataset december = Signings("swj", Signing(20_000m), Signing(5_000m), Signing(12_000m), Signing(3_000m));
        IndicatorReport report = TwoMonths.Report(TwoMonths.Month(TwoMonths.November, 800m, 950m, 900m), november, TwoMonths.Month(December, 1348m, 1000m, 900m), december);

        Assert.Contains("与上月相比，签约项目增加2个，其中亿元以上1个，签约金额增加1.5亿元。", TwoMonths.Text(TwoMonths.Compose(report), "招商引资"));
    }

    [Fact]
    public void Beyond_the_limit_only_the_projects_furthest_behind_are_named_and_the_rest_counted()
    {
        var rows = Enumerable.Range(1, 30)
            .Select(i => Project($"项目{i:D2}", 1000m, 10m * i, county: i % 2 == 0 ? "安源区" : "湘东区", code: $"P-{i}"))
            .ToArray();
        IndicatorReport report = IndicatorEngine.Compute(December, [Projects("anyuan", rows)], new IndicatorOptions());

        BriefingDocument document = TwoMonths.Compose(report, laggingListLimit: 5);

        Table table = TwoMonths.Blocks(document, "需关注的问题").OfType<Table>().Single();
        Assert.Equal(["项目01", "项目02", "项目03", "项目04", "项目05"], table.Rows.Select(r => r.Cells[1]));
        Assert.Contains(new Subheading("（一）红色预警项目（共30个，列出最滞后的5个）"), TwoMonths.Blocks(document, "需关注的问题"));
        Assert.Contains(
            "限于篇幅，上表仅列慢于序时进度最多的5个项目，其余红色预警25个等25个项目（含县区、领域、完成情况和存在问题）详见附件《滞后项目清单》。",
            TwoMonths.Text(document, "需关注的问题"));
        Assert.DoesNotContain("项目06", string.Concat(document.Texts()));
    }

    [Fact]
    public void Red_and_yellow_beyond_the_limit_are_both_counted()
    {
        // 30 projects from 42% to 100% of plan against 100% 序时: 14 red (below 70%), 11 yellow (70% to 90%), 5 not lagging.
        var rows = Enumerable.Range(1, 30).Select(i => Project($"项目{i:D2}", 1000m, 400m + (20m * i), code: $"P-{i}")).ToArray();
        IndicatorReport report = IndicatorEngine.Compute(December, [Projects("anyuan", rows)], new IndicatorOptions());

        BriefingDocument document = TwoMonths.Compose(report, laggingListLimit: 16);
        string text = TwoMonths.Text(document, "需关注的问题");

        // The sixteen furthest behind: all fourteen reds, then the two yellows furthest behind, each colour in its own list.
        Assert.Equal([14, 2], TwoMonths.Blocks(document, "需关注的问题").OfType<Table>().Select(t => t.Rows.Count));
        Assert.Contains(new Subheading("（一）红色预警项目（14个）"), TwoMonths.Blocks(document, "需关注的问题"));
        Assert.Contains(new Subheading("（二）黄色预警项目（共11个，列出最滞后的2个）"), TwoMonths.Blocks(document, "需关注的问题"));
        Assert.Contains("上表仅列慢于序时进度最多的16个项目，其余黄色预警9个等9个项目", text);
    }

    [Fact]
    public void Within_the_limit_the_red_and_yellow_lists_stay_as_they_were()
    {
        BriefingDocument document = TwoMonths.Compose(PingxiangSample.Report());

        Assert.Equal(2, TwoMonths.Blocks(document, "需关注的问题").OfType<Table>().Count());
        Assert.DoesNotContain("限于篇幅", TwoMonths.Text(document, "需关注的问题"));
    }

    [Theory]
    [InlineData(2, "↑2")]
    [InlineData(-1, "↓1")]
    [InlineData(0, "持平")]
    [InlineData(null, "—")]
    public void Rank_moves_fit_a_narrow_column(int? placesUp, string expected) => Assert.Equal(expected, Display.RankMove(placesUp));

    [Theory]
    [InlineData(2, "上升2位")]
    [InlineData(-1, "下降1位")]
    [InlineData(0, "持平")]
    [InlineData(null, "—")]
    public void Rank_changes_print_in_the_office_register(int? placesUp, string expected) => Assert.Equal(expected, Display.RankChange(placesUp));
}
