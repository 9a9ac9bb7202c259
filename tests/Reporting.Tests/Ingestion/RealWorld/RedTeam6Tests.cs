using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Round 6 of the red team (/work/redteam6 in the session that ran it): growth on another basis left of 同比, an amount
/// change under a growth group header, 总投资 left of the contract amount, qualified field names, and the classes below.
/// </summary>
public sealed class RedTeam6Tests
{
    private static MemoryStream Metrics(string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("经济指标").Put(1, "萍乡市2022年1-12月主要经济指标").Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    private static MemoryStream Signings(string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("签约项目").Put(1, "萍乡市2022年招商引资签约项目表").Put(2, "时间：2022年1-12月").Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    [Theory]
    [InlineData("环比增长（%）")]
    [InlineData("较年初增长（%）")]
    [InlineData("全省增速（%）")]
    [InlineData("环比增幅（%）")]
    public void Takes_the_year_on_year_growth_not_one_on_another_basis_left_of_it(string otherBasis)
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期值", otherBasis, "同比增长（%）"],
            [1, "电子信息产业工业增加值", "亿元", 80.5, 3.1, 24.6],
            [2, "锂电产业营业收入", "亿元", 310.6, 2.2, 35.2]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal([24.6m, 35.2m], outcome.Metrics.Select(m => m.YoyReported));
    }

    [Fact]
    public void Reads_an_amount_change_under_a_growth_group_header_as_the_change_not_the_growth()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("经济指标").Put(1, "萍乡市2022年1-12月主要经济指标")
                .Put(2, "序号", "指标名称", "单位", "本期值", "上年同期", "比上年同期增长", null)
                .Put(3, null, null, null, null, null, "绝对额", "%")
                .Put(4, 1, "电子信息产业工业增加值", "亿元", 80.5, 64.6, 15.9, 24.6)
                .Put(5, 2, "锂电产业营业收入", "亿元", 310.6, 229.7, 80.9, 35.2);
            foreach (int column in (int[])[1, 2, 3, 4, 5])
            {
                sheet.Range(2, column, 3, column).Merge();
            }

            sheet.Range(2, 6, 2, 7).Merge();
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).Clean();

        Assert.Equal([24.6m, 35.2m], outcome.Metrics.Select(m => m.YoyReported));
        Assert.Equal([646000m, 2297000m], outcome.Metrics.Select(m => m.Prior));
    }

    [Theory]
    [InlineData("合同投资额（万元）")]
    [InlineData("合同引资额（万元）")]
    [InlineData("协议金额（万元）")]
    public void Takes_the_contract_amount_not_the_total_investment_left_of_it(string contract)
    {
        using MemoryStream file = Signings(
            ["序号", "项目名称", "县区", "签约时间", "总投资（万元）", contract],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 80000, 50000],
            [2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), 15000, 10000],
            [3, "粉末冶金项目", "上栗县", new DateTime(2022, 12, 20), 150000, 120000]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).Clean();

        Assert.Equal([50000m, 10000m, 120000m], outcome.Signings.Select(s => s.Amount));
    }

    [Theory]
    [InlineData("数字基础设施", "新型基础设施")]
    [InlineData("信息基础设施", "新型基础设施")]
    [InlineData("基础设施", "重大基础设施")]
    [InlineData("工业项目", "工业")]
    public void Reads_a_field_by_its_whole_name_not_a_word_inside_it(string written, string field)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, 1, "安源区5G基站建设项目", "安源区", written, 10000, 12000));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal(field, Assert.Single(outcome.Projects).Field);
    }

    [Theory]
    [InlineData("农村基础设施")]
    [InlineData("新能源")]
    public void Refuses_a_qualified_field_name_it_cannot_place(string written)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）")
            .Put(4, 1, "安源区5G基站建设项目", "安源区", written, 10000, 12000));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.FieldUnknown, "D4"), (error.RuleId, error.Cell!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("待定")]
    [InlineData("22.6.20")]
    public void Refuses_a_signing_whose_date_is_missing_or_unreadable(string? date)
    {
        using MemoryStream file = Signings(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万元）"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000],
            [2, "光伏组件项目（意向）", "芦溪县", date, 80000]);

        Finding error = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).OnlyError();

        Assert.Equal("D5", error.Cell);
        Assert.Contains("签约项目须填写签约时间，否则无法确定是否在本期签约", error.Message, StringComparison.Ordinal);
    }

    private static readonly object?[] s_header = ["序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）"];

    private static IXLWorksheet ThreeProjects(XLWorkbook workbook) => workbook.AddWorksheet("调度表")
        .Put(1, "安源区2022年1-12月重大项目调度表").Put(3, s_header)
        .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000)
        .Put(5, 2, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000)
        .Put(6, 3, "安源区人民医院综合楼", "安源区", "社会民生", 8000, 8800);

    [Theory]
    [InlineData("全区重大项目")]
    [InlineData("安源区重大项目（3个）")]
    [InlineData("本区项目")]
    public void Reads_a_whole_list_row_with_county_and_field_as_the_total_when_it_adds_up(string name)
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook).Put(7, null, name, "安源区", "工业", 23000, 23800));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Accepted();

        Assert.Equal((3, 23000m, 23800m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
        Assert.Equal((RuleIds.TotalUnlabelled, "B7"), (Assert.Single(outcome.Findings).RuleId, outcome.Findings[0].Cell!));
    }

    [Fact]
    public void Counts_a_project_named_for_the_whole_county_whose_figures_are_its_own()
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook).Put(7, 4, "全区农村公路提升项目", "安源区", "重大基础设施", 6000, 5000));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((4, 29000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
    }

    [Fact]
    public void Reads_the_whole_city_signings_row_as_the_total()
    {
        using MemoryStream file = Signings(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万元）"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000],
            [2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), 10000],
            [null, "全市签约项目", "萍乡经开区", new DateTime(2022, 12, 31), 60000]);

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj", period: RealWorld.December2022).Accepted();

        Assert.Equal((2, 60000m), (outcome.Signings.Count, outcome.Signings.Sum(s => s.Amount)));
        Assert.Equal(RuleIds.TotalUnlabelled, Assert.Single(outcome.Findings).RuleId);
    }

    [Theory]
    [InlineData("附表：2021年度已竣工项目（供参考）")]
    [InlineData("二、储备项目")]
    [InlineData("2021年度已竣工项目表")]
    public void Refuses_a_second_table_under_its_own_title_and_the_same_header(string title)
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook)
            .Put(8, title).Put(9, s_header)
            .Put(10, 1, "安源区老旧小区改造项目", "安源区", "社会民生", 5000, 5200));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.HeaderSecondTable, "B9"), (error.RuleId, error.Cell!));
        Assert.Contains($"上方第8行“{title}”是另一张表的标题", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("安源区2022年1-12月重大项目调度表")]
    [InlineData("安源区2022年1-12月重大项目调度表（续）")]
    [InlineData("二、服务业项目")]
    public void Reads_on_under_the_sheets_own_title_a_continuation_or_a_fields_section_printed_again(string title)
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook)
            .Put(8, title).Put(9, s_header)
            .Put(10, 4, "安源区物流园项目", "安源区", "服务业", 5000, 5200));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal(4, outcome.Projects.Count);
    }

    [Fact]
    public void Refuses_a_csv_row_split_by_a_thousands_comma()
    {
        const string Csv = """
            安源区2022年1-12月重大项目调度表
            序号,项目名称,县区,所属领域,年度计划投资（万元）,累计完成投资（万元）
            1,安源区新能源电池项目,安源区,工业,10000,12000
            2,安源区污水处理厂,安源区,生态环保,5,000,3,000
            3,安源区人民医院综合楼,安源区,社会民生,"8,000","8,800"
            """;

        Finding error = RealWorld.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)), "安源区.csv", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.TextRowTooWide, "G4"), (error.RuleId, error.Cell!));
        Assert.StartsWith("文件第4行比表头多出2个字段（表头共6列），像是数字中的千位分隔逗号", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_money_indicator_of_a_trillion_yuan_or_more_as_typed_in_another_unit()
    {
        using MemoryStream file = Metrics(
            ["序号", "指标名称", "单位", "本期值", "上年同期", "同比增长（%）"],
            [1, "电子信息产业工业增加值", "亿元", 80.5, 64.6, 24.6],
            [2, "锂电产业营业收入", "亿元", 3106000, 2297000, 35.2],
            [3, "本外币各项存款余额", "亿元", 2980.5, 2650.2, 12.5]);

        Finding error = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitImplausible, "D5"), (error.RuleId, error.Cell!));
        Assert.Contains("按亿元读取即310.6万亿元，超过1万亿元", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("注：本表数据为1-11月累计数，12月数据待统计局反馈后更新。", true)]
    [InlineData("注：本期为2022年1-11月。", true)]
    [InlineData("注：本表数据为1-12月累计数。", false)]
    [InlineData("注：上年同期数据为2021年1-11月，已按新口径调整。", false)]
    [InlineData("注：锂电产业含1-11月新入规企业。", false)]
    public void Checks_a_footnote_naming_the_tables_period_against_the_upload(string footnote, bool conflicts)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("经济指标").Put(1, "萍乡市主要经济指标")
            .Put(3, "序号", "指标名称", "单位", "本期值", "同比增长（%）")
            .Put(4, 1, "电子信息产业工业增加值", "亿元", 80.5, 24.6)
            .Put(6, footnote));

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022);

        if (conflicts)
        {
            Finding error = outcome.OnlyError();
            Assert.Equal(RuleIds.PeriodConflict, error.RuleId);
            Assert.Contains("工作表“经济指标”A6单元格", error.Message, StringComparison.Ordinal);
        }
        else
        {
            outcome.Clean();
        }
    }

    [Fact]
    public void Refuses_figures_whose_number_format_shows_another_unit_than_the_sheets_once_per_column()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = ThreeProjects(workbook).Put(2, "单位：万元");
            sheet.Range(4, 5, 6, 5).Style.NumberFormat.Format = "0.00\"亿元\"";
            sheet.Cell(4, 5).Value = 1;
            sheet.Cell(5, 5).Value = 0.5;
            sheet.Cell(6, 5).Value = 0.8;
        });

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.UnitAmbiguous, "E4"), (error.RuleId, error.Cell!));
        Assert.Contains("显示为“1亿元”（单元格格式自带单位“亿元”），而本列按万元读取", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#,##0\"万元\"")]
    [InlineData("0\"万\"")]
    public void Reads_figures_whose_number_format_shows_the_columns_own_unit(string format)
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook).Range(4, 5, 6, 6).Style.NumberFormat.Format = format);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal(23000m, outcome.Projects.Sum(p => p.AnnualPlan));
    }

    [Theory]
    [InlineData("jrb", "本文件是重大项目调度表，但上传到了市金融办，市金融办报送的是经济运行指标表。可能选错了上传单位；重大项目调度表由安源区、湘东区、莲花县等7个单位报送。请到正确的单位重新上传。")]
    [InlineData("swj", "本文件是重大项目调度表，但上传到了市商务局，市商务局报送的是招商引资签约项目表。可能选错了上传单位；重大项目调度表由安源区、湘东区、莲花县等7个单位报送。请到正确的单位重新上传。")]
    public void Refuses_an_upload_of_a_kind_its_department_does_not_report(string department, string message)
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook));

        Finding error = RealWorld.Read(file, department: department, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.DepartmentWrongKind, message), (error.RuleId, error.Message));
    }

    [Theory]
    [InlineData("(5.3)", "-5.3")]
    [InlineData("（5.3）", "-5.3")]
    [InlineData("4.3-", "-4.3")]
    public void Asks_about_a_negative_growth_in_brackets_or_with_a_trailing_minus_saying_it_is_negative(string written, string meant)
    {
        using MemoryStream file = Metrics(["序号", "指标名称", "单位", "本期值", "同比增长（%）"], [1, "锂电产业利润", "亿元", 20.1, written]);

        Finding error = RealWorld.Read(file, department: "gxj", period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "E4"), (error.RuleId, error.Cell!));
        Assert.Contains($"像是负数的另一种写法（括号或末尾的负号），无法确定。如是负数，请写作 {meant}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asks_for_an_xlsx_for_an_open_document_spreadsheet()
    {
        using var file = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype").Open()))
            {
                writer.Write("application/vnd.oasis.opendocument.spreadsheet");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("content.xml").Open()))
            {
                writer.Write("<office:document-content/>");
            }
        }

        file.Position = 0;
        Finding error = RealWorld.Read(file, "安源区.ods", period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.FileUnsupportedType, error.RuleId);
        Assert.Contains("OpenDocument 表格（.ods", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-12月完成")]
    [InlineData("完成额")]
    public void Reads_a_completion_headed_by_the_period_and_the_word_alone(string completed)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "2022年计划投资", completed)
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000));

        Assert.Equal(12000m, Assert.Single(RealWorld.Read(file, period: RealWorld.December2022).Clean().Projects).Completed);
    }

    [Fact]
    public void Names_the_headers_it_did_not_understand_when_a_column_is_missing()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表").Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "投资到位")
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.EndsWith("表头中没有认出的列：“投资到位”；如其中有所缺的列，请把表头改为模板的写法（如“累计完成投资”）。", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_note_laid_out_in_the_tables_columns_as_a_note()
    {
        using MemoryStream file = RealWorld.Book(workbook => ThreeProjects(workbook).Put(7, "注", "本表共3个项目，其中省重点项目1个", "安源区", "工业", 1, 1));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((3, 23000m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan)));
    }

    [Theory]
    [InlineData("anyuan", "本文件是经济运行指标表，但上传到了安源区，安源区报送的是重大项目调度表。可能选错了上传单位；经济运行指标表由市工信局、市金融办、市市场监管局报送。请到正确的单位重新上传。")]
    [InlineData("swj", "本文件是经济运行指标表，但上传到了市商务局，市商务局报送的是招商引资签约项目表。可能选错了上传单位；经济运行指标表由市工信局、市金融办、市市场监管局报送。请到正确的单位重新上传。")]
    public void Refuses_metrics_uploaded_from_a_department_that_reports_another_kind(string department, string message)
    {
        using MemoryStream file = Metrics(["序号", "指标名称", "单位", "本期值", "同比增长（%）"], [1, "电子信息产业工业增加值", "亿元", 80.5, 24.6]);

        Finding error = RealWorld.Read(file, department: department, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.DepartmentWrongKind, message), (error.RuleId, error.Message));
    }
}
