using ClosedXML.Excel;
using Reporting.Core.Configuration;

namespace Reporting.Core.Ingestion.Output;

/// <summary>
/// The blank fill-in workbook for a kind: title, period line, 填报单位, unit note, the header the
/// reader expects, and drop-down lists (county, field, 是/否) fed from a hidden sheet.
/// </summary>
public static class TemplateWriter
{
    /// <summary>The name a downloaded template carries, e.g. 重大项目调度表（2022年1-12月）.xlsx.</summary>
    public static string FileName(DatasetKind kind, ReportingPeriod? period) =>
        period is { } p ? $"{kind.ToChinese()}（{p.ToChineseCumulative()}）.xlsx" : $"{kind.ToChinese()}.xlsx";

    public const string DataSheetName = "填报表";
    private const string ListsSheetName = "选项";
    private const int ListRows = 500;
    private const int HeaderRow = 5;

    private sealed record Column(string Header, double Width, string? List = null, string? NumberFormat = null);

    public static void Write(DatasetKind kind, ReportingOptions options, Stream output, ReportingPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        IXLWorksheet sheet = workbook.AddWorksheet(DataSheetName);
        IXLWorksheet lists = workbook.AddWorksheet(ListsSheetName);
        IReadOnlyList<string> counties = [.. options.Ingestion.EffectiveCounties().Select(c => c.Name)];
        IReadOnlyList<string> fields = [.. options.Ingestion.EffectiveFields().Select(f => f.Name)];
        WriteList(lists, 1, "县区", counties);
        WriteList(lists, 2, "领域", fields);
        WriteList(lists, 3, "是否", ["是", "否"]);
        WriteList(lists, 4, "来源地", ["粤港澳大湾区", "长三角", "长株潭", "其他"]);
        lists.Visibility = XLWorksheetVisibility.Hidden;

        Column[] columns = ColumnsFor(kind);
        string title = $"{options.City}{kind.ToChinese()}";
        string periodLine = period is ReportingPeriod p ? $"时间：{p.ToChineseCumulative()}" : "时间：    年1-  月";
        sheet.Cell(1, 1).SetText(title).Style.Font.SetBold().Font.SetFontSize(16);
        sheet.Range(1, 1, 1, columns.Length).Merge().Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Cell(2, 1).SetText(periodLine);
        sheet.Cell(3, 1).SetText("填报单位：");
        sheet.Cell(4, 1).SetText(kind == DatasetKind.Metrics ? "单位：见各行“单位”列" : "单位：万元");

        for (int i = 0; i < columns.Length; i++)
        {
            Column column = columns[i];
            IXLCell header = sheet.Cell(HeaderRow, i + 1).SetText(column.Header);
            header.Style.Font.Bold = true;
            header.Style.Alignment.WrapText = true;
            header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xEB, 0xF7);
            header.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            sheet.Column(i + 1).Width = column.Width;
            IXLRange body = sheet.Range(HeaderRow + 1, i + 1, HeaderRow + ListRows, i + 1);
            if (column.NumberFormat is not null)
            {
                body.Style.NumberFormat.Format = column.NumberFormat;
            }

            if (column.List is not null)
            {
                int listColumn = column.List switch { "county" => 1, "field" => 2, "region" => 4, _ => 3 };
                int count = column.List switch { "county" => counties.Count, "field" => fields.Count, "region" => 4, _ => 2 };
                IXLDataValidation validation = body.SetDataValidation();
                validation.List(lists.Range(2, listColumn, 1 + count, listColumn), true);
                validation.IgnoreBlanks = true;
                validation.ErrorTitle = "请从下拉列表中选择";
                validation.ErrorMessage = "请从下拉列表中选择";
            }
        }

        sheet.Row(HeaderRow).Height = 32;
        sheet.SheetView.FreezeRows(HeaderRow);
        workbook.SaveAs(output);
    }

    private static void WriteList(IXLWorksheet sheet, int column, string title, IReadOnlyList<string> values)
    {
        sheet.Cell(1, column).SetText(title);
        for (int i = 0; i < values.Count; i++)
        {
            sheet.Cell(i + 2, column).SetText(values[i]);
        }
    }

    private static Column[] ColumnsFor(DatasetKind kind) => kind switch
    {
        DatasetKind.Projects =>
        [
            new("序号", 6), new("项目代码", 18), new("项目名称", 30), new("县区", 14, "county"), new("所属领域", 14, "field"),
            new("建设单位", 20), new("责任单位", 16), new("建设性质", 10), new("总投资（万元）", 14, NumberFormat: "#,##0.00"),
            new("年度计划投资（万元）", 14, NumberFormat: "#,##0.00"), new("累计完成投资（万元）", 14, NumberFormat: "#,##0.00"),
            new("是否省重点", 10, "yesno"), new("是否省大中型", 10, "yesno"), new("是否市重点", 10, "yesno"), new("是否5020项目", 10, "yesno"),
            new("计划开工时间", 12, NumberFormat: "yyyy-mm-dd"), new("实际开工时间", 12, NumberFormat: "yyyy-mm-dd"), new("是否开工", 8, "yesno"),
            new("计划竣工时间", 12, NumberFormat: "yyyy-mm-dd"), new("是否竣工投产", 10, "yesno"),
            new("形象进度", 30), new("存在问题", 30), new("包挂领导", 12),
        ],
        DatasetKind.Signings =>
        [
            new("序号", 6), new("项目名称", 30), new("县区", 14, "county"), new("签约时间", 12, NumberFormat: "yyyy-mm-dd"),
            new("签约金额（万元）", 14, NumberFormat: "#,##0.00"), new("产业链", 16), new("来源地", 14, "region"), new("是否5020项目", 10, "yesno"),
            new("外资（万美元）", 14, NumberFormat: "#,##0.00"),
        ],
        _ =>
        [
            new("序号", 6), new("指标名称", 30), new("单位", 10), new("本期值", 14), new("上年同期", 14), new("同比增长（%）", 12),
            new("占比（%）", 10), new("上年同期比重（%）", 14), new("口径说明", 30),
        ],
    };
}
