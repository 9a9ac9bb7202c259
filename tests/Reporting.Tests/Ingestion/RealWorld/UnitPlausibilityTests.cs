using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Amounts with no unit stated anywhere are read in 万元, the template's unit; when most are too small for 万元 to be
/// believable and none is too large for 亿元 (a table kept in 亿元: 2.5, 2.43, 25), the sheet is refused with the question
/// instead of read 10,000× too small.
/// </summary>
public sealed class UnitPlausibilityTests
{
    private static MemoryStream Projects(string planHeader, string? note, params (double Plan, double Completed)[] rows) => RealWorld.Book(workbook =>
    {
        var sheet = workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月", null, null, note)
            .Put(3, "序号", "项目名称", "县区", "所属领域", planHeader, "累计完成投资");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, i + 1, $"安源区重点项目{i + 1}", "安源区", "工业", rows[i].Plan, rows[i].Completed);
        }
    });

    private static MemoryStream Signings(string amountHeader, params double[] amounts) => RealWorld.Book(workbook =>
    {
        var sheet = workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表")
            .Put(2, "序号", "项目名称", "县区", "签约时间", amountHeader);
        for (int i = 0; i < amounts.Length; i++)
        {
            sheet.Put(3 + i, i + 1, $"签约项目{i + 1}", "芦溪县", new DateTime(2022, 3, 1), amounts[i]);
        }
    });

    [Fact]
    public void Refuses_a_projects_table_with_no_unit_anywhere_whose_every_figure_looks_like_yiyuan()
    {
        using MemoryStream file = Projects("年度计划投资", null, (1, 0.98), (0.8, 0.75), (0.5, 0.5), (0.2, 0.2));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "调度表", "E3"), (error.RuleId, error.Sheet, error.Cell));
        Assert.Equal(
            "工作表“调度表”E3单元格（年度计划投资）未注明单位（表头、单位行和表注都没有写），按万元读取，但本表全部4个项目的年度计划投资都不到100万元（最大为1），"
            + "按万元不合常理，可能是按亿元填写的。请在表头写明单位，如“年度计划投资（亿元）”或“年度计划投资（万元）”，然后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_single_project_too_small_for_wan()
    {
        using MemoryStream file = Projects("年度计划投资", null, (2.5, 2.43));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.UnitImplausible, error.RuleId);
        Assert.Contains("本表唯一的项目年度计划投资只有2.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_yiyuan_county_list_whose_biggest_projects_pass_the_floor()
    {
        // 0.5–250亿元: the biggest is over 100 read as 万元, but four of five are not and nothing needs 万元.
        using MemoryStream file = Projects("年度计划投资", null, (0.5, 0.4), (2, 1.8), (3.5, 3), (12, 10.5), (250, 210));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E3"), (error.RuleId, error.Cell));
        Assert.Contains("但本表5个项目中有4个的年度计划投资不到100万元，最大的也只有250，按万元不合常理", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_yiyuan_city_list_whose_every_plan_is_over_ten_yiyuan()
    {
        // The city's biggest projects kept in 亿元 (12–150亿元): read as 万元 they would all be 10,000× too small.
        using MemoryStream file = Projects("年度计划投资", null, (12, 11.5), (18, 16), (40, 38.2), (150, 140));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E3"), (error.RuleId, error.Cell));
        Assert.Contains("但本表4个项目中有3个的年度计划投资不到100万元，最大的也只有150，按万元不合常理，可能是按亿元填写的", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_wan_table_of_modest_projects_as_written()
    {
        // A district's smaller projects in 万元 (80万元 to 600万元, none that only 万元 explains): most are over the floor.
        using MemoryStream file = Projects("年度计划投资", null, (80, 75), (150, 140), (350, 300), (600, 580));

        Assert.Equal(1180m, RealWorld.Read(file, period: RealWorld.December2022).Accepted().Projects.Sum(p => p.AnnualPlan));
    }

    [Fact]
    public void Refuses_a_yiyuan_signings_list_with_one_signing_over_100()
    {
        using MemoryStream file = Signings("签约金额", 5, 120, 1.2, 30);

        Finding error = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Contains("但本表4个签约项目中有3个的签约金额不到100万元，最大的也只有120", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_as_written_when_one_figure_only_wan_can_explain()
    {
        // Three small plans, but a 25,000 that would be 2.5万亿元 read in 亿元: the table is in 万元 after all.
        using MemoryStream projects = Projects("年度计划投资", null, (3, 2), (5, 5), (8, 1), (25000, 24300));
        using MemoryStream signings = Signings("签约金额", 5, 30, 60000);

        IngestionOutcome read = RealWorld.Read(projects, period: RealWorld.December2022).Accepted();

        Assert.Equal(25016m, read.Projects.Sum(p => p.AnnualPlan));
        Assert.Equal(60035m, RealWorld.Read(signings, department: "swj", period: RealWorld.December2022).Accepted().Signings.Sum(s => s.Amount));
    }

    [Fact]
    public void Refuses_a_projects_table_kept_in_yuan_with_no_unit_anywhere()
    {
        // 1亿元, 5,000万元, 800万元 typed in 元: read as 万元 they would be 1万亿, 5,000亿 and 800亿.
        using MemoryStream file = Projects("年度计划投资", null, (100_000_000, 98_000_000), (50_000_000, 30_000_000), (8_000_000, 8_000_000));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E3"), (error.RuleId, error.Cell));
        Assert.Equal(
            "工作表“调度表”E3单元格（年度计划投资）未注明单位（表头、单位行和表注都没有写），按万元读取，但本表3个项目中有2个的年度计划投资超过10000000，"
            + "即1000亿元以上，按万元不合常理，可能是按元填写的。请在表头写明单位，如“年度计划投资（元）”或“年度计划投资（万元）”，然后重新上传。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_signings_list_kept_in_yuan_and_reads_it_once_the_header_says_yuan()
    {
        using MemoryStream unstated = Signings("签约金额", 3_000_000_000, 150_000_000);
        using MemoryStream stated = Signings("签约金额（元）", 3_000_000_000, 150_000_000);

        Assert.Equal(RuleIds.UnitImplausible, RealWorld.Read(unstated, department: "swj", period: RealWorld.December2022).OnlyError().RuleId);
        Assert.Equal(315_000m, RealWorld.Read(stated, department: "swj", period: RealWorld.December2022).Accepted().Signings.Sum(s => s.Amount));
    }

    // One plan of 1,200亿元 a year is no city project's: a number typed in 元, refused at its cell (it was read as written).
    [Fact]
    public void Refuses_one_figure_too_large_for_any_project_at_its_cell_and_reads_a_large_one_as_written()
    {
        using MemoryStream huge = Projects("年度计划投资", null, (12_000_000, 100), (25000, 24300), (8000, 7000));
        using MemoryStream large = Projects("年度计划投资", null, (900_000, 100), (25000, 24300), (8000, 7000));

        Finding error = RealWorld.Read(huge, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E4"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“调度表”E4单元格（年度计划投资）的值“12000000”万元，即1200亿元，超过1000亿元，没有这么大的项目，像是按元填写的。本列未注明单位，按万元读取，请按万元填写这一格后重新上传。",
            error.Message);
        Assert.Equal(933_000m, RealWorld.Read(large, period: RealWorld.December2022).Accepted().Projects.Sum(p => p.AnnualPlan));
    }

    [Fact]
    public void Reads_one_or_two_small_projects_among_normal_ones_as_written()
    {
        using MemoryStream file = Projects("年度计划投资", null, (25000, 24300), (60, 40), (80, 80), (12000, 9000));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal(25000m + 60 + 80 + 12000, outcome.Projects.Sum(p => p.AnnualPlan));
        Assert.DoesNotContain(outcome.Findings, f => f.RuleId == RuleIds.UnitImplausible);
    }

    [Theory]
    [InlineData("年度计划投资（亿元）", null, 25000)]
    [InlineData("年度计划投资（万元）", null, 2.5)]
    [InlineData("年度计划投资", "单位：万元", 2.5)]
    [InlineData("年度计划投资", "单位：亿元", 25000)]
    public void Never_asks_when_the_unit_is_stated(string header, string? note, double plan)
    {
        using MemoryStream file = Projects(header, note, (2.5, 2.43));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal((decimal)plan, outcome.Projects.Single().AnnualPlan);
        Assert.DoesNotContain(outcome.Findings, f => f.RuleId == RuleIds.UnitImplausible);
    }

    [Fact]
    public void Never_asks_when_a_note_below_the_table_states_wan()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资")
            .Put(3, "安源区新能源电池项目", "安源区", "工业", 2.5, 2.43)
            .Put(5, "注：表中金额单位为万元"));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal(2.5m, outcome.Projects.Single().AnnualPlan);
    }

    [Fact]
    public void Refuses_a_signings_list_with_no_unit_anywhere_whose_every_amount_looks_like_yiyuan()
    {
        using MemoryStream file = Signings("签约金额", 5, 12, 1, 0.9999, 0.3);

        Finding error = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E2"), (error.RuleId, error.Cell));
        Assert.Equal(
            "工作表“签约项目”E2单元格（签约金额）未注明单位（表头、单位行和表注都没有写），按万元读取，但本表全部5个签约项目的签约金额都不到100万元（最大为12），"
            + "按万元不合常理，可能是按亿元填写的。请在表头写明单位，如“签约金额（亿元）”或“签约金额（万元）”，然后重新上传。",
            error.Message);
    }

    [Fact]
    public void Reads_a_small_signing_among_normal_ones_and_a_stated_unit_as_written()
    {
        using MemoryStream mixed = Signings("签约金额", 50000, 30, 12000);
        using MemoryStream stated = Signings("签约金额（亿元）", 5, 12);

        Assert.Equal(62030m, RealWorld.Read(mixed, department: "swj", period: RealWorld.December2022).Accepted().Signings.Sum(s => s.Amount));
        Assert.Equal(170000m, RealWorld.Read(stated, department: "swj", period: RealWorld.December2022).Accepted().Signings.Sum(s => s.Amount));
    }

    // One row typed in 亿元 in a table whose unit is stated (or assumed) 万元 passes every table-wide check: the cell says it.
    [Fact]
    public void Refuses_one_row_typed_in_yiyuan_inside_a_wan_table_at_each_of_its_cells()
    {
        using MemoryStream file = Projects("年度计划投资（万元）", null, (25000, 24300), (0.5, 0.3), (8000, 7000), (12000, 9000));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022);

        Assert.False(outcome.Accepted);
        Assert.Equal(
            [(RuleIds.UnitImplausible, "E5", "0.5"), (RuleIds.UnitImplausible, "F5", "0.3")],
            outcome.Findings.Select(f => (f.RuleId, f.Cell!, f.Value!)));
        Assert.Equal(
            "工作表“调度表”E5单元格（年度计划投资（万元））的值“0.5”万元，而本表项目的年度计划投资（万元）一般为12000万元，相差500倍以上，"
            + "像是按亿元填写的。本列按表头的单位万元读取，请按万元填写这一格后重新上传。",
            outcome.Findings[0].Message);
    }

    [Fact]
    public void Refuses_one_completion_typed_in_yiyuan_and_one_signing_typed_in_yiyuan()
    {
        using MemoryStream projects = Projects("年度计划投资", "单位：万元", (25000, 24300), (6000, 0.3), (8000, 7000));
        using MemoryStream signings = Signings("签约金额（万元）", 50000, 0.8, 12000, 30000);

        Finding completion = RealWorld.Read(projects, period: RealWorld.December2022).OnlyError();
        Finding signing = RealWorld.Read(signings, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "F5"), (completion.RuleId, completion.Cell));
        Assert.Equal((RuleIds.UnitImplausible, "E4"), (signing.RuleId, signing.Cell));
    }

    [Fact]
    public void Reads_a_small_figure_of_one_wan_or_more_and_a_yiyuan_table_as_written()
    {
        using MemoryStream small = Projects("年度计划投资（万元）", null, (25000, 24300), (6000, 1), (8000, 7000), (50, 40));
        using MemoryStream yi = Projects("年度计划投资（亿元）", "单位：亿元", (2.5, 2.43), (0.5, 0.3), (0.8, 0.75));

        IngestionOutcome read = RealWorld.Read(small, period: RealWorld.December2022).Accepted();

        Assert.Equal(1m, read.Projects[1].Completed);
        Assert.DoesNotContain(read.Findings, f => f.RuleId == RuleIds.UnitImplausible);
        Assert.Equal(38000m, RealWorld.Read(yi, period: RealWorld.December2022).Accepted().Projects.Sum(p => p.AnnualPlan));
    }

    [Fact]
    public void Refuses_one_signing_typed_in_yiyuan_among_wan_ones_and_one_typed_in_wan_among_yiyuan_ones()
    {
        using MemoryStream inYi = Signings("签约金额（万元）", 50000, 10000, 9999, 3000, 12);
        using MemoryStream inWan = Signings("签约金额（亿元）", 5, 1, 0.9999, 0.3, 9999);

        Finding small = RealWorld.Read(inYi, department: "swj", period: RealWorld.December2022).OnlyError();
        Finding large = RealWorld.Read(inWan, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "E7", "12"), (small.RuleId, small.Cell!, small.Value!));
        Assert.Contains("一般为9999万元，相差500倍以上，像是按亿元填写的", small.Message, StringComparison.Ordinal);
        Assert.Equal((RuleIds.UnitImplausible, "E7", "9999"), (large.RuleId, large.Cell!, large.Value!));
        Assert.Contains("的值“9999”亿元，即99990000万元，而本表签约项目的签约金额（亿元）一般为10000万元", large.Message, StringComparison.Ordinal);
    }

    // Figures in 元 under a stated 万元 (the note, or the completion column's header) passed: only a table with no unit was asked.
    [Fact]
    public void Refuses_figures_in_yuan_under_a_stated_wan_at_each_cell()
    {
        using MemoryStream all = Projects("年度计划投资", "单位：万元", (100_000_000, 120_000_000), (50_000_000, 30_000_000), (80_000_000, 88_000_000));
        using MemoryStream completion = Projects("年度计划投资（万元）", null, (10000, 120_000_000), (5000, 30_000_000), (8000, 88_000_000));

        IngestionOutcome allOutcome = RealWorld.Read(all, period: RealWorld.December2022);
        IngestionOutcome completionOutcome = RealWorld.Read(completion, period: RealWorld.December2022);

        Assert.False(allOutcome.Accepted);
        Assert.Equal(6, allOutcome.Findings.Count(f => f.RuleId == RuleIds.UnitImplausible));
        Assert.False(completionOutcome.Accepted);
        Assert.Equal(["F4", "F5", "F6"], completionOutcome.Findings.Where(f => f.RuleId == RuleIds.UnitImplausible).Select(f => f.Cell!));
    }
}
