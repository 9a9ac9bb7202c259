using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Round 5 of the red team: an opening balance left of the closing one, month and running-total pairs, one indicator
/// twice, the template's 示例 row and instructions sheet, projects marked out by a section, a status column or "出库",
/// "1万" in a 万元 column, and stock headers "12月末 | 上年同期末".
/// </summary>
public sealed class RedTeam5Tests
{
    private static readonly object?[][] s_three =
    [
        [1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000],
        [2, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000],
        [3, "安源区人民医院综合楼", "安源区", "社会民生", 8000, 8800],
    ];

    private static MemoryStream Metrics(string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("经济指标").Put(1, "萍乡市2022年1-12月主要经济指标").Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    private static MemoryStream Projects(string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表").Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    private static readonly string[] s_projectHeader = ["序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）"];

    [Fact]
    public void Takes_the_closing_balance_not_the_opening_one_left_of_it()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "年初余额", "12月末余额", "比年初增加", "同比增长（%）"],
            [1, "本外币各项存款余额", "亿元", 2650.2, 2980.5, 330.3, 12.5]);

        MetricRecord deposits = RealWorld.Read(file, department: "jrb", period: RealWorld.December2022).Clean().Metrics.Single();

        Assert.Equal((29805000m, (decimal?)12.5m), (deposits.Value!.Value, deposits.YoyReported));
    }

    [Fact]
    public void Reads_stock_headers_of_the_month_end_and_last_years_month_end()
    {
        using MemoryStream file = Metrics(["序号", "指标名称", "计量单位", "12月末", "上年同期末", "同比增长（%）"], [1, "市场主体总量", "户", 285000, 262000, 8.8]);

        MetricRecord entities = RealWorld.Read(file, department: "scjgj", period: RealWorld.December2022).Clean().Metrics.Single();

        Assert.Equal((285000m, (decimal?)262000m), (entities.Value!.Value, entities.Prior));
    }

    // "12月 | 同比 | 1-12月 | 同比": the growth printed was this month's (15.2), not the year's (24.6).
    [Fact]
    public void Takes_the_growth_beside_the_running_total_when_the_months_pair_comes_first()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "12月", "同比增长（%）", "1-12月", "同比增长（%）"],
            [1, "电子信息产业工业增加值", "亿元", 7.9, 15.2, 80.5, 24.6]);

        MetricRecord metric = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean().Metrics.Single();

        Assert.Equal((805000m, (decimal?)24.6m), (metric.Value!.Value, metric.YoyReported));
    }

    [Fact]
    public void Keeps_a_months_own_figure_apart_from_the_running_total_of_the_same_indicator()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期值", "上年同期", "同比增长（%）"],
            [1, "12月电子信息产业工业增加值", "亿元", 7.9, 6.85, 15.2],
            [2, "1-12月电子信息产业工业增加值", "亿元", 80.5, 64.6, 24.6]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal([("12月电子信息产业工业增加值", 79000m), ("电子信息产业工业增加值", 805000m)], outcome.Metrics.Select(m => (m.Name, m.Value!.Value)));
    }

    // Two offices' sections, or a 当月 sheet under the same names: the first copy was taken without a word.
    [Fact]
    public void Refuses_one_indicator_given_twice_with_different_figures_and_counts_agreeing_copies_once()
    {
        string[] header = ["序号", "指标名称", "单位", "本期值", "上年同期", "同比增长（%）"];
        using MemoryStream disagree = Metrics(header, ["一", "市统计局"], [1, "电子信息产业工业增加值", "亿元", 78.9, 64.6, 22.1], ["二", "市工信局"], [1, "电子信息产业工业增加值", "亿元", 80.5, 64.6, 24.6]);
        using MemoryStream agree = Metrics(header, [1, "电子信息产业工业增加值", "亿元", 80.5, 64.6, 24.6], [2, "电子信息产业工业增加值", "亿元", 80.5, 64.6, 24.6]);

        Finding error = RealWorld.Read(disagree, department: "gxj", period: RealWorld.December2022).OnlyError();
        IngestionOutcome once = RealWorld.Read(agree, department: "gxj", period: RealWorld.December2022).Accepted();

        Assert.Equal(RuleIds.MetricDuplicate, error.RuleId);
        Assert.StartsWith("工作表“经济指标”第7行的指标“电子信息产业工业增加值”与第5行重复，但数字不同（本期值805000与789000）", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, RuleIds.MetricDuplicate, Severity.Warning), (once.Metrics.Count, Assert.Single(once.Findings).RuleId, once.Findings[0].Severity));
    }

    [Fact]
    public void Leaves_out_the_templates_example_row_and_its_instructions_sheet()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("填报说明").Put(1, "填报说明").Put(3, s_projectHeader).Put(4, "例", "萍乡市XX区XX项目", "安源区", "工业", 5000, 4500);
            IXLWorksheet sheet = workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表").Put(3, s_projectHeader)
                .Put(4, "例", "安源区某某项目（示例，请勿删除格式）", "安源区", "工业", 5000, 4500);
            for (int i = 0; i < s_three.Length; i++)
            {
                sheet.Put(5 + i, s_three[i]);
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((3, 23000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
    }

    [Fact]
    public void Refuses_projects_listed_under_a_withdrawn_section()
    {
        using MemoryStream file = Projects(s_projectHeader, ["一", "正常推进项目"], s_three[0], s_three[1], ["二", "退库项目（1个）"], [1, "安源区商贸物流园", "安源区", "服务业", 4000, 1200]);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "B8"), (error.RuleId, error.Cell!));
        Assert.Contains("列在分组“退库项目”下", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目状态", "已退库")]
    [InlineData("项目状态", "终止实施")]
    [InlineData("项目状态", "不再纳入调度")]
    [InlineData("备注", "经市重点办同意，调整出库")]
    public void Refuses_a_project_its_status_or_remark_says_is_out(string column, string words)
    {
        using MemoryStream file = Projects([.. s_projectHeader, column], [.. s_three[0], "在建"], [4, "安源区商贸物流园", "安源区", "服务业", 4000, 1200, words]);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.RowWithdrawn, "G5", words), (error.RuleId, error.Cell!, error.Value!));
    }

    // "1万" in a 万元 column is 1 万元 by the column's unit, but 5,000× below its neighbours: asked, not read as 1.
    [Fact]
    public void Asks_about_a_figure_written_with_the_columns_own_unit_when_it_is_a_unit_slip()
    {
        using MemoryStream file = Projects(s_projectHeader, [1, "安源区新能源电池项目", "安源区", "工业", "1万", 12000], s_three[1], s_three[2], [4, "安源区商贸物流园", "安源区", "服务业", 4000, 1200]);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E4"), (error.RuleId, error.Cell!));
    }

    [Theory]
    [InlineData("（1）", "（2）", "安源区污水处理厂提标改造", "安源区城区污水管网")]
    [InlineData("①", "②", "安源区污水处理厂提标改造", "安源区城区污水管网")]
    [InlineData(null, null, "——污水处理厂提标改造", "——城区污水管网")]
    public void Counts_a_parent_once_when_its_parts_are_numbered_in_brackets_circled_or_dashed(string? first, string? second, string part1, string part2)
    {
        using MemoryStream file = Projects(s_projectHeader,
            s_three[0],
            [2, "安源区污水处理及管网项目", "安源区", "生态环保", 5000, 3000],
            [first, part1, "安源区", "生态环保", 3000, 2000],
            [second, part2, "安源区", "生态环保", 2000, 1000],
            [3, "安源区人民医院综合楼", "安源区", "社会民生", 8000, 8800]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal((3, 23000m, 23800m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
        Assert.Equal(RuleIds.SubProjects, Assert.Single(outcome.Findings).RuleId);
    }

    [Fact]
    public void Starts_no_sub_projects_across_a_section_row()
    {
        using MemoryStream file = Projects(s_projectHeader,
            ["一", "工业项目"], s_three[0],
            ["二", "生态环保项目"], ["（1）", "安源区污水处理厂", "安源区", "生态环保", 5000, 3000], ["（2）", "安源区城区污水管网", "安源区", "生态环保", 2000, 1000]);

        Assert.Equal(3, RealWorld.Read(file, period: RealWorld.December2022).Clean().Projects.Count);
    }

    // 商务局's 开工项目 sheet beside 签约项目: the same projects at a later stage were counted as 2 more signings.
    [Fact]
    public void Leaves_a_later_stage_sheet_out_of_the_signings_with_a_notice()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("签约项目").Put(1, "萍乡市2022年招商引资签约项目表").Put(2, "时间：2022年1-12月")
                .Put(3, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
                .Put(4, 1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000)
                .Put(5, 2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), 10000);
            workbook.AddWorksheet("开工项目").Put(1, "萍乡市2022年招商引资开工项目表")
                .Put(3, "序号", "项目名称", "县区", "开工时间", "计划总投资（万元）")
                .Put(4, 1, "光伏组件项目", "芦溪县", new DateTime(2022, 8, 1), 80000);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Accepted();

        Assert.Equal((2, 60000m), (outcome.Signings.Count, outcome.Signings.Sum(s => s.Amount)));
        Assert.Equal(RuleIds.SheetLaterStage, Assert.Single(outcome.Findings).RuleId);
    }

    // 商务局's "5020项目" sheet beside the full list: the sheet's name says its rows are 5020 projects.
    private static MemoryStream SigningsWith5020Sheet(string[] header, object?[] first, object?[] second) => RealWorld.Book(workbook =>
    {
        workbook.AddWorksheet("签约项目").Put(1, "萍乡市2022年招商引资签约项目表").Put(2, "时间：2022年1-12月").Put(3, header)
            .Put(4, first).Put(5, second);
        workbook.AddWorksheet("5020项目").Put(1, "萍乡市2022年“5020”项目签约情况")
            .Put(3, "序号", "项目名称", "县区", "签约时间", "签约金额（亿元）")
            .Put(4, 1, "粉末冶金项目", "上栗县", new DateTime(2022, 12, 20), 12);
    });

    [Fact]
    public void Refuses_a_signing_the_5020_sheet_lists_while_the_main_list_says_no()
    {
        using MemoryStream file = SigningsWith5020Sheet(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万元）", "是否5020项目"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000, "是"],
            [2, "粉末冶金项目", "上栗县", new DateTime(2022, 12, 20), 120000, "否"]);

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.ProjectDuplicateConflict, "5020项目", "B4"), (error.RuleId, error.Sheet!, error.Cell!));
        Assert.Contains("“是否5020项目”工作表“签约项目”第5行为否、本表第4行为是", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_a_signing_on_the_5020_sheet_as_5020_when_the_main_list_does_not_say()
    {
        using MemoryStream file = SigningsWith5020Sheet(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万元）"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000],
            [2, "粉末冶金项目", "上栗县", new DateTime(2022, 12, 20), 120000]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Accepted();

        Assert.Equal([false, true], outcome.Signings.Select(s => s.Is5020));
        Assert.Equal((2, 170000m), (outcome.Signings.Count, outcome.Signings.Sum(s => s.Amount)));
        Assert.Equal(RuleIds.ProjectDuplicate, Assert.Single(outcome.Findings).RuleId);
    }

    [Fact]
    public void Takes_an_adjusted_plan_where_it_is_filled_and_the_years_plan_elsewhere()
    {
        using MemoryStream file = Projects(
            ["序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "调整后计划（万元）", "累计完成投资（万元）"],
            [1, "安源区新能源电池项目", "安源区", "工业", 10000, null, 12000],
            [2, "安源区污水处理厂", "安源区", "生态环保", 5000, 4000, 3000],
            [3, "安源区人民医院综合楼", "安源区", "社会民生", 8000, null, 8800]);

        Assert.Equal([10000m, 4000m, 8000m], RealWorld.Read(file, period: RealWorld.December2022).Clean().Projects.Select(p => p.AnnualPlan));
    }

    [Theory]
    [InlineData("污水处理厂")]
    [InlineData("萍乡市安源区污水处理厂")]
    public void Counts_once_a_project_written_with_and_without_its_own_county_before_its_name(string other)
    {
        using MemoryStream file = Projects(s_projectHeader, s_three[0], s_three[1], s_three[2], [4, other, "安源区", "生态环保", 5000, 3000]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal((3, 23000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
        Assert.Equal(RuleIds.ProjectDuplicate, Assert.Single(outcome.Findings).RuleId);
    }

    [Fact]
    public void Keeps_a_projects_name_that_is_another_countys_apart()
    {
        using MemoryStream file = Projects(s_projectHeader, s_three[1], [2, "湘东区污水处理厂", "安源区", "生态环保", 5000, 3000], s_three[0]);

        Assert.Equal(3, RealWorld.Read(file, period: RealWorld.December2022).Clean().Projects.Count);
    }

    [Fact]
    public void Does_not_store_a_shares_points_change_as_its_growth()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期值", "上年同期", "同比增长（%）"],
            [1, "高新技术产业增加值占规上工业比重", "%", 38.5, 37.3, 1.2],
            [2, "工业投资占固定资产投资比重", "%", 45.2, 47.0, -1.8]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Accepted();

        Assert.All(outcome.Metrics, m => Assert.Null(m.YoyReported));
        Assert.Equal([RuleIds.PercentPoints, RuleIds.PercentPoints], outcome.Findings.Select(f => f.RuleId));
        Assert.EndsWith("比重、比率类指标请写“下降1.8个百分点”。", outcome.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_last_years_rate_from_a_points_change_column()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期", "比上年同期增减（个百分点）"],
            [1, "规上工业增加值增速", "%", 9.2, 0.7],
            [2, "工业用电量增速", "%", 6.1, -4.2],
            [3, "锂电产业营业收入", "亿元", 310.6, null]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal([8.5m, 10.3m, null], outcome.Metrics.Select(m => m.Prior));
        Assert.All(outcome.Metrics, m => Assert.Null(m.YoyReported));
    }

    [Fact]
    public void Refuses_a_points_change_that_disagrees_with_the_two_rates_beside_it()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期", "上年同期", "比上年同期增减（个百分点）"],
            [1, "规上工业增加值增速", "%", 9.2, 8.5, 0.7],
            [2, "工业用电量增速", "%", 6.1, 10.3, 4.2]);

        Finding error = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.PercentPointsMismatch, "F5"), (error.RuleId, error.Cell));
        Assert.Contains("6.1%与10.3%相差-4.2个百分点", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_running_total_marked_as_such_as_the_indicator_and_keeps_the_months_own_apart()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期值", "上年同期", "同比增长（%）"],
            [1, "电子信息产业工业增加值（当月）", "亿元", 7.9, 6.85, 15.2],
            [2, "电子信息产业工业增加值（累计）", "亿元", 80.5, 64.6, 24.6]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal(["电子信息产业工业增加值（当月）", "电子信息产业工业增加值"], outcome.Metrics.Select(m => m.Name));
    }

    [Fact]
    public void Asks_for_a_signed_growth_instead_of_a_triangle_mark()
    {
        using MemoryStream file = Metrics(["序号", "指标名称", "单位", "本期值", "同比增长（%）"], [1, "锂电产业利润", "亿元", 20.1, "△8.2"]);

        Finding error = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "E4"), (error.RuleId, error.Cell!));
        Assert.EndsWith("不是有效的百分比：“△”表示增减的方向，不能省略。请改写为带正负号的数，下降写作 -8.2，增长写作 8.2。", error.Message, StringComparison.Ordinal);
    }
}
