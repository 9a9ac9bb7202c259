using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Reporting.SampleData.Sheets;

/// <summary>Writes grids as an .xlsx workbook that looks like an office's submission.</summary>
internal static class XlsxRenderer
{
    // Fixed so that regenerating the samples changes no byte that matters to git.
    private static readonly DateTime s_stamp = new(2023, 1, 4, 9, 30, 0, DateTimeKind.Unspecified);

    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    private static readonly Regex s_randomRelationshipId = new("Id=\"R[0-9a-f]{16}\"", RegexOptions.CultureInvariant);

    public static byte[] Render(IEnumerable<SheetGrid> sheets)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Author = "填报人";
        workbook.Properties.Created = s_stamp;
        workbook.Properties.Modified = s_stamp;
        foreach (SheetGrid grid in sheets)
        {
            Write(workbook.Worksheets.Add(grid.Name), grid);
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return WithFixedTimestamps(buffer.ToArray());
    }

    private static void Write(IXLWorksheet sheet, SheetGrid grid)
    {
        sheet.Style.Font.FontName = "宋体";
        sheet.Style.Font.FontSize = 10;
        for (int c = 1; c <= grid.Columns; c++)
        {
            sheet.Column(c).Width = grid.Widths[c - 1];
        }

        for (int r = 1; r <= grid.RowCount; r++)
        {
            (RowKind kind, object?[] cells) = grid.Rows[r - 1];
            for (int c = 1; c <= grid.Columns; c++)
            {
                object? value = cells[c - 1];
                IXLCell cell = sheet.Cell(r, c);
                switch (value)
                {
                    case null:
                        break;
                    case string text:
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case DateTime date:
                        cell.SetValue(date);
                        cell.Style.NumberFormat.Format = grid.Formats.GetValueOrDefault(c, "yyyy-mm-dd");
                        break;
                    case decimal number:
                        cell.SetValue(number);
                        if (kind is RowKind.Data or RowKind.Total && grid.Formats.TryGetValue(c, out string? format))
                        {
                            cell.Style.NumberFormat.Format = format;
                        }

                        break;
                    case int number:
                        cell.SetValue(number);
                        break;
                    default:
                        throw new InvalidOperationException($"Unsupported cell value {value.GetType()}.");
                }
            }

            Style(sheet.Range(r, 1, r, grid.Columns), kind);
        }

        foreach ((int row, int column, int lastRow, int lastColumn) in grid.Merges)
        {
            sheet.Range(row, column, lastRow, lastColumn).Merge();
        }

        foreach (int column in grid.HiddenColumns)
        {
            sheet.Column(column).Hide();
        }

        if (grid.FreezeBelow > 0)
        {
            sheet.SheetView.FreezeRows(grid.FreezeBelow);
        }
    }

    private static void Style(IXLRange row, RowKind kind)
    {
        switch (kind)
        {
            case RowKind.Title:
                row.Style.Font.FontSize = 16;
                row.Style.Font.Bold = true;
                row.Style.Font.FontName = "方正小标宋简体";
                row.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                row.Worksheet.Row(row.FirstRow().RowNumber()).Height = 30;
                break;
            case RowKind.Header or RowKind.ColumnNumbers:
                row.Style.Font.Bold = kind == RowKind.Header;
                row.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                row.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
                row.Style.Alignment.WrapText = true;
                row.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
                Borders(row);
                break;
            case RowKind.Total:
                row.Style.Font.Bold = true;
                Borders(row);
                break;
            case RowKind.Data:
                row.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
                Borders(row);
                break;
        }
    }

    private static void Borders(IXLRange row)
    {
        row.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        row.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    // The packaging layer stamps every zip entry with the current time, names the core-properties
    // part with a random GUID and gives package relationships random ids. Rewrite the package with
    // one fixed time and fixed names so that regenerating the samples changes no byte.
    private static byte[] WithFixedTimestamps(byte[] package)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        string? coreName = source.Entries
            .Select(e => e.FullName)
            .FirstOrDefault(n => n.StartsWith(CorePropertiesFolder, StringComparison.Ordinal) && n.EndsWith(".psmdcp", StringComparison.Ordinal));
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                string name = entry.FullName == coreName ? CorePropertiesFolder + "core.psmdcp" : entry.FullName;
                using var content = new MemoryStream();
                using (Stream from = entry.Open())
                {
                    from.CopyTo(content);
                }

                byte[] bytes = content.ToArray();
                if (entry.FullName == "_rels/.rels" && coreName is not null)
                {
                    string xml = Encoding.UTF8.GetString(bytes).Replace("/" + coreName, "/" + CorePropertiesFolder + "core.psmdcp", StringComparison.Ordinal);
                    int next = 0;
                    xml = s_randomRelationshipId.Replace(xml, _ => $"Id=\"rPkg{++next}\"");
                    bytes = Encoding.UTF8.GetBytes(xml);
                }

                ZipArchiveEntry copy = target.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(s_stamp, TimeSpan.FromHours(8));
                using Stream to = copy.Open();
                to.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
