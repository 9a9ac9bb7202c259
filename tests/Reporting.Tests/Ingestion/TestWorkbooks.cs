using ClosedXML.Excel;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

/// <summary>Builds fixture workbooks in code (ClosedXML) and reads them through the real ingestor.</summary>
internal static class TestWorkbooks
{
    private static readonly Lazy<ReportingOptions> s_options = new(() => CliEnvironment.LoadOptions(null));

    public static ReportingOptions Options => s_options.Value;

    public static readonly string[] ProjectHeader = ["序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "是否开工"];

    public static MemoryStream Xlsx(Action<XLWorkbook> build)
    {
        using var workbook = new XLWorkbook();
        build(workbook);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes values into a row from column A; null leaves a cell blank.</summary>
    public static IXLWorksheet Put(this IXLWorksheet sheet, int row, params object?[] values) => sheet.PutAt(row, 1, values);

    public static IXLWorksheet PutAt(this IXLWorksheet sheet, int row, int column, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            IXLCell cell = sheet.Cell(row, column + i);
            switch (values[i])
            {
                case null:
                    break;
                case string text:
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                    break;
                case DateTime date:
                    cell.SetValue(date);
                    break;
                case bool flag:
                    cell.SetValue(flag);
                    break;
                case int number:
                    cell.SetValue((double)number);
                    break;
                case decimal number:
                    cell.SetValue((double)number);
                    break;
                case double number:
                    cell.SetValue(number);
                    break;
                default:
                    throw new ArgumentException($"Unsupported fixture value {values[i]!.GetType().Name}.");
            }
        }

        return sheet;
    }

    /// <summary>A typical 重大项目调度表: title, period line, unit note, header at row 4, then <paramref name="rows"/> from row 5.</summary>
    public static MemoryStream ProjectWorkbook(string period = "时间：2022年1-12月", string unit = "单位：万元", params object?[][] rows) => Xlsx(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("项目表");
        sheet.Put(1, "萍乡市2022年重大项目调度表");
        sheet.Put(2, period);
        sheet.Put(3, unit);
        sheet.Put(4, ProjectHeader);
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(5 + i, rows[i]);
        }
    });

    public static IngestionOutcome Read(Stream stream, string fileName = "报表.xlsx", string? department = "anyuan", ReportingPeriod? period = null, Func<ReportingPeriod, IReadOnlyList<ProjectRecord>?>? previous = null, ReportingOptions? options = null) =>
        new WorkbookIngestor().Read(stream, fileName, new IngestionContext
        {
            Department = department,
            Period = period,
            Options = options ?? Options,
            PreviousMonthProjects = previous,
        });

    public static Finding Single(this IngestionOutcome outcome, string ruleId) => Assert.Single(outcome.Findings, f => f.RuleId == ruleId);

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
