using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Files as they arrive from WPS and older Excel: .xls converted by LibreOffice (formulas computed), and CSV
/// in GB18030, UTF-8 and UTF-8 with BOM. See Fixtures/README.md for how each was made.
/// </summary>
public sealed class SavedFileTests
{
    private static IngestionOutcome ReadFixture(string name, string? department)
    {
        using FileStream file = File.OpenRead(TestWorkbooks.FixturePath(name));
        return RealWorld.Read(file, Path.GetFileName(name), department);
    }

    /// <summary>The same workbook read from the committed .xls and from the .xlsx built in memory.</summary>
    private static (IngestionOutcome Xls, IngestionOutcome Xlsx) ReadBoth(string name, string department)
    {
        IngestionOutcome xls = ReadFixture(name, department);
        using MemoryStream xlsx = RealWorld.Book(RealWorldFixtures.Builders[name]);
        return (xls, RealWorld.Read(xlsx, Path.ChangeExtension(Path.GetFileName(name), ".xlsx"), department));
    }

    // Records compare their level lists by reference; compare them by content.
    private static (ProjectRecord Project, string Levels) Comparable(ProjectRecord project) =>
        (project with { Levels = Array.Empty<string>() }, string.Join("、", project.Levels));

    [Fact]
    public void Reads_a_city_xls_with_a_summary_sheet_and_one_sheet_per_county_the_same_as_its_xlsx()
    {
        (IngestionOutcome xls, IngestionOutcome xlsx) = ReadBoth(RealWorldFixtures.CityXls, "fgw");

        xls.Clean();
        Assert.Equal(RealWorld.December2022, xls.Period);
        Assert.Equal("萍乡市发展和改革委员会", xls.DepartmentName);
        Assert.Equal(["安源区", "湘东区", "莲花县"], xls.Sheets.Select(s => s.Sheet));
        Assert.Equal(
            [
                ("安源区城市更新一期", "安源区", "公共服务", 6000m, 6300m),
                ("安源区物流园", "安源区", "服务业", 3000m, 2950.5m),
                ("萍乡光伏组件产业园", "安源区", "工业", 12000m, 13888m),
                ("湘东区陶瓷新材料产业园", "湘东区", "工业", 10000m, 9900m),
                ("湘东区耐火材料技改", "湘东区", "工业", 5000m, 5100.25m),
                ("湘东区高铁站前路网", "湘东区", "重大基础设施", 8000m, 7200m),
                ("莲花县荷花博览园", "莲花县", "服务业", 8000m, 7200m),
                ("莲花县高洲光伏电站", "莲花县", "新型基础设施", 12500m, 13000m),
            ],
            xls.Projects.Select(p => p.Core()));
        Assert.Equal([[], [], [], ["省重点", "省大中型"], ["市重点"], [], ["省重点"], []], xls.Projects.Select(p => p.Levels.ToArray()));
        Assert.Equal([true, true, true, null, null, null, null, null], xls.Projects.Select(p => p.Started));
        Assert.Equal(new DateOnly(2022, 10, 1), xls.Projects[^1].PlannedStart);
        Assert.Equal(new SourceRef("安源区", 7), xls.Projects[0].Source);

        Assert.Equal(xls.Projects.Select(Comparable), xlsx.Clean().Projects.Select(Comparable));
    }

    [Fact]
    public void Reads_an_industry_indicators_xls_the_same_as_its_xlsx()
    {
        (IngestionOutcome xls, IngestionOutcome xlsx) = ReadBoth(RealWorldFixtures.MetricsXls, "gxj");

        xls.Clean();
        Assert.Equal(RealWorld.December2022, xls.Period);
        Assert.Equal(
            [
                ("规模以上工业增加值", "万元", 5203000m, (decimal?)4946000m, (decimal?)5.2m, (decimal?)null, (decimal?)null),
                ("电子信息产业工业增加值", "万元", 635000m, 509200m, 24.7m, 12.2m, 8.3m),
                ("锂电产业营业收入", "万元", 3102500m, 756700m, 307m, null, null),
                ("锂电产业利润", "万元", 201000m, 68100m, 195m, null, null),
                ("亿元以上技改项目数", "个", 93m, 71m, null, null, null),
                ("陶瓷产业营业收入", "万元", 1200000m, 1240000m, -3.2m, null, null),
            ],
            xls.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value, m.Prior, m.YoyReported, m.Share, m.SharePrior)));

        Assert.Equal(xls.Metrics, xlsx.Clean().Metrics);
    }

    [Fact]
    public void Reads_a_county_signings_xls_the_same_as_its_xlsx()
    {
        (IngestionOutcome xls, IngestionOutcome xlsx) = ReadBoth(RealWorldFixtures.SigningsXls, "xiangdong");

        // LibreOffice computed the clerk's SUM, which misses the last row; the in-memory .xlsx has no computed values.
        Finding total = Assert.Single(xls.Accepted().Findings);
        Assert.Equal((RuleIds.TotalMismatch, "E7", "535000"), (total.RuleId, total.Cell!, total.Value!));
        Assert.Equal("工作表“签约项目”E7单元格（合同投资额）的值“535000”为合计，但所含3行之和为567000，相差32000（5.64%），超过0.5%，请核实合计或各行数据。", total.Message);
        Assert.Equal(
            [
                ("陶瓷新材料产业园", "湘东区", 520000m, "粤港澳大湾区", true, new DateOnly(2022, 3, 18), (decimal?)null),
                ("冷链物流园", "湘东区", 15000m, "长株潭", false, new DateOnly(2022, 6, 16), null),
                ("电子元器件", "湘东区", 32000m, "粤港澳大湾区", false, new DateOnly(2022, 11, 25), 800m),
            ],
            xls.Signings.Select(s => (s.Name, s.County, s.Amount, s.SourceRegion!, s.Is5020, s.SignedOn!.Value, s.ForeignAmountUsd)));

        Assert.Equal(xls.Signings, xlsx.Clean().Signings);
    }

    [Fact]
    public void Reads_a_wps_gb18030_csv_with_sections_a_top_total_and_a_filing_date()
    {
        IngestionOutcome outcome = ReadFixture("real-world/projects-shangli-2022-12-wps-gb18030.csv", department: null).Clean();

        Assert.Equal(("shangli", RealWorld.December2022), (outcome.DepartmentId!, outcome.Period!.Value));
        Assert.Equal(
            [
                ("上栗县电子电路产业园", "上栗县", "工业", 6000m, 6100m),
                ("东讯精密二期", "上栗县", "工业", 3000m, 2400.5m),
                ("上栗县城区道路提升", "上栗县", "重大基础设施", 4000m, 0m),
                ("上栗县金山镇工业小区配套路网", "上栗县", "重大基础设施", 3600m, 7000m),
            ],
            outcome.Projects.Select(p => p.Core()));
        Assert.Equal([["省重点", "省大中型"], ["5020"], ["市重点"], []], outcome.Projects.Select(p => p.Levels.ToArray()));
        Assert.Equal("2201-360322-04-01-100001", outcome.Projects[0].Code);
        Assert.Equal([true, true, false, true], outcome.Projects.Select(p => p.Started!.Value));
    }

    [Fact]
    public void Reads_a_utf8_csv_without_bom_with_growth_in_words()
    {
        IngestionOutcome outcome = ReadFixture("real-world/metrics-scjgj-2022-12-utf8.csv", department: null).Clean();

        Assert.Equal(("scjgj", RealWorld.December2022), (outcome.DepartmentId!, outcome.Period!.Value));
        Assert.Equal(
            [
                ("市场主体户数", "户", 256300m, 207867m, 23.3m),
                ("企业", "户", 62118m, 51043m, 21.7m),
                ("个体工商户", "户", 189502m, 153190m, 23.7m),
                ("新登记市场主体", "户", 58216m, 60102m, -3.1m),
            ],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value, m.Prior!.Value, m.YoyReported!.Value)));
    }

    [Fact]
    public void Reads_a_utf8_bom_csv_whose_group_header_is_written_once_over_its_sub_columns()
    {
        IngestionOutcome outcome = ReadFixture("real-world/projects-anyuan-2022-12-utf8bom.csv", department: "anyuan").Clean();

        Assert.Equal(RealWorld.December2022, outcome.Period);
        Assert.Equal(
            [("安源区城市更新二期", "安源区", "公共服务", 8000m, 7350.5m), ("安源区数字经济产业园", "安源区", "新型基础设施", 5500m, 6012m)],
            outcome.Projects.Select(p => p.Core()));
        Assert.Equal(new SourceRef("projects-anyuan-2022-12-utf8bom", 6), outcome.Projects[0].Source);
    }

    [Theory]
    [InlineData("安源区12月.txt", "utf-16")]
    [InlineData("安源区12月.csv", "utf-16")]
    [InlineData("安源区12月.csv", "utf-16BE")]
    public void Reads_excel_and_wps_unicode_text_exports_like_the_csv_they_are(string fileName, string encoding)
    {
        // What Excel and WPS write for "Unicode 文本": a byte order mark, tabs between cells, numbers as displayed,
        // a cell with a line break in quotes.
        string text = "安源区2022年重大项目调度表\t\t\t\t\r\n"
            + "时间：2022年1-12月\t\t\t单位：万元\t\r\n"
            + "项目名称\t县区\t所属领域\t年度计划投资\t\"1-12月\n累计完成投资\"\r\n"
            + "安源区城市更新二期\t安源\t公共服务\t8,000\t7,350.5\r\n"
            + "安源区数字经济产业园\t安源区\t新型基础设施\t5500\t6012\r\n";
        System.Text.Encoding unicode = System.Text.Encoding.GetEncoding(encoding);
        using var file = new MemoryStream([.. unicode.GetPreamble(), .. unicode.GetBytes(text)]);

        IngestionOutcome outcome = RealWorld.Read(file, fileName).Clean();

        Assert.Equal(RealWorld.December2022, outcome.Period);
        Assert.Equal(
            [("安源区城市更新二期", "安源区", "公共服务", 8000m, 7350.5m), ("安源区数字经济产业园", "安源区", "新型基础设施", 5500m, 6012m)],
            outcome.Projects.Select(p => p.Core()));
        Assert.Equal(new SourceRef("安源区12月", 4), outcome.Projects[0].Source);
    }
}
