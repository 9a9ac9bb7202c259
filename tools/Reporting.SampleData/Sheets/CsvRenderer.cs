using System.Globalization;
using System.Text;

namespace Reporting.SampleData.Sheets;

/// <summary>Writes a grid as CSV the way Excel/WPS "另存为 CSV" does on a Chinese Windows: GB18030, CRLF, no BOM.</summary>
internal static class CsvRenderer
{
    public static byte[] Render(SheetGrid grid, Encoding encoding)
    {
        var text = new StringBuilder();
        foreach ((_, object?[] cells) in grid.Rows)
        {
            text.AppendJoin(',', cells.Select(Field));
            text.Append("\r\n");
        }

        return encoding.GetBytes(text.ToString());
    }

    private static string Field(object? value)
    {
        string text = value switch
        {
            null => string.Empty,
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            int number => number.ToString(CultureInfo.InvariantCulture),
            DateTime date => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
