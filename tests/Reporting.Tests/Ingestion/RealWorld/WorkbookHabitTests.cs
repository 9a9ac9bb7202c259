using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>How clerks keep their workbooks: a sheet per month, merged cells, hidden rows, printed page titles.</summary>
public sealed class WorkbookHabitTests
{
    private static void MonthSheet(XLWorkbook workbook, string name, decimal completed) => workbook.AddWorksheet(name)
        .Put(1, "湘东区2022年重大项目调度表")
        .Put(2, "项目名称", "县区", "领域", "年度计划投资", "1-" + name.TrimEnd('份').TrimEnd('月') + "月累计完成投资")
        .Put(3, "湘东区陶瓷产业园", "湘东区", "工业", 10000, completed);

    [Fact]
    public void Reads_only_the_latest_month_of_a_workbook_kept_one_sheet_per_month()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            workbook.AddWorksheet("填报说明").Put(1, "每月新增一个工作表，5日前报送。");
            MonthSheet(workbook, "10月", 7600);
            MonthSheet(workbook, "11月", 8300);
            MonthSheet(workbook, "12月", 9900);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "xiangdong").Clean();

        Assert.Equal((RealWorld.December2022, 9900m), (outcome.Period!.Value, outcome.Projects.Single().Completed));
        Assert.Equal(["12月"], outcome.Sheets.Select(s => s.Sheet));
    }

    [Fact]
    public void Reads_the_month_the_upload_names_from_a_workbook_kept_one_sheet_per_month()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            MonthSheet(workbook, "10月份", 7600);
            MonthSheet(workbook, "11月份", 8300);
            MonthSheet(workbook, "12月份", 9900);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "xiangdong", period: new ReportingPeriod(2022, 11)).Clean();

        Assert.Equal(8300m, outcome.Projects.Single().Completed);
    }

    [Theory]
    [InlineData("填报单位：萍乡经济技术开发区经济发展局", "jingkai")]
    [InlineData("填报单位：武功山管委会", "wugongshan")]
    [InlineData("填报单位（盖章）：上栗县发展和改革委员会", "shangli")]
    public void Finds_the_department_from_the_name_the_clerk_writes(string line, string department)
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, line)
            .Put(2, "时间：2022年1-12月")
            .Put(3, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(4, "示范项目", "武功山", "服务业", 100, 90));

        Assert.Equal(department, RealWorld.Read(file, department: null).Clean().DepartmentId);
    }

    [Fact]
    public void Finds_the_city_bureau_from_the_name_the_clerk_writes()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "报送单位：萍乡市商务局")
            .Put(2, "时间：2022年1-12月")
            .Put(3, "项目名称", "县区", "签约时间", "签约金额（万元）")
            .Put(4, "示范项目", "武功山", new DateTime(2022, 5, 1), 10000));

        Assert.Equal("swj", RealWorld.Read(file, department: null).Clean().DepartmentId);
    }

    [Fact]
    public void Fills_a_county_and_field_merged_down_over_their_projects()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("全市")
                .Put(1, "萍乡市2022年1-12月重大项目调度表")
                .Put(2, "县区", "领域", "项目名称", "年度计划投资", "累计完成投资")
                .Put(3, "安源区", "工业", "安源区光伏组件", 4000, 4100)
                .Put(4, null, null, "安源区粉末冶金", 2000, 1700)
                .Put(5, null, "服务业", "安源区商贸城", 3000, 3000)
                .Put(6, "湘东区", "工业", "湘东区陶瓷产业园", 10000, 9900)
                .Put(7, null, null, "湘东区耐火材料", 5000, 5100);
            sheet.Range("A3:A5").Merge();
            sheet.Range("B3:B4").Merge();
            sheet.Range("A6:A7").Merge();
            sheet.Range("B6:B7").Merge();
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "fgw").Clean();

        Assert.Equal(
            [
                ("安源区光伏组件", "安源区", "工业", 4000m, 4100m),
                ("安源区粉末冶金", "安源区", "工业", 2000m, 1700m),
                ("安源区商贸城", "安源区", "服务业", 3000m, 3000m),
                ("湘东区陶瓷产业园", "湘东区", "工业", 10000m, 9900m),
                ("湘东区耐火材料", "湘东区", "工业", 5000m, 5100m),
            ],
            outcome.Projects.Select(p => p.Core()));
    }

    [Fact]
    public void Does_not_copy_a_merged_amount_into_the_rows_below()
    {
        // One figure merged over two project rows cannot be split: the second row's figure is missing.
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "一期", "安源区", "工业", 4000, 4100)
                .Put(4, "二期", "安源区", "工业", null, 1700);
            sheet.Range("D3:D4").Merge();
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.CellRequiredEmpty, "D4"), (error.RuleId, error.Cell!));
    }

    [Fact]
    public void Skips_hidden_rows_and_says_which_ones()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Put(1, "时间：2022年1-12月")
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "安源区光伏组件", "安源区", "工业", 4000, 4100)
                .Put(4, "已调出项目", "安源区", "工业", 800, 0)
                .Put(5, "安源区商贸城", "安源区", "服务业", 3000, 3000);
            sheet.Row(4).Hide();
            for (int r = 6; r <= 30; r++)
            {
                sheet.Put(r, $"项目{r}", "安源区", "农业", 10, 10);
            }

            sheet.Row(28).Hide();
        });

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal(26, outcome.Projects.Count);
        Assert.DoesNotContain(outcome.Projects, p => p.Name is "已调出项目" or "项目28");
        Finding warning = Assert.Single(outcome.Findings);
        Assert.Equal((Severity.Warning, RuleIds.RowHidden, "调度表"), (warning.Severity, warning.RuleId, warning.Sheet!));
        Assert.Equal("工作表“调度表”第4、28行是隐藏行，未读取。如需统计，请取消隐藏后重新上传。", warning.Message);
    }

    [Fact]
    public void Skips_the_title_and_header_repeated_on_each_printed_page()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表")
                .Title(1, "芦溪县2022年1-12月重大项目调度表（单位：亿元）", 5)
                .Put(2, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(3, "芦溪县电瓷产业园", "芦溪县", "工业", 2.6, 2.45)
                .Title(4, "芦溪县2022年1-12月重大项目调度表（续）", 5)
                .Put(5, "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                .Put(6, "芦溪县\n宣风镇污水处理厂（一期）", "芦溪县", "生态环保", 0.8, 0.75);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: "luxi").Clean();

        Assert.Equal(
            [("芦溪县电瓷产业园", "芦溪县", "工业", 26000m, 24500m), ("芦溪县宣风镇污水处理厂（一期）", "芦溪县", "生态环保", 8000m, 7500m)],
            outcome.Projects.Select(p => p.Core()));
    }

    [Fact]
    public void Takes_the_county_of_a_county_signings_table_from_the_upload()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约")
            .Put(1, "上栗县2022年1-12月招商引资签约项目")
            .Put(2, "序号", "项目名称", "签约时间", "签约金额（亿元）", "客商所在地", "是否5020项目")
            .Put(3, 1, "东讯精密", "2022年5月", 20, "广东东莞", "是"));

        SigningRecord signing = RealWorld.Read(file, department: "shangli").Clean().Signings.Single();

        Assert.Equal(("上栗县", 200000m, "粤港澳大湾区", true), (signing.County, signing.Amount, signing.SourceRegion!, signing.Is5020));
    }
}
