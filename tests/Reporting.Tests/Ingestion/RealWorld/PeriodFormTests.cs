using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>Periods written in the other ways clerks write them, read when the upload does not name the period.</summary>
public sealed class PeriodFormTests
{
    private static IngestionOutcome Read(Action<IXLWorksheet> above)
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("调度表");
            above(sheet);
            sheet.Put(4, "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资")
                .Put(5, "安源区新能源电池项目", "安源区", "工业", 10000, 12000);
        });
        return RealWorld.Read(file, period: null);
    }

    [Fact]
    public void Reads_a_year_and_month_in_chinese_numerals()
    {
        IngestionOutcome outcome = Read(sheet => sheet.Put(1, "安源区重大项目调度表").Put(2, "二〇二二年十二月"));

        Assert.Equal(RealWorld.December2022, outcome.Clean().Period);
    }

    [Fact]
    public void Reads_a_two_digit_year_after_a_time_label()
    {
        IngestionOutcome outcome = Read(sheet => sheet.Put(1, "安源区重大项目调度表").Put(2, "时间：22年1-12月"));

        Assert.Equal(RealWorld.December2022, outcome.Clean().Period);
    }

    [Fact]
    public void Reads_a_date_cell_after_a_time_label_as_its_month()
    {
        IngestionOutcome outcome = Read(sheet =>
        {
            sheet.Put(1, "安源区重大项目调度表").Put(2, "时间：", new DateTime(2022, 12, 31));
            sheet.Cell(2, 2).Style.DateFormat.Format = "yyyy\"年\"m\"月\"";
        });

        Assert.Equal(RealWorld.December2022, outcome.Clean().Period);
    }

    [Fact]
    public void Reads_a_year_and_month_in_brackets_closing_the_title()
    {
        IngestionOutcome outcome = Read(sheet => sheet.Put(1, "安源区重大项目调度表（2022.12）"));

        Assert.Equal(RealWorld.December2022, outcome.Clean().Period);
    }
}
