using ClosedXML.Excel;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Reading;
using Reporting.Core.Ingestion.Sheets;

namespace Reporting.Core.Ingestion.Output;

/// <summary>
/// The answer to a rejected or warned submission: a copy of what was sent (values only: no formulas,
/// macros or links travel back), each offending cell filled red (error) or yellow (warning) with a
/// comment, and a sheet 校验结果 listing every finding.
/// </summary>
public static class AnnotatedWorkbookWriter
{
    private static readonly XLColor s_errorFill = XLColor.FromArgb(0xFF, 0xC7, 0xCE);
    private static readonly XLColor s_warningFill = XLColor.FromArgb(0xFF, 0xEB, 0x9C);

    /// <summary>Writes the annotated copy of <paramref name="original"/> (seekable, read from the start) to <paramref name="output"/>.</summary>
    public static void Write(Stream original, string fileName, IngestionOutcome outcome, IngestionOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var written = new MemoryStream();
        try
        {
            Build(original, fileName, outcome, options, copy: true, written);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Something copied from the upload could not be saved (ClosedXML validates only when saving):
            // the findings sheet alone, whose text is all sanitised, still answers the clerk.
            written.SetLength(0);
            Build(original, fileName, outcome, options, copy: false, written);
        }

        written.Position = 0;
        written.CopyTo(output);
    }

    private static void Build(Stream original, string fileName, IngestionOutcome outcome, IngestionOptions options, bool copy, Stream output)
    {
        using var workbook = new XLWorkbook();
        Dictionary<string, IXLWorksheet> copies = copy ? TryCopy(original, fileName, outcome, options, workbook) : new(StringComparer.Ordinal);
        Annotate(outcome, copies);
        IXLWorksheet results = workbook.AddWorksheet(WorkbookIngestor.FindingsSheetName, 1);
        WriteFindings(results, outcome, copies);
        results.SetTabActive();
        workbook.SaveAs(output);
    }

    // Only a file that was read can be copied; a file-level rejection (corrupt, encrypted, too big) gets the findings sheet alone.
    private static Dictionary<string, IXLWorksheet> TryCopy(Stream original, string fileName, IngestionOutcome outcome, IngestionOptions options, XLWorkbook workbook)
    {
        var copies = new Dictionary<string, IXLWorksheet>(StringComparer.Ordinal);
        if (outcome.Sheets.Count == 0 && outcome.Findings.All(f => f.Sheet is null))
        {
            return copies;
        }

        try
        {
            if (!original.CanSeek)
            {
                return copies;
            }

            ProbeResult probe = FileProbe.Probe(original, options.MaxUncompressedBytes);
            if (probe.Format is not SpreadsheetFormat format)
            {
                return copies;
            }

            using SpreadsheetReader reader = SpreadsheetReader.Open(original, format, probe.CsvEncoding, WorkbookIngestorNames.CsvSheetName(fileName));
            int rows = 0;
            while (reader.NextSheet())
            {
                if (reader.SheetHidden || reader.SheetName == WorkbookIngestor.FindingsSheetName)
                {
                    continue;
                }

                IXLWorksheet sheet = workbook.AddWorksheet(SpreadsheetText.SheetName(reader.SheetName, workbook));
                copies[reader.SheetName] = sheet;
                int width = 0;
                while (reader.ReadRow() && ++rows <= options.MaxRows)
                {
                    int columns = Math.Min(reader.FieldCount, SheetScanner.MaxColumns);
                    for (int c = 0; c < columns; c++)
                    {
                        object? value = reader.GetRawValue(c);
                        if (value is null)
                        {
                            continue;
                        }

                        width = Math.Max(width, c + 1);
                        IXLCell cell = sheet.Cell(reader.RowIndex + 1, c + 1);
                        switch (value)
                        {
                            case double number:
                                cell.SetValue(number);
                                string? numberFormat = reader.GetNumberFormat(c);
                                if (!string.IsNullOrEmpty(numberFormat) && numberFormat != "General" && SpreadsheetText.XmlSafe(numberFormat) == numberFormat)
                                {
                                    cell.Style.NumberFormat.Format = numberFormat;
                                }

                                break;
                            case DateTime date:
                                cell.SetValue(date);
                                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                                break;
                            case bool flag:
                                cell.SetValue(flag);
                                break;
                            default:
                                cell.SetText(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                                break;
                        }
                    }
                }

                foreach (ExcelDataReader.CellRange range in reader.MergedCells)
                {
                    sheet.Range(range.FromRow + 1, range.FromColumn + 1, range.ToRow + 1, range.ToColumn + 1).Merge(false);
                }

                for (int c = 0; c < width; c++)
                {
                    IXLColumn column = sheet.Column(c + 1);
                    column.Width = 16;
                    if (reader.IsColumnHidden(c))
                    {
                        column.Hide();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The copy is a courtesy; the findings sheet alone still answers the clerk.
            foreach (IXLWorksheet sheet in copies.Values)
            {
                workbook.Worksheets.Delete(sheet.Name);
            }

            copies.Clear();
        }

        return copies;
    }

    private static void Annotate(IngestionOutcome outcome, Dictionary<string, IXLWorksheet> copies)
    {
        foreach (IGrouping<(string Sheet, string Cell), Finding> group in outcome.Findings
                     .Where(f => f.Sheet is not null && f.Cell is not null)
                     .GroupBy(f => (f.Sheet!, f.Cell!)))
        {
            if (!copies.TryGetValue(group.Key.Sheet, out IXLWorksheet? sheet) || !CellRef.TryParse(group.Key.Cell, out int row, out int column))
            {
                continue;
            }

            IXLCell cell = sheet.Cell(row + 1, column + 1);
            bool error = group.Any(f => f.Severity == Severity.Error);
            cell.Style.Fill.BackgroundColor = error ? s_errorFill : s_warningFill;
            IXLComment comment = cell.Comment;
            comment.Author = "报表校验";
            comment.AddText(SpreadsheetText.Safe(string.Join("\n", group.Select(f => (f.Severity == Severity.Error ? "【错误】" : "【提示】") + f.Message))));
        }
    }

    private static void WriteFindings(IXLWorksheet sheet, IngestionOutcome outcome, Dictionary<string, IXLWorksheet> copies)
    {
        string verdict = outcome.Accepted
            ? $"已接收，有{outcome.WarningCount}条提示，请核实。"
            : $"未通过校验：{outcome.ErrorCount}条错误、{outcome.WarningCount}条提示。请修改标红的单元格后重新上传。";
        sheet.Cell(1, 1).SetText(verdict);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["序号", "类别", "工作表", "单元格", "表头", "值", "规则", "说明"];
        for (int i = 0; i < headers.Length; i++)
        {
            sheet.Cell(2, i + 1).SetText(headers[i]).Style.Font.Bold = true;
        }

        int row = 3;
        foreach (Finding finding in outcome.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Sheet, StringComparer.Ordinal))
        {
            sheet.Cell(row, 1).SetValue(row - 2);
            sheet.Cell(row, 2).SetText(finding.Severity == Severity.Error ? "错误" : "提示");
            sheet.Cell(row, 3).SetText(finding.Sheet);
            IXLCell reference = sheet.Cell(row, 4).SetText(finding.Cell);
            if (finding.Sheet is not null && finding.Cell is not null && copies.TryGetValue(finding.Sheet, out IXLWorksheet? target))
            {
                reference.Hyperlink = new XLHyperlink($"'{target.Name.Replace("'", "''", StringComparison.Ordinal)}'!{finding.Cell}");
            }

            sheet.Cell(row, 5).SetText(finding.Header);
            sheet.Cell(row, 6).SetText(finding.Value);
            sheet.Cell(row, 7).SetText(finding.RuleId);
            sheet.Cell(row, 8).SetText(finding.Message);
            sheet.Cell(row, 8).Style.Alignment.WrapText = true;
            if (finding.Severity == Severity.Error)
            {
                sheet.Cell(row, 2).Style.Fill.BackgroundColor = s_errorFill;
            }

            row++;
        }

        if (outcome.FindingsTruncated)
        {
            sheet.Cell(row, 8).SetText($"问题较多，仅列出前{outcome.Findings.Count}条（共{outcome.ErrorCount + outcome.WarningCount}条）。");
        }

        double[] widths = [6, 6, 14, 8, 20, 16, 24, 80];
        for (int i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
    }
}
