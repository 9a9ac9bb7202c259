using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Briefings;

public sealed class BriefingComposerTests
{
    private static BriefingDocument Compose(IndicatorReport report, IReadOnlyList<DepartmentSubmissionStatus>? submissions = null, BriefingOptions? briefing = null)
    {
        ReportingOptions options = PingxiangSample.Options();
        return BriefingComposer.Compose(report, submissions ?? PingxiangSample.Submissions(), briefing ?? options.Briefing, options, 12, PingxiangSample.IssueDate);
    }

    private static string SectionText(BriefingDocument document, string title) =>
        string.Concat(document.Sections.Single(s => s.Title == title).Blocks.OfType<Paragraph>().Select(p => p.PlainText));

    private static ProgressFigures Progress(int count, decimal completion, decimal schedule) => new()
    {
        Count = count,
        AnnualPlan = 100_000m,
        Completed = 1_000m * completion,
        CompletionPct = completion,
        ScheduleGapPp = completion - schedule,
    };

    [Fact]
    public void Headline_sentence_reads_like_the_seed()
    {
        BriefingDocument document = Compose(PingxiangSample.Report());

        Paragraph headline = (Paragraph)document.Sections[0].Blocks[0];
        Assert.Equal(
            "2022年1-12月，全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点；其中46个省重点项目完成年计划投资的138.7%，201个省大中型项目完成年计划投资的148.4%。",
            headline.PlainText);
        Assert.Contains(new TextRun("134.8%", RunStyle.Figure), headline.Runs);
        Assert.Contains(new TextRun("34.8个百分点", RunStyle.Figure), headline.Runs);
    }

    [Fact]
    public void Headline_says_behind_schedule_when_completion_trails_it()
    {
        IndicatorReport report = PingxiangSample.Report() with { SchedulePct = 50m, Overall = Progress(380, 45.16m, 50m) };

        string text = ((Paragraph)Compose(report).Sections[0].Blocks[0]).PlainText;

        Assert.Contains("完成年计划投资的45.2%，慢于序时进度4.8个百分点；", text);
    }

    [Fact]
    public void Headline_says_level_with_schedule_when_the_rounded_gap_is_zero()
    {
        IndicatorReport report = PingxiangSample.Report() with { SchedulePct = 50m, Overall = Progress(380, 50.04m, 50m) };

        string text = ((Paragraph)Compose(report).Sections[0].Blocks[0]).PlainText;

        Assert.Contains("完成年计划投资的50.0%，与序时进度持平；", text);
        Assert.DoesNotContain("快于", text);
        Assert.DoesNotContain("慢于", text);
    }

    [Fact]
    public void Headline_leaves_out_a_level_whose_figure_is_missing_and_the_其中_clause_when_none_remains()
    {
        IndicatorReport oneLevel = PingxiangSample.Report() with
        {
            ByLevel = [PingxiangSample.Report().ByLevel[0], new GroupProgress { Key = ProjectLevels.ProvincialLargeMedium, Figures = new ProgressFigures { Count = 0, AnnualPlan = 0, Completed = 0 } }],
        };
        IndicatorReport noLevels = PingxiangSample.Report() with { ByLevel = [] };

        string one = ((Paragraph)Compose(oneLevel).Sections[0].Blocks[0]).PlainText;
        string none = ((Paragraph)Compose(noLevels).Sections[0].Blocks[0]).PlainText;

        Assert.EndsWith("；其中46个省重点项目完成年计划投资的138.7%。", one);
        Assert.DoesNotContain("省大中型", one);
        Assert.EndsWith("快于序时进度34.8个百分点。", none);
        Assert.DoesNotContain("其中", none);
    }

    [Fact]
    public void Municipal_and_5020_levels_follow_in_the_second_paragraph_not_the_headline()
    {
        IndicatorReport report = PingxiangSample.Report() with
        {
            ByLevel =
            [
                .. PingxiangSample.Report().ByLevel,
                new GroupProgress { Key = ProjectLevels.Municipal, Figures = Progress(100, 102.14m, 100m) },
                new GroupProgress { Key = ProjectLevels.P5020, Figures = Progress(15, 141.4m, 100m) },
            ],
        };

        List<Paragraph> paragraphs = Compose(report).Sections[0].Blocks.OfType<Paragraph>().ToList();

        Assert.EndsWith("201个省大中型项目完成年计划投资的148.4%。", paragraphs[0].PlainText);
        Assert.Equal(
            "全市重大项目年度计划投资685亿元，累计完成投资923.38亿元；100个市重点项目完成年计划投资的102.1%，15个“5020”项目完成年计划投资的141.4%；计划新开工项目118个，已开工112个，开工率94.9%。",
            paragraphs[1].PlainText);
    }

    [Fact]
    public void Number_of_fields_is_spelled_from_the_data()
    {
        IndicatorReport threeFields = PingxiangSample.Report() with { ByField = PingxiangSample.Report().ByField.Take(3).ToArray() };

        Assert.StartsWith("2022年1-12月，全市三大领域380项", ((Paragraph)Compose(threeFields).Sections[0].Blocks[0]).PlainText);
    }

    [Fact]
    public void Sections_follow_the_domain_order_and_are_numbered_without_gaps()
    {
        BriefingDocument full = Compose(PingxiangSample.Report());
        BriefingDocument noProjects = Compose(PingxiangSample.Report() with
        {
            Overall = new ProgressFigures { Count = 0, AnnualPlan = 0, Completed = 0 },
            ByCounty = [],
            ByField = [],
            ByLevel = [],
            Lagging = [],
        });

        Assert.Equal(
            ["一、总体情况", "二、分县区推进情况", "三、分领域推进情况", "四、招商引资", "五、产业运行", "六、需关注的问题", "七、报送情况"],
            full.Sections.Select(s => s.Heading));
        Assert.Equal(["一、总体情况", "二、招商引资", "三、产业运行", "四、报送情况"], noProjects.Sections.Select(s => s.Heading));
        Assert.Equal("2022年1-12月，本期未收到重大项目调度数据。", SectionText(noProjects, "总体情况"));
    }

    [Fact]
    public void County_section_names_the_top_and_bottom_units_and_tables_all_seven_with_a_total()
    {
        BriefingDocument document = Compose(PingxiangSample.Report());
        Section section = document.Sections[1];
        Table table = section.Blocks.OfType<Table>().Single();
        BarChart chart = section.Blocks.OfType<BarChart>().Single();

        Assert.Equal("分县区看，完成年计划投资比例最高的是湘东区（145.0%），最低的是莲花县（118.0%）；7个县区均快于序时进度。", SectionText(document, "分县区推进情况"));
        Assert.Equal("表1　分县区重大项目推进情况", table.Caption);
        Assert.Equal(PingxiangSample.Counties.Append("全市"), table.Rows.Select(r => r.Cells[0]));
        Assert.Equal(["湘东区", "58", "98.00", "142.10", "145.0%", "+45.0", "1"], table.Rows[1].Cells);
        Assert.Equal(TableRowKind.Total, table.Rows[^1].Kind);
        Assert.Equal(PingxiangSample.Counties, chart.Bars.Select(b => b.Category));
        Assert.Equal(100m, chart.ReferenceValue);
        Assert.Equal("序时进度100.0%", chart.ReferenceLabel);
        Assert.Equal("图1　各县区完成年计划投资比例", chart.Caption);
    }

    [Fact]
    public void County_summary_counts_units_ahead_and_behind_and_names_the_few_behind()
    {
        decimal schedule = 50m;
        GroupProgress[] counties =
        [
            new() { Key = "安源区", Figures = Progress(10, 62m, schedule), Rank = 1 },
            new() { Key = "湘东区", Figures = Progress(10, 55m, schedule), Rank = 2 },
            new() { Key = "莲花县", Figures = Progress(10, 50.01m, schedule), Rank = 3 },
            new() { Key = "上栗县", Figures = Progress(10, 41m, schedule), Rank = 4 },
        ];
        IndicatorReport report = PingxiangSample.Report() with { SchedulePct = schedule, ByCounty = counties };

        Assert.Equal(
            "分县区看，完成年计划投资比例最高的是安源区（62.0%），最低的是上栗县（41.0%）；2个县区快于序时进度，1个县区与序时进度持平，1个县区慢于序时进度（上栗县）。",
            SectionText(Compose(report), "分县区推进情况"));
    }

    [Fact]
    public void Signings_sentence_follows_the_seed_and_says_so_when_a_count_is_zero()
    {
        BriefingDocument document = Compose(PingxiangSample.Report());
        SigningSummary none5020 = PingxiangSample.Report().Signings! with { P5020Count = 0 };

        Assert.StartsWith(
            "2022年1-12月，全市新签约招商项目185个，其中亿元以上项目133个，“5020”项目23个；签约金额1265亿元。从来源地看，来自粤港澳大湾区的项目签约金额最大，62个项目签约485亿元，占38.3%。",
            SectionText(document, "招商引资"));
        Assert.Contains("，暂无“5020”项目；", SectionText(Compose(PingxiangSample.Report() with { Signings = none5020 }), "招商引资"));
        Assert.Equal("本期未收到招商引资签约数据。", SectionText(Compose(PingxiangSample.Report() with { Signings = null }), "招商引资"));
    }

    [Fact]
    public void Metric_sentences_carry_growth_share_and_the_change_in_share()
    {
        string text = SectionText(Compose(PingxiangSample.Report()), "产业运行");

        Assert.Contains("电子信息产业工业增加值同比增长24.7%，占规上工业比重达12.2%，较上年提高3.9个百分点。", text);
        Assert.Contains("锂电产业营业收入同比增长307%。", text);
        Assert.Contains("锂电产业利润同比增长195%。", text);
        Assert.Contains("亿元以上技改项目93个。", text);
        Assert.Contains("5G基站2295个。", text);
        Assert.Contains("制造业贷款余额147.18亿元，同比增长33.56%。", text);
        Assert.Contains("为企业减负32亿元。", text);
        Assert.Contains("市场主体户数同比增长23.3%。", text);
    }

    [Fact]
    public void Metric_sentences_adapt_to_decline_falling_share_computed_growth_and_missing_figures()
    {
        MetricIndicator[] metrics =
        [
            new() { Name = "规上工业增加值", Unit = "万元", YoyPct = -2.345m, YoyIsReported = false, SharePct = 40m, ShareChangePp = -1.26m, Department = "gxj" },
            new() { Name = "市场主体户数", Unit = "户", Value = 250_000m, YoyPct = 0.04m, YoyIsReported = false, Department = "scjgj" },
            new() { Name = "外贸进出口总额", Unit = "万元", Department = "swj" },
        ];

        string text = SectionText(Compose(PingxiangSample.Report() with { Metrics = metrics }), "产业运行");

        Assert.Equal(
            "规上工业增加值同比下降2.3%，占规上工业比重达40.0%，较上年下降1.3个百分点。市场主体250000户，与上年同期持平。",
            text);
    }

    [Fact]
    public void Lagging_section_counts_red_and_yellow_and_lists_each_with_its_unit_completion_and_issue()
    {
        BriefingDocument document = Compose(PingxiangSample.Report());
        Section section = document.Sections.Single(s => s.Title == "需关注的问题");
        Table[] tables = section.Blocks.OfType<Table>().ToArray();

        Assert.StartsWith("对照序时进度，全市共有5个项目完成率慢于序时进度10个百分点以上，其中红色预警（慢于30个百分点以上）2个，黄色预警3个。", SectionText(document, "需关注的问题"));
        Assert.Equal(["（一）红色预警项目（2个）", "（二）黄色预警项目（3个）"], section.Blocks.OfType<Subheading>().Select(s => s.Text));
        Assert.Equal(["1", "萍乡北站综合交通枢纽工程", "安源区", "市交通运输局", "52.4%", "−47.6", "征地拆迁未完成，站前广场未开工"], tables[0].Rows[0].Cells);
        Assert.Equal(3, tables[1].Rows.Count);
    }

    [Fact]
    public void Text_typed_into_cells_with_line_breaks_and_tabs_is_set_on_one_line()
    {
        LaggingProject project = PingxiangSample.Lagging()[0] with { Name = " 萍乡北站\r\n综合交通枢纽工程 ", Issues = "征地拆迁未完成；\n\t站前广场未开工", ResponsibleUnit = null, Owner = null };

        Table table = Compose(PingxiangSample.Report(lagging: [project])).Sections.Single(s => s.Title == "需关注的问题").Blocks.OfType<Table>().Single();

        Assert.Equal(["1", "萍乡北站 综合交通枢纽工程", "安源区", "—", "52.4%", "−47.6", "征地拆迁未完成； 站前广场未开工"], table.Rows[0].Cells);
    }

    [Fact]
    public void Lagging_section_says_there_is_nothing_to_report_when_no_project_lags()
    {
        Assert.Equal("本期无完成率慢于序时进度10个百分点以上的项目。", SectionText(Compose(PingxiangSample.Report(lagging: [])), "需关注的问题"));
    }

    [Fact]
    public void Submission_section_names_who_was_late_rejected_or_silent()
    {
        string text = SectionText(Compose(PingxiangSample.Report()), "报送情况");

        Assert.Equal(
            "本期应报送单位11个，按时报送8个，逾期报送1个，报送未通过审核1个，未报送1个。逾期报送的是莲花县（1月5日报送）；报送未通过审核、需修改后重报的是市金融办（错误3处）；尚未报送的是市市场监管局。",
            text);
    }

    [Fact]
    public void Submission_section_is_one_sentence_when_everyone_was_on_time_and_absent_without_statuses()
    {
        DepartmentSubmissionStatus[] onTime = PingxiangSample.Submissions().Select(s => s with { State = SubmissionState.OnTime }).ToArray();

        Assert.Equal("本期应报送单位11个，均已按时报送。", SectionText(Compose(PingxiangSample.Report(), onTime), "报送情况"));
        Assert.DoesNotContain(Compose(PingxiangSample.Report(), []).Sections, s => s.Title == "报送情况");
    }

    [Fact]
    public void Masthead_fields_and_distribution_come_from_the_options()
    {
        var briefing = new BriefingOptions { Title = "项目工作简报", Office = "某市发展改革委", IssueLabelFormat = "第{1}期", SendTo = " ", CadenceLabel = "月报" };

        BriefingDocument document = Compose(PingxiangSample.Report(), briefing: briefing);

        Assert.Equal("项目工作简报", document.Title);
        Assert.Equal("第12期", document.IssueLabel);
        Assert.Equal("某市发展改革委", document.Office);
        Assert.Equal("2023年1月6日", document.IssueDateLabel);
        Assert.Equal("月报", document.CadenceLabel);
        Assert.Equal("萍乡市2022年1-12月重大项目推进情况", document.Headline);
        Assert.Equal(["报", "发"], document.Distribution.Select(d => d.Label));
    }

    [Fact]
    public void Source_note_names_the_period_the_departments_and_that_figures_are_not_official_statistics()
    {
        string note = Compose(PingxiangSample.Report()).SourceNote!;

        Assert.StartsWith("说明：本简报数据来源于各县区和市直有关单位报送的2022年1-12月调度数据（重大项目调度表：安源区、湘东区", note);
        Assert.Contains("招商引资签约项目表：市商务局", note);
        Assert.Contains("经济运行指标表：市工信局、市金融办、市市场监管局", note);
        Assert.Contains("数据截至2023年1月5日", note);
        Assert.Contains("非统计部门正式发布数据", note);
    }

    [Fact]
    public void Composing_twice_gives_the_same_document()
    {
        BriefingDocument first = Compose(PingxiangSample.Report());
        BriefingDocument second = Compose(PingxiangSample.Report());

        Assert.Equal(first.Texts(), second.Texts());
    }
}
