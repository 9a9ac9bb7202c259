using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using Reporting.Core.Briefings.Attachments;
using Reporting.Core.Indicators;

namespace Reporting.Tests.Briefings.Attachments;

/// <summary>滞后项目清单.xlsx read back as a leader's spreadsheet program (ExcelDataReader) and as its parts.</summary>
public sealed class LaggingWorkbookTests
{
    [Fact]
    public async Task Every_lagging_project_is_a_row_with_its_county_field_figures_issue_and_unit()
    {
        IndicatorReport report = TwoMonths.NovemberToDecember() with { Lagging = PingxiangSample.Lagging() };

        BriefingAttachment attachment = Assert.Single(await BriefingAttachments.ForAsync(report));

        Assert.Equal("滞后项目清单.xlsx", attachment.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", attachment.MediaType);
        List<object?[]> rows = Read(attachment.Content, out string sheet);
        Assert.Equal("滞后项目清单", sheet);
        Assert.Equal(LaggingWorkbook.Headers, rows[0].Select(c => (string)c!));
        Assert.Equal(6, rows.Count);
        object?[] first = rows[1];
        LaggingProject expected = PingxiangSample.Lagging()[0];
        Assert.Equal(1d, first[0]);
        Assert.Equal(expected.Name, first[1]);
        Assert.Equal("安源区", first[2]);
        Assert.Equal("重大基础设施", first[3]);
        Assert.Equal((double)expected.AnnualPlan, first[4]);
        Assert.Equal((double)expected.Completed, first[5]);
        Assert.Equal((double)expected.CompletionPct, first[6]);
        Assert.Equal((double)expected.ScheduleGapPp, first[7]);
        Assert.Equal("红色", first[8]);
        Assert.Equal("征地拆迁未完成，站前广场未开工", first[9]);
        Assert.Equal("市交通运输局", first[10]);
        Assert.Equal("黄色", rows[5][8]);
    }

    [Fact]
    public async Task The_header_is_frozen_filterable_and_the_columns_have_set_widths()
    {
        byte[] content = await LaggingWorkbook.ToBytesAsync(PingxiangSample.Lagging());

        string sheet = Part(content, "xl/worksheets/sheet1.xml");

        Assert.Contains("<autoFilter ref=\"A1:K6\"", sheet, StringComparison.Ordinal);
        Assert.Matches("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"", sheet);
        Assert.Equal(LaggingWorkbook.Headers.Count, System.Text.RegularExpressions.Regex.Count(sheet, "<col [^>]*width=\"[0-9.]+\"[^>]*customWidth=\"1\""));
    }

    [Fact]
    public async Task A_hundred_thousand_rows_all_read_back()
    {
        IReadOnlyList<LaggingProject> lagging = PingxiangSample.ManyLagging(100_000);

        byte[] content = await LaggingWorkbook.ToBytesAsync(lagging);

        List<object?[]> rows = Read(content, out _);
        Assert.Equal(100_001, rows.Count);
        Assert.Equal(lagging[^1].Name, rows[^1][1]);
        Assert.Equal(100_000d, rows[^1][0]);
    }

    [Fact]
    public async Task Nothing_lagging_means_nothing_attached() =>
        Assert.Empty(await BriefingAttachments.ForAsync(TwoMonths.NovemberToDecember() with { Lagging = [] }));

    private static List<object?[]> Read(byte[] content, out string sheetName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(content);
        using IExcelDataReader reader = ExcelReaderFactory.CreateReader(stream);
        sheetName = reader.Name;
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Part(byte[] content, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
