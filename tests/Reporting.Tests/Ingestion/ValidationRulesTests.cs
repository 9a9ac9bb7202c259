using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class ValidationRulesTests
{
    private static IngestionOutcome ReadProjects(params object?[][] rows) => TestWorkbooks.Read(TestWorkbooks.ProjectWorkbook(rows: rows));

    [Fact]
    public void Rejects_an_empty_required_cell_and_text_that_is_not_a_number()
    {
        IngestionOutcome outcome = ReadProjects([1, "一", null, "工业", "约100", 5, "是"]);

        Assert.False(outcome.Accepted);
        Finding empty = outcome.Single(RuleIds.CellRequiredEmpty);
        Assert.Equal(("C5", "县区", Severity.Error), (empty.Cell, empty.Header, empty.Severity));
        Assert.Equal("工作表“项目表”C5单元格（县区）为空，该项必须填写。", empty.Message);
        Finding notNumber = outcome.Single(RuleIds.CellNotNumber);
        Assert.Equal(("E5", "约100"), (notNumber.Cell, notNumber.Value));
    }

    [Fact]
    public void Rejects_unknown_county_and_field_after_alias_matching()
    {
        IngestionOutcome outcome = ReadProjects([1, "一", "宜春市", "旅游", 10, 5, "是"]);

        Assert.Equal("工作表“项目表”C5单元格（县区）的值“宜春市”不是已知的县区，请填写以下之一：安源区、湘东区、莲花县、上栗县、芦溪县、萍乡经开区、武功山风景名胜区。", outcome.Single(RuleIds.CountyUnknown).Message);
        Assert.Equal("D5", outcome.Single(RuleIds.FieldUnknown).Cell);
    }

    [Fact]
    public void Rejects_a_joint_project_naming_two_counties()
    {
        IngestionOutcome outcome = ReadProjects([1, "一", "安源区、湘东区", "工业", 10, 5, "是"]);

        outcome.Single(RuleIds.CountyUnknown);
    }

    [Fact]
    public void Warns_when_completed_exceeds_twice_the_annual_plan()
    {
        IngestionOutcome outcome = ReadProjects([1, "一", "安源区", "工业", 100, 250, "是"]);

        Assert.True(outcome.Accepted);
        Finding warning = outcome.Single(RuleIds.CompletedOver200Pct);
        Assert.Equal((Severity.Warning, "F5"), (warning.Severity, warning.Cell));
        Assert.Equal("工作表“项目表”F5单元格（累计完成投资）的值“250”（万元）超过年度计划投资100万元的200%（为250%），请核实。", warning.Message);
        Assert.Empty(ReadProjects([1, "一", "安源区", "工业", 100, 200, "是"]).Findings);
    }

    [Fact]
    public void Warns_when_a_project_marked_not_started_has_completed_investment()
    {
        IngestionOutcome outcome = ReadProjects([1, "一", "安源区", "工业", 100, 5, "否"]);

        Assert.True(outcome.Accepted);
        Assert.Equal("G5", outcome.Single(RuleIds.NotStartedButCompleted).Cell);
        Assert.False(outcome.Projects[0].Started);
    }

    [Fact]
    public void Excludes_total_rows_and_warns_when_a_total_is_off_by_more_than_half_a_percent()
    {
        IngestionOutcome outcome = ReadProjects(
            [null, "合计", null, null, 3000, 1000, null],
            [1, "一", "安源区", "工业", 1000, 500, "是"],
            [2, "二", "安源区", "工业", 2000, 510, "是"]);

        Assert.True(outcome.Accepted);
        Assert.Equal(2, outcome.Projects.Count);
        Finding mismatch = outcome.Single(RuleIds.TotalMismatch);
        Assert.Equal(("F5", "1000", Severity.Warning), (mismatch.Cell, mismatch.Value, mismatch.Severity));
        Assert.Equal("工作表“项目表”F5单元格（累计完成投资）的值“1000”为合计，但所含2行之和为1010，相差10（0.99%），超过0.5%，请核实合计或各行数据。", mismatch.Message);
    }

    [Fact]
    public void Checks_subtotals_against_their_own_section()
    {
        IngestionOutcome outcome = ReadProjects(
            [null, "一、工业", null, null, null, null, null],
            [1, "一", "安源区", "工业", 100, 50, "是"],
            [2, "二", "安源区", "工业", 100, 50, "是"],
            [null, "工业小计", null, null, 200, 100, null],
            [null, "二、农业", null, null, null, null, null],
            [3, "三", "安源区", "农业", 300, 30, "是"],
            [null, "农业小计", null, null, 300, 60, null],
            [null, "合计", null, null, 600, 130, null]);

        Assert.True(outcome.Accepted);
        Assert.Equal(3, outcome.Projects.Count);
        Finding[] mismatches = [.. outcome.Findings.Where(f => f.RuleId == RuleIds.TotalMismatch)];
        Assert.Equal(["F11", "E12"], mismatches.Select(f => f.Cell));
    }

    [Fact]
    public void Warns_about_duplicate_projects_by_code_or_by_name_and_county()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "2201-360300-04-01-000001", "萍乡大道", "安源区", "重大基础设施", 1000, 500)
            .Put(4, "2201-360300-04-01-000001", "萍乡大道二期", "安源区", "重大基础设施", 1000, 500)
            .Put(5, null, "萍乡 大道（二期）", "安源", "重大基础设施", 1000, 500));

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.True(outcome.Accepted);
        Finding[] duplicates = [.. outcome.Findings.Where(f => f.RuleId == RuleIds.ProjectDuplicate)];
        Assert.Equal(["B4", "B5"], duplicates.Select(f => f.Cell));
        Assert.Contains("项目代码相同", duplicates[0].Message, StringComparison.Ordinal);
        Assert.Contains("项目名称和县区相同", duplicates[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_when_a_cumulative_figure_is_lower_than_last_month()
    {
        ProjectRecord lastMonth = new()
        {
            Name = "一", County = "安源区", Field = "工业", AnnualPlan = 100, Completed = 80, Source = new SourceRef("项目表", 5),
        };

        IngestionOutcome outcome = TestWorkbooks.Read(
            TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "安源区", "工业", 100, 70, "是"], [2, "二", "安源区", "工业", 100, 70, "是"]]),
            previous: period => period == new ReportingPeriod(2022, 11) ? [lastMonth] : null);

        Assert.True(outcome.Accepted);
        Finding warning = outcome.Single(RuleIds.CumulativeDecreased);
        Assert.Equal("工作表“项目表”F5单元格（累计完成投资）的值“70”（万元）低于上月（2022年1-11月）报送的80万元；自年初累计数不应减少，请核实。", warning.Message);
    }

    [Fact]
    public void Reports_the_missing_required_columns_by_name()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "年度计划投资", "备注")
            .Put(3, "一", "安源区", 10, null));

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.False(outcome.Accepted);
        Assert.Equal("工作表“表”看起来是重大项目调度表，但缺少必填列：“所属领域”、“累计完成投资”。请按模板补齐这些列的表头（表头第2行）。", outcome.Single(RuleIds.ColumnRequiredMissing).Message);
    }

    [Fact]
    public void Rejects_an_unknown_kind_and_a_sheet_without_header()
    {
        using MemoryStream unknown = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("人员").Put(1, "姓名", "名称", "县区", "电话").Put(2, "张三", "x", "安源区", "123"));
        using MemoryStream noHeader = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("随便").Put(1, "你好").Put(2, 1, 2, 3));

        Assert.Equal(RuleIds.KindUnknown, Assert.Single(TestWorkbooks.Read(unknown).Findings).RuleId);
        Assert.Equal(RuleIds.HeaderMissing, Assert.Single(TestWorkbooks.Read(noHeader).Findings).RuleId);
    }

    [Fact]
    public void Reads_a_signing_sheet_with_regions_and_5020_flags()
    {
        using MemoryStream file = TestWorkbooks.Xlsx(workbook => workbook.AddWorksheet("签约")
            .Put(1, "2022年1-12月招商引资签约项目表")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（亿元）", "产业链", "来源地", "是否“5020”项目")
            .Put(3, 1, "中材锂电", "芦溪县", "2022年3月", 100, "锂电", "深圳", "是")
            .Put(4, 2, "某电子", "上栗县", new DateTime(2022, 5, 20), "8000万", "电子信息", "长沙", "否")
            .Put(5, null, "合计", null, null, 100.8, null, null, null));

        IngestionOutcome outcome = TestWorkbooks.Read(file, department: "swj");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal([DatasetKind.Signings], outcome.Kinds);
        Assert.Collection(
            outcome.Signings,
            s => Assert.Equal((1000000m, "粤港澳大湾区", true, new DateOnly(2022, 3, 1)), (s.Amount, s.SourceRegion!, s.Is5020, s.SignedOn!.Value)),
            s => Assert.Equal((8000m, "长株潭", false), (s.Amount, s.SourceRegion!, s.Is5020)));
    }

    [Fact]
    public void Lists_at_most_the_configured_number_of_findings_but_counts_them_all()
    {
        var options = Reporting.Cli.CliEnvironment.LoadOptions(null);
        options.Ingestion.MaxFindings = 3;
        object?[][] rows = [.. Enumerable.Range(1, 10).Select(i => new object?[] { i, "项目" + i, "外地", "工业", 10, 5, "是" })];

        IngestionOutcome outcome = TestWorkbooks.Read(TestWorkbooks.ProjectWorkbook(rows: rows), options: options);

        Assert.Equal((3, 10, true), (outcome.Findings.Count, outcome.ErrorCount, outcome.FindingsTruncated));
    }
}
