using ClosedXML.Excel;

namespace Reporting.Core.Ingestion.Output;

/// <summary>
/// Text we write into a workbook is always a text cell, and text that a spreadsheet could take for a
/// formula (= + - @, tab, CR) gets a leading apostrophe, so a hostile value copied from an upload
/// stays inert when the clerk opens our copy (CSV/formula injection).
/// </summary>
internal static class SpreadsheetText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠' ? "'" + text : text;
    }

    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        cell.SetValue(Neutralise(text));
        cell.DataType = XLDataType.Text;
        return cell;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    public static string SheetName(string name, XLWorkbook workbook)
    {
        string cleaned = new([.. name.Where(c => !char.IsControl(c) && c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        cleaned = cleaned.Trim().Trim('\'');
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        cleaned = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        string candidate = cleaned;
        for (int i = 2; workbook.Worksheets.TryGetWorksheet(candidate, out _); i++)
        {
            string suffix = "(" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            candidate = (cleaned.Length + suffix.Length > 31 ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return candidate;
    }
}
