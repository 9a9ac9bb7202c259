using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>Signings tables whose extra columns change what a row is: a status, a currency, a 5020 mark in words.</summary>
public sealed class SigningMisreadTests
{
    private static IngestionOutcome ReadSignings(string extra, params object?[][] rows)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("签约项目")
                .Put(1, "2022年1-12月招商引资签约项目表", null, null, "单位：万元")
                .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）", extra);
            for (int i = 0; i < rows.Length; i++)
            {
                sheet.Put(3 + i, [i + 1, .. rows[i]]);
            }
        });
        return RealWorld.Read(file, department: "swj");
    }

    [Fact]
    public void Counts_only_the_signed_rows_of_a_table_with_a_signing_status()
    {
        IngestionOutcome outcome = ReadSignings(
            "签约状态",
            ["中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000, "已签约"],
            ["湘东区工业陶瓷项目", "湘东区", new DateTime(2022, 5, 1), 12000, "在谈"],
            ["安源区智能装备项目", "安源区", new DateTime(2022, 6, 1), 8000, "拟签约"],
            ["上栗县烟花物流园项目", "上栗县", new DateTime(2022, 7, 1), 20000, "已签约"]).Accepted();

        Assert.Equal(["中材锂电隔膜项目", "上栗县烟花物流园项目"], outcome.Signings.Select(s => s.Name));
        Assert.Equal([("F4", "在谈"), ("F5", "拟签约")], outcome.Findings.Where(f => f.RuleId == RuleIds.SigningNotSigned).Select(f => (f.Cell!, f.Value!)));
        Assert.Equal(
            "工作表“签约项目”F4单元格（签约状态）的值“在谈”表示尚未签约，该项目不计入签约项目数和签约金额。签约后请在下月报表中报送。",
            outcome.Findings.First(f => f.RuleId == RuleIds.SigningNotSigned).Message);
    }

    [Fact]
    public void Refuses_a_signing_whose_currency_column_says_dollars()
    {
        Finding error = ReadSignings(
            "币种",
            ["中材锂电隔膜项目", "芦溪县", new DateTime(2022, 3, 1), 50000, "人民币"],
            ["萍乡经开区外资电子项目", "萍乡经开区", new DateTime(2022, 5, 1), 17000, "美元"]).OnlyError();

        Assert.Equal((RuleIds.UnitForeignCurrency, "F4", "美元"), (error.RuleId, error.Cell!, error.Value!));
        Assert.Equal(
            "工作表“签约项目”F4单元格（币种）的值“美元”不是人民币：签约金额须按人民币万元填报（外币无法准确折算），请折算后填写并将币种改为人民币；外资金额可另列“外资（万美元）”列。",
            error.Message);
    }

    [Fact]
    public void Reads_5020_marks_in_words_and_their_negations()
    {
        IngestionOutcome marks = ReadSignings(
            "是否5020项目",
            ["一", "芦溪县", new DateTime(2022, 3, 1), 50000, "5020项目"],
            ["二", "湘东区", new DateTime(2022, 5, 1), 12000, "√"],
            ["三", "安源区", new DateTime(2022, 6, 1), 8000, "非5020项目"]).Clean();
        IngestionOutcome types = ReadSignings(
            "项目类型",
            ["一", "芦溪县", new DateTime(2022, 3, 1), 50000, "“5020”项目"],
            ["二", "湘东区", new DateTime(2022, 5, 1), 12000, "非“5020”项目"],
            ["三", "安源区", new DateTime(2022, 6, 1), 8000, "一般项目"]).Clean();

        Assert.Equal([true, true, false], marks.Signings.Select(s => s.Is5020));
        Assert.Equal([true, false, false], types.Signings.Select(s => s.Is5020));
    }
}
