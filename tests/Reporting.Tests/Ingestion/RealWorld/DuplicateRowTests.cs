using ClosedXML.Excel;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// One rule for a project's copies, wherever they are: counted once, with a warning naming both rows; a file
/// whose copies disagree on figures is refused. The same <see cref="ProjectIdentity"/> decides inside a file and across files.
/// </summary>
public sealed class DuplicateRowTests : IDisposable
{
    private readonly RealWorldPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    private static MemoryStream County(string county, params object?[][] rows) => RealWorld.Book(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("调度表");
        sheet.Put(1, "时间：2022年1-12月", null, null, null, "单位：万元");
        sheet.Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(3 + i, [i + 1, .. rows[i][..1], county, .. rows[i][1..]]);
        }
    });

    [Fact]
    public async Task A_row_repeated_in_one_file_is_counted_once_with_a_warning_naming_both_rows()
    {
        using MemoryStream file = County(
            "安源区",
            ["安源区新能源电池项目", "工业", 10000, 12000],
            ["安源区污水处理厂", "生态环保", 5000, 3000],
            ["安源区新能源电池项目", "工业", 10000, 12000]);

        SubmissionReceipt receipt = await _pipeline.Upload("anyuan", "安源区.xlsx", file);
        IndicatorReport report = await _pipeline.Indicators(RealWorld.December2022);

        Assert.Equal(SubmissionResult.AcceptedWithWarnings, receipt.Status);
        Finding warning = Assert.Single(receipt.Findings, f => f.RuleId == RuleIds.ProjectDuplicate);
        Assert.Equal(("调度表", "B5", "项目名称", "安源区新能源电池项目", Severity.Warning), (warning.Sheet!, warning.Cell!, warning.Header!, warning.Value!, warning.Severity));
        Assert.Equal("工作表“调度表”B5单元格（项目名称）的值“安源区新能源电池项目”与第3行的项目重复（项目名称和县区相同），两行数字相同，只计一次。请删除重复行。", warning.Message);
        Assert.Equal((2, 15000m, 15000m), (report.Overall.Count, report.Overall.AnnualPlan, report.Overall.Completed));
    }

    [Fact]
    public async Task A_project_is_counted_once_whether_its_copies_are_in_one_file_or_in_two()
    {
        using MemoryStream both = County("湘东区", ["湘东区陶瓷产业园", "工业", 8000, 6000], ["湘东区陶瓷产业园", "工业", 8000, 6000]);
        using MemoryStream one = County("湘东区", ["湘东区陶瓷产业园", "工业", 8000, 6000]);
        using MemoryStream other = County("湘东区", ["湘东区 陶瓷产业园", "工业", 8000, 6000]);

        await _pipeline.Upload("xiangdong", "湘东区.xlsx", both);
        IndicatorReport inOneFile = await _pipeline.Indicators(RealWorld.December2022);
        await _pipeline.Upload("xiangdong", "湘东区.xlsx", one);
        await _pipeline.Upload("fgw", "发改委.xlsx", other);
        IndicatorReport inTwoFiles = await _pipeline.Indicators(RealWorld.December2022);

        Assert.Equal((1, 8000m, 6000m), (inOneFile.Overall.Count, inOneFile.Overall.AnnualPlan, inOneFile.Overall.Completed));
        Assert.Equal((1, 8000m, 6000m), (inTwoFiles.Overall.Count, inTwoFiles.Overall.AnnualPlan, inTwoFiles.Overall.Completed));
    }

    [Fact]
    public void Refuses_a_file_whose_copies_of_one_project_disagree_on_figures()
    {
        using MemoryStream file = County(
            "安源区",
            ["安源区人民医院综合楼（二期）", "公共服务", 8000, 8800],
            ["安源区商贸物流园", "服务业", 2000, 500],
            ["安源区人民医院综合楼(二期)", "公共服务", 8000, 7600]);

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.ProjectDuplicateConflict, "调度表", "B5", "项目名称"), (error.RuleId, error.Sheet!, error.Cell!, error.Header!));
        Assert.Equal(
            "工作表“调度表”B5单元格（项目名称）的值“安源区人民医院综合楼(二期)”与第3行的项目重复（项目名称和县区相同），但累计完成投资第3行为8800万元、第5行为7600万元，无法确定以哪一行为准。同一项目只能填报一行，请删除或合并重复行后重新上传。",
            error.Message);
    }

    [Fact]
    public void Counts_a_project_listed_on_two_sheets_of_one_workbook_once()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            foreach (string name in (string[])["续建", "新开工"])
            {
                workbook.AddWorksheet(name)
                    .Put(1, "时间：2022年1-12月")
                    .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
                    .Put(3, "2201-360300-04-01-000001", "萍乡大道", "安源区", "重大基础设施", 10000, 9000)
                    .Put(4, "2201-360300-04-01-00000" + (name == "续建" ? "2" : "3"), "安源区" + name + "厂房", "安源区", "工业", 100, 50);
            }
        });

        IngestionOutcome outcome = RealWorld.Read(file).Accepted();

        Assert.Equal(["萍乡大道", "安源区续建厂房", "安源区新开工厂房"], outcome.Projects.Select(p => p.Name));
        Finding warning = outcome.Single(RuleIds.ProjectDuplicate);
        Assert.Equal(("新开工", "B3"), (warning.Sheet!, warning.Cell!));
        Assert.Contains("与工作表“续建”第3行的项目重复（项目代码相同），两行数字相同，只计一次。", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_two_projects_of_one_name_under_two_codes_and_asks()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目代码", "项目名称", "县区", "领域", "年度计划投资", "累计完成投资")
            .Put(3, "A-1", "标准厂房建设项目", "萍乡经开区", "工业", 3000, 2000)
            .Put(4, "A-2", "标准厂房建设项目", "萍乡经开区", "工业", 5000, 1000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "jingkai").Accepted();

        Assert.Equal([3000m, 5000m], outcome.Projects.Select(p => p.AnnualPlan));
        Assert.Equal(
            "工作表“表”B4单元格（项目名称）的值“标准厂房建设项目”与第3行的项目重复（项目名称和县区相同），但项目代码不同（A-1、A-2），按两个项目分别统计。如是同一项目，请删除重复行；如不是，请在项目名称中加以区分。",
            outcome.Single(RuleIds.ProjectDuplicate).Message);
    }

    [Fact]
    public void A_signing_repeated_in_one_file_is_counted_once()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约")
            .Put(1, "2022年1-12月招商引资签约项目")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）")
            .Put(3, 1, "中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000)
            .Put(4, 2, "湘东区工业陶瓷项目", "湘东区", new DateTime(2022, 5, 1), 12000)
            .Put(5, 3, "中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Accepted();

        Assert.Equal([50000m, 12000m], outcome.Signings.Select(s => s.Amount));
        Assert.Equal("B5", outcome.Single(RuleIds.ProjectDuplicate).Cell);
    }

    [Fact]
    public void A_visible_last_month_sheet_is_refused_naming_both_sheets_and_what_to_do_with_it()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            string[] header = ["序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资（万元）"];
            workbook.AddWorksheet("本月").Put(1, "时间：2022年1-12月").Put(2, header).Put(3, 1, "安源区污水处理厂", "安源区", "生态环保", 5000, 3000);
            workbook.AddWorksheet("上月").Put(2, header).Put(3, 1, "安源区污水处理厂", "安源区", "生态环保", 5000, 2500);
        });

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.ProjectDuplicateConflict, "上月", "B3"), (error.RuleId, error.Sheet!, error.Cell!));
        Assert.Equal(
            "工作表“上月”B3单元格（项目名称）的值“安源区污水处理厂”与工作表“本月”第3行的项目重复（项目名称和县区相同），但累计完成投资工作表“本月”第3行为3000万元、本表第3行为2500万元，"
            + "无法确定以哪一行为准。同一项目只能填报一行，请删除或合并重复行后重新上传。如工作表“上月”是上月的数据，请删除该工作表（或将其隐藏）后重新上传。",
            error.Message);
    }
}
