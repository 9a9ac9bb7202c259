using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Classes the red teams found that are decided rather than fixed (README, “Left alone”): what each does today, pinned so a
/// change to it is a decision taken on purpose.
/// </summary>
public sealed class LeftAsWrittenTests
{
    private static readonly object?[] s_battery = [1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000];
    private static readonly object?[] s_sewage = [2, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000];

    private static IXLWorksheet ProjectSheet(XLWorkbook workbook, string name) => workbook.AddWorksheet(name)
        .Put(1, "安源区2022年1-12月重大项目调度表")
        .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）");

    [Fact]
    public void Refuses_a_city_level_signing_naming_the_counties_it_may_be_counted_under()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
            .Put(3, 1, "萍乡市文旅综合体", "市本级", new DateTime(2022, 5, 1), 50000));

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.CountyUnknown, "C3"), (error.RuleId, error.Cell!));
        Assert.Contains("“市本级”不是已知的县区，请填写以下之一：安源区、湘东区、莲花县、上栗县、芦溪县、萍乡经开区、武功山风景名胜区", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_red_filled_row_and_a_name_listing_two_buildings_as_written()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = ProjectSheet(workbook, "调度表").Put(4, s_battery).Put(5, s_sewage)
                .Put(6, 3, "安源区人民医院综合楼、安源区中医院门诊楼", "安源区", "公共服务", 8000, 8800);
            sheet.Range(5, 1, 5, 6).Style.Fill.BackgroundColor = XLColor.Red;
        });

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((3, 23000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
    }

    [Fact]
    public void Counts_a_sheet_of_another_countys_projects_beside_the_countys_own_under_that_county()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            ProjectSheet(workbook, "安源区").Put(4, s_battery).Put(5, s_sewage);
            ProjectSheet(workbook, "湘东区").Put(4, 1, "湘东陶瓷园", "湘东区", "工业", 5000, 3000);
        });

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal(["安源区", "安源区", "湘东区"], outcome.Projects.Select(p => p.County));
    }

    [Fact]
    public void Keeps_count_units_as_written_and_names_a_sub_indicator_without_its_parent()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "2022年12月末主要指标")
            .Put(3, "指标名称", "单位", "期末余额", "同比增长（%）")
            .Put(4, "市场主体户数", "万户", 12.3, 7.0)
            .Put(5, "制造业贷款余额", "亿元", 147.18, 15.2)
            .Put(6, "  其中：中长期", "亿元", 60.3, 30.1));

        IngestionOutcome outcome = RealWorld.Read(file, department: "scjgj", period: RealWorld.December2022).Clean();

        Assert.Equal(
            [("市场主体户数", "万户", 12.3m), ("制造业贷款余额", "万元", 1471800m), ("中长期", "万元", 603000m)],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value)));
    }

    [Fact]
    public void Takes_a_columns_header_unit_over_the_sheets_note()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(2, "单位：亿元")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, s_battery));

        Assert.Equal((10000m, 12000m), RealWorld.Read(file, period: RealWorld.December2022).Accepted().Projects.Select(p => (p.AnnualPlan, p.Completed)).Single());
    }

    // A 分县区汇总 sheet beside the signings list is read as a table: the file is refused, never counted short, though the
    // message asks for columns rather than saying to remove the summary (round 5, T25).
    [Fact]
    public void Refuses_a_summary_sheet_beside_the_signings_list_as_an_incomplete_table()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("签约项目").Put(1, "2022年1-12月招商引资签约项目表")
                .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
                .Put(3, 1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000);
            workbook.AddWorksheet("分县区汇总").Put(1, "分县区汇总")
                .Put(2, "县区", "签约项目个数", "签约金额（万元）")
                .Put(3, "萍乡经开区", 1, 50000);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022);

        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Findings, f => f.Severity == Severity.Error && f.Sheet == "分县区汇总");
    }

    // One sheet per 领域 with no 领域 column (round 5, T03): refused, asking for the column or "一、工业项目" group rows; the
    // sheet's name is not taken for the field.
    [Fact]
    public void Refuses_a_sheet_per_field_without_a_field_column_asking_for_the_column_or_group_rows()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("工业")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, 1, "安源区新能源电池项目", "安源区", 10000, 12000));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.ColumnRequiredMissing, error.RuleId);
        Assert.Contains("或在项目之前用“一、工业项目”这样的分组行标明领域", error.Message, StringComparison.Ordinal);
    }

    // "10.000" typed with a European thousands point (round 6, U04cp) reads as 10 and is asked about as a unit slip: refused,
    // never counted, though the advice guesses 亿元 (10.000 may also be a precise decimal).
    [Fact]
    public void Refuses_a_european_thousands_point_as_a_unit_slip()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, s_battery).Put(5, s_sewage)
            .Put(6, 3, "安源区人民医院综合楼", "安源区", "社会民生", "8.000", "8.800"));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).Findings.First(f => f.Severity == Severity.Error);

        Assert.Equal((RuleIds.UnitImplausible, "E6"), (error.RuleId, error.Cell!));
    }

    // A ★ before a name marks 省重点 like the template's ☆ (round 6, U26bp).
    [Fact]
    public void Reads_a_filled_star_before_a_name_as_a_provincial_key_project()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, 1, "★安源区新能源电池项目", "安源区", "工业", 10000, 12000));

        ProjectRecord project = Assert.Single(RealWorld.Read(file, period: RealWorld.December2022).Clean().Projects);

        Assert.Equal(("安源区新能源电池项目", ProjectLevels.Provincial), (project.Name, Assert.Single(project.Levels)));
    }

    // Indicator names are the office's: a name without 工业 is another indicator, printed as written (round 6, U47m).
    [Fact]
    public void Keeps_an_indicator_named_another_way_as_another_indicator()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "萍乡市2022年1-12月主要经济指标")
            .Put(3, "指标名称", "单位", "本期值", "同比增长（%）")
            .Put(4, "电子信息产业工业增加值", "亿元", 80.5, 24.6)
            .Put(5, "电子信息产业增加值", "亿元", 80.5, 24.6));

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal(["电子信息产业工业增加值", "电子信息产业增加值"], outcome.Metrics.Select(m => m.Name));
    }
}
