using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Units and currencies as departments state them: in a header, in a units row under the header, in the note
/// above the table. Every yuan unit converts exactly to 万元; a foreign currency is refused or left out, never
/// taken for 万元; the unit each column was read in is stored with the dataset and told on the receipt.
/// </summary>
public sealed class UnitVariantTests : IDisposable
{
    private readonly RealWorldPipeline _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    private static MemoryStream Projects(string note, string planHeader, string completedHeader, object plan, object completed) => RealWorld.Book(workbook =>
        workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月", null, null, note)
            .Put(3, "序号", "项目名称", "县区", "所属领域", planHeader, completedHeader)
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", plan, completed));

    [Theory]
    [InlineData("（元）", 250000000, 25000)]
    [InlineData("（千元）", 250000, 25000)]
    [InlineData("（万元）", 25000, 25000)]
    [InlineData("（十万元）", 2500, 25000)]
    [InlineData("（百万元）", 250, 25000)]
    [InlineData("（千万元）", 25, 25000)]
    [InlineData("（亿元）", 2.5, 25000)]
    [InlineData("(人民币千元)", 250000, 25000)]
    public void Converts_every_yuan_unit_a_header_names_exactly_into_wan(string unit, double written, int wan)
    {
        using MemoryStream file = Projects("单位：万元", "年度计划投资" + unit, "累计完成投资" + unit, written, written);

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((wan, wan), ((int)project.AnnualPlan, (int)project.Completed));
        Assert.Equal((decimal)wan, project.AnnualPlan);
    }

    [Theory]
    [InlineData("单位：千元", 243000, 24300)]
    [InlineData("金额单位：十万元", 243, 2430)]
    [InlineData("单位：百万元", 24.3, 2430)]
    [InlineData("（单位：亿元）", 2.43, 24300)]
    public void Converts_the_unit_a_sheet_note_names(string note, double written, int wan)
    {
        using MemoryStream file = Projects(note, "年度计划投资", "累计完成投资", written, written);

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal(((decimal)wan, (decimal)wan), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public async Task Reads_a_header_unit_over_the_sheet_note_stores_it_with_the_dataset_and_says_so_on_the_receipt()
    {
        using MemoryStream file = Projects("单位：万元", "年度计划投资", "1-12月累计完成投资（千元）", 12000, 88000);

        SubmissionReceipt receipt = await _pipeline.Upload("anyuan", "安源区.xlsx", file);
        Dataset dataset = await _pipeline.Dataset("anyuan", DatasetKind.Projects, RealWorld.December2022);

        Assert.Equal(SubmissionResult.Accepted, receipt.Status);
        Assert.Equal((12000m, 8800m), (dataset.Projects[0].AnnualPlan, dataset.Projects[0].Completed));
        Assert.Equal(
            [
                new ColumnUnit("调度表", "annualPlan", "年度计划投资", "万元", ColumnUnit.FromNote, "万元"),
                new ColumnUnit("调度表", "completed", "1-12月累计完成投资（千元）", "千元", ColumnUnit.FromHeader, "万元"),
            ],
            dataset.Units);
        string line = "工作表“调度表”的“1-12月累计完成投资（千元）”列按表头所写的千元读取（表上注明的单位为万元），已折算为万元。";
        Assert.Equal(line, receipt.Record.UnitNotes);

        string mail = ReceiptMail.Create(TestWorkbooks.Options, new ReceiptMailContent
        {
            DepartmentName = "安源区",
            FileName = "安源区.xlsx",
            Outcome = ReceiptOutcome.Accepted,
            ReceivedAt = receipt.Record.ReceivedAt,
            UnitNotes = [line],
        }, "clerk@example.gov.cn").Body;
        Assert.Contains("读数单位：\n· " + line + "\n", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_signings_amount_in_dollars_with_a_question_the_clerk_can_answer()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表", null, null, "单位：万元")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（亿美元）")
            .Put(3, 1, "萍乡经开区新能源汽车零部件项目", "萍乡经开区", new DateTime(2022, 9, 1), 33.6));

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.UnitForeignCurrency, "签约项目", "E2", "签约金额（亿美元）"), (error.RuleId, error.Sheet!, error.Cell!, error.Header!));
        Assert.Equal(
            "工作表“签约项目”E2单元格（签约金额（亿美元））按表头的单位为亿美元，是外币，无法准确折算为人民币万元（汇率口径未定）。请按人民币万元填报签约金额；外资金额可另列“外资（万美元）”列。",
            error.Message);
    }

    [Fact]
    public void Refuses_a_signings_table_whose_note_states_dollars()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "时间：2022年1-12月", null, null, "单位：万美元")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额")
            .Put(3, 1, "萍乡经开区新能源汽车零部件项目", "萍乡经开区", new DateTime(2022, 9, 1), 4800));

        Finding error = RealWorld.Read(file, department: "swj").OnlyError();

        Assert.Equal((RuleIds.UnitForeignCurrency, "E2"), (error.RuleId, error.Cell!));
        Assert.StartsWith("工作表“签约项目”E2单元格（签约金额）按表注的单位为万美元，是外币，", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_foreign_investment_in_yi_dollars_into_wan_dollars_and_leaves_out_one_in_yuan()
    {
        using MemoryStream dollars = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "时间：2022年1-12月", null, null, "单位：亿元")
            .Put(2, "项目名称", "县区", "签约金额", "外资（亿美元）")
            .Put(3, "萍乡经开区新能源汽车零部件项目", "萍乡经开区", 24, 0.35));
        using MemoryStream yuan = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "签约金额", "外资（万元）")
            .Put(3, "萍乡经开区新能源汽车零部件项目", "萍乡经开区", 240000, 24000));

        SigningRecord read = RealWorld.Read(dollars, department: "swj").Clean().Signings.Single();
        IngestionOutcome left = RealWorld.Read(yuan, department: "swj").Accepted();

        Assert.Equal((240000m, 3500m), (read.Amount, read.ForeignAmountUsd!.Value));
        Assert.Null(left.Signings.Single().ForeignAmountUsd);
        Finding warning = left.Single(RuleIds.UnitForeignCurrency);
        Assert.Equal((Severity.Warning, "D2"), (warning.Severity, warning.Cell!));
        Assert.Equal("工作表“签约项目”D2单元格（外资（万元））按表头的单位为万元，不是美元，无法准确折算为万美元，本列未读取。外资请以万美元填报。", warning.Message);
    }

    [Fact]
    public void Leaves_out_an_optional_total_investment_in_dollars_with_a_warning()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "项目名称", "县区", "领域", "总投资（亿美元）", "年度计划投资", "累计完成投资")
            .Put(3, "萍乡经开区外资电子项目", "萍乡经开区", "工业", 1.5, 8000, 7000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "jingkai").Accepted();

        ProjectRecord project = outcome.Projects.Single();
        Assert.Equal((8000m, 7000m, (decimal?)null), (project.AnnualPlan, project.Completed, project.TotalInvestment));
        Finding warning = outcome.Single(RuleIds.UnitForeignCurrency);
        Assert.Equal(
            "工作表“调度表”D2单元格（总投资（亿美元））按表头的单位为亿美元，是外币，无法准确折算为人民币万元，本列未计入。如需统计，请按人民币万元填报。",
            warning.Message);
    }

    [Fact]
    public void Keeps_a_metric_in_dollars_in_dollars_and_converts_one_in_thousand_yuan()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("指标")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "指标名称", "单位", "1-12月累计", "上年同期")
            .Put(3, "实际利用外资", "万美元", 12345, 11000)
            .Put(4, "进出口总额", "亿美元", 12.5, 10)
            .Put(5, "为企业减负金额", "千元", 3200000, 2500000));

        IngestionOutcome outcome = RealWorld.Read(file, department: "gxj").Clean();

        Assert.Equal(
            [("实际利用外资", "万美元", 12345m, 11000m), ("进出口总额", "亿美元", 12.5m, 10m), ("为企业减负金额", "万元", 320000m, 250000m)],
            outcome.Metrics.Select(m => (m.Name, m.Unit!, m.Value!.Value, m.Prior!.Value)));
    }

    [Fact]
    public void Applies_a_units_row_under_the_header_column_by_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "安源区2022年重大项目调度表")
            .Put(2, "时间：2022年1-12月")
            .Put(3, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "完成率", "项目个数")
            .Put(4, null, "—", "—", "—", "亿元", "万元", "%", "个")
            .Put(5, 1, "安源区新能源电池项目", "安源区", "工业", 1, 12000, "120%", 1)
            .Put(6, 2, "安源区污水处理厂", "安源区", "生态环保", 0.5, 3000, "60%", 1));

        IngestionOutcome outcome = RealWorld.Read(file).Clean();

        Assert.Equal([(10000m, 12000m), (5000m, 3000m)], outcome.Projects.Select(p => (p.AnnualPlan, p.Completed)));
        Assert.Equal(["工作表“调度表”的“年度计划投资”列按单位行所写的亿元读取（表上未注明单位），已折算为万元。"], outcome.UnitNotes);
    }

    [Fact]
    public void Applies_a_units_row_led_by_the_word_unit_after_the_column_numbers()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资")
            .Put(3, "甲", "乙", 1, 2, 3, 4)
            .Put(4, "单位", null, null, null, "（亿元）", "（亿元）")
            .Put(5, 1, "安源区新能源电池项目", "安源区", "工业", 1, 1.2));

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((10000m, 12000m), (project.AnnualPlan, project.Completed));
    }

    [Fact]
    public void Refuses_a_units_row_that_contradicts_the_header()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资（万元）", "累计完成投资")
            .Put(3, null, null, null, null, "亿元", "万元")
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 1, 12000));

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.UnitAmbiguous, "E3"), (error.RuleId, error.Cell!));
        Assert.Equal("工作表“调度表”E3单元格（年度计划投资（万元））的单位无法确定：表头写的是万元，下方单位行写的是亿元。请只写一个金额单位（如“万元”）后重新上传。", error.Message);
    }

    [Fact]
    public void Refuses_a_percent_written_under_an_amount_in_the_units_row()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月")
            .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资")
            .Put(3, null, null, null, null, "万元", "%")
            .Put(4, 1, "安源区新能源电池项目", "安源区", "工业", 10000, 120));

        Finding error = RealWorld.Read(file).OnlyError();

        Assert.Equal((RuleIds.UnitAmbiguous, "F3"), (error.RuleId, error.Cell!));
        Assert.Contains("下方单位行写的是“%”，不是金额单位", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_take_a_size_class_or_a_rate_in_a_header_for_its_unit()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月", null, null, "单位：万元")
            .Put(2, "项目名称", "县区", "领域", "年度计划投资（亿元以上项目）", "累计完成投资", "单价（元/平方米）")
            .Put(3, "安源区新能源电池项目", "安源区", "工业", 12000, 8000, 3500));

        ProjectRecord project = RealWorld.Read(file).Clean().Projects.Single();

        Assert.Equal((12000m, 8000m), (project.AnnualPlan, project.Completed));
    }
}
