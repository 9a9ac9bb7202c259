using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Round 4 of the red team (files nobody had shown the project): periods in Chinese numerals or only in a sheet's name, a
/// filter left on, totals worded 累计/汇总/签约项目5个, a status tag after a repeated name, a yuan column beside a dollar one,
/// year.month typed into date-formatted cells, amounts under a date format, and a CSV's ="10000".
/// </summary>
public sealed class RedTeam4Tests
{
    private static readonly object?[][] s_three =
    [
        [1, "安源区新能源电池项目", "安源区", "工业", 10000, 12000],
        [2, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000],
        [3, "安源区人民医院综合楼", "安源区", "公共服务", 8000, 8800],
    ];

    private static MemoryStream Projects(string sheetName, string title, Action<IXLWorksheet>? more, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet(sheetName)
            .Put(1, title)
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }

        more?.Invoke(sheet);
    });

    private static MemoryStream Signings(string[] header, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("签约项目")
            .Put(1, "萍乡市2022年招商引资签约项目表")
            .Put(2, "时间：2022年1-12月")
            .Put(3, header);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(4 + i, rows[i]);
        }
    });

    [Theory]
    [InlineData("调度表", "安源区2022年一至十一月份重大项目调度表", "工作表“调度表”A1单元格“安源区2022年一至十一月份重大项目调度表”写的是2022年1-11月")]
    [InlineData("11月份", "安源区2022年重大项目调度表", "工作表名“11月份”写的是11月")]
    public void Refuses_november_figures_uploaded_for_december_whether_the_months_are_in_chinese_numerals_or_only_in_the_sheets_name(
        string sheetName, string title, string said)
    {
        using MemoryStream file = Projects(sheetName, title, null, s_three);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.PeriodConflict, error.RuleId);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_header_saying_up_to_the_end_of_november_in_chinese_numerals()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "截至十一月底累计完成投资（万元）")
            .Put(4, s_three[0]));

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal(RuleIds.PeriodConflict, error.RuleId);
        Assert.Contains("表头“截至十一月底累计完成投资（万元）”写的是11月", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_december_in_chinese_numerals_and_a_sheet_named_after_the_period()
    {
        using MemoryStream title = Projects("调度表", "安源区2022年一至十二月重大项目调度表", null, s_three);
        using MemoryStream sheet = Projects("12月份", "安源区2022年重大项目调度表", null, s_three);

        Assert.Equal(3, RealWorld.Read(title, period: RealWorld.December2022).Clean().Projects.Count);
        Assert.Equal(3, RealWorld.Read(sheet, period: RealWorld.December2022).Clean().Projects.Count);
    }

    // A filter left on (所属领域 = 工业) hid two of three projects: 1 project was counted, with a notice the clerk could miss.
    [Fact]
    public void Refuses_rows_hidden_by_a_filter_left_on_and_still_skips_a_row_hidden_by_hand_with_a_notice()
    {
        using MemoryStream filtered = Projects("调度表", "安源区2022年1-12月重大项目调度表", sheet =>
        {
            sheet.Range(3, 1, 6, 6).SetAutoFilter().Column(4).EqualTo("工业");
            sheet.Row(5).Hide();
            sheet.Row(6).Hide();
        }, s_three);
        using MemoryStream hidden = Projects("调度表", "安源区2022年1-12月重大项目调度表", sheet => sheet.Row(5).Hide(), s_three);

        Finding error = RealWorld.Read(filtered, period: RealWorld.December2022).OnlyError();
        IngestionOutcome byHand = RealWorld.Read(hidden, period: RealWorld.December2022).Accepted();

        Assert.Equal(RuleIds.RowFiltered, error.RuleId);
        Assert.Equal("工作表“调度表”设置了筛选，第5、6行被筛选隐藏，未读取。请清除筛选（显示全部行）后重新上传；如这些行不应上报，请删除这些行。", error.Message);
        Assert.Equal((2, RuleIds.RowHidden), (byHand.Projects.Count, Assert.Single(byHand.Findings).RuleId));
    }

    [Theory]
    [InlineData("累计")]
    [InlineData("以上项目汇总")]
    [InlineData("共3个项目")]
    public void Reads_a_total_worded_otherwise_as_a_total(string label)
    {
        using MemoryStream file = Projects("调度表", "安源区2022年1-12月重大项目调度表", null, [.. s_three, [null, label, null, null, 23000, 23800]]);

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal((3, 23000m, 23800m), (outcome.Projects.Count, outcome.Projects.Sum(p => p.AnnualPlan), outcome.Projects.Sum(p => p.Completed)));
    }

    [Fact]
    public void Reads_a_signings_total_worded_as_the_count_of_signings()
    {
        using MemoryStream file = Signings(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万元）"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 50000],
            [2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), 10000],
            [null, "签约项目2个", null, null, 60000]);

        Assert.Equal(60000m, RealWorld.Read(file, department: "swj").Clean().Signings.Sum(s => s.Amount));
    }

    // "（集中签约）", "（续建）" after a name says how a project stands, not which: the copy is the same project (counted twice).
    [Fact]
    public void Counts_once_a_project_repeated_with_a_status_tag_and_still_tells_phases_apart()
    {
        using MemoryStream tagged = Projects("调度表", "安源区2022年1-12月重大项目调度表", null,
            [.. s_three, [4, "安源区污水处理厂（续建）", "安源区", "生态环保", 5000, 3000]]);
        using MemoryStream phases = Projects("调度表", "安源区2022年1-12月重大项目调度表", null,
            [1, "安源区污水处理厂（一期）", "安源区", "生态环保", 5000, 3000], [2, "安源区污水处理厂（二期）", "安源区", "生态环保", 5000, 3000]);

        IngestionOutcome once = RealWorld.Read(tagged, period: RealWorld.December2022).Accepted();

        Assert.Equal((3, 23000m), (once.Projects.Count, once.Projects.Sum(p => p.AnnualPlan)));
        Assert.Equal(RuleIds.ProjectDuplicate, Assert.Single(once.Findings).RuleId);
        Assert.Equal(2, RealWorld.Read(phases, period: RealWorld.December2022).Clean().Projects.Count);
    }

    [Fact]
    public void Takes_the_yuan_column_beside_a_dollar_amount_as_the_signing_amount()
    {
        using MemoryStream file = Signings(
            ["序号", "项目名称", "县区", "签约时间", "签约金额（万美元）", "折合人民币（万元）"],
            [1, "锂电池正极材料项目", "萍乡经开区", new DateTime(2022, 3, 15), 7000, 50000],
            [2, "电子元器件项目", "安源区", new DateTime(2022, 6, 20), 1400, 10000]);

        Assert.Equal([50000m, 10000m], RealWorld.Read(file, department: "swj").Clean().Signings.Select(s => s.Amount));
    }

    // 2022.03 typed into a cell formatted as a date shows 1905-07-14: every signing was dropped as outside the period.
    [Fact]
    public void Reads_year_month_typed_into_date_formatted_cells()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("签约项目")
                .Put(1, "萍乡市2022年招商引资签约项目表")
                .Put(2, "时间：2022年1-12月")
                .Put(3, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
                .Put(4, 1, "锂电池正极材料项目", "萍乡经开区", 2022.03, 50000)
                .Put(5, 2, "电子元器件项目", "安源区", 2022.12, 10000);
            sheet.Range(4, 4, 5, 4).Style.NumberFormat.Format = "yyyy-mm-dd";
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Clean();

        Assert.Equal([new DateOnly(2022, 3, 1), new DateOnly(2022, 12, 1)], outcome.Signings.Select(s => s.SignedOn!.Value));
    }

    [Fact]
    public void Says_an_amount_shows_as_a_date_because_of_its_cell_format()
    {
        using MemoryStream file = Projects("调度表", "安源区2022年1-12月重大项目调度表", sheet => sheet.Range(4, 5, 4, 5).Style.NumberFormat.Format = "yyyy/m/d", s_three);

        Finding error = RealWorld.Read(file, period: RealWorld.December2022).OnlyError();

        Assert.Equal((RuleIds.CellNotNumber, "E4"), (error.RuleId, error.Cell!));
        Assert.Equal(
            "工作表“调度表”E4单元格（年度计划投资（万元））的值“1927-05-18”是日期格式：单元格中的数是10000，但单元格格式为日期，显示成了日期。请选中这一列，把单元格格式改为“常规”或“数值”，核对数字后重新上传。",
            error.Message);
    }

    [Fact]
    public void Reads_a_csv_whose_fields_use_excels_text_formula()
    {
        byte[] csv = System.Text.Encoding.UTF8.GetBytes(
            "安源区2022年1-12月重大项目调度表\n项目代码,项目名称,县区,所属领域,年度计划投资（万元）,累计完成投资（万元）\n"
            + "\"=\"\"2020-360302-44-01-012345\"\"\",安源区新能源电池项目,安源区,工业,\"=\"\"10000\"\"\",\"=\"\"12000\"\"\"\n");
        using var file = new MemoryStream(csv);

        ProjectRecord project = RealWorld.Read(file, "调度表.csv", period: RealWorld.December2022).Clean().Projects.Single();

        Assert.Equal(("2020-360302-44-01-012345", 10000m, 12000m), (project.Code!, project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Reads_a_magnitude_alone_in_a_header_as_its_yuan_unit()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年1-12月重大项目调度表")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资(亿)", "累计完成投资(亿)")
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 1, 1.2)
            .Put(5, 2, "安源区污水处理厂", "安源区", "生态环保", 0.5, 0.3));

        IngestionOutcome outcome = RealWorld.Read(file, period: RealWorld.December2022).Clean();

        Assert.Equal([(10000m, 12000m), (5000m, 3000m)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));
    }

    [Fact]
    public void Reads_growth_marked_with_arrows()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "2022年1-12月工业经济运行主要指标")
            .Put(3, "指标名称", "单位", "1-12月累计", "同比增长（%）")
            .Put(4, "电子信息产业工业增加值", "亿元", 80.5, "↑24.7%")
            .Put(5, "锂电产业利润", "亿元", 20.1, "↓8.3%"));

        Assert.Equal([24.7m, -8.3m], RealWorld.Read(file, department: "gxj").Clean().Metrics.Select(m => m.YoyReported!.Value));
    }
}
