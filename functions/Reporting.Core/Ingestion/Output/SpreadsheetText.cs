using ClosedXML.Excel;

namespace Reporting.Core.Ingestion.Output;

/// <summary>
/// Text we write into a workbook is always a text cell, and text that a spreadsheet could take for a
/// formula (= + - @, tab, CR) gets a leading apostrophe, so a hostile value copied from an upload
/// stays inert when the clerk opens our copy (CSV/formula injection).
/// </summary>
internal static class SpreadsheetText
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxCellLength = 32_767;

    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠' ? "'" + text : text;
    }

    /// <summary>
    /// Text a workbook can hold: characters XML 1.0 forbids (C0 controls but tab, CR and LF; U+FFFE/U+FFFF;
    /// unpaired surrogates, possible in a .xls) are written as \uXXXX, and the result is neutralised and
    /// capped at <see cref="MaxCellLength"/>. Without this one control character in an upload made the
    /// whole annotated workbook unwritable, and a 32,767-character value one character too long once prefixed.
    /// </summary>
    public static string Safe(string? text)
    {
        string neutral = Neutralise(XmlSafe(text));
        return neutral.Length <= MaxCellLength ? neutral : neutral[..(char.IsHighSurrogate(neutral[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1)] + "…";
    }

    /// <summary>Only characters XML 1.0 allows; the others as \uXXXX.</summary>
    public static string XmlSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c) && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        cell.SetValue(Safe(text));
        cell.DataType = XLDataType.Text;
        return cell;
    }

    private static int FirstUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c) || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    public static string SheetName(string name, XLWorkbook workbook)
    {
        string cleaned = new([.. XmlSafe(name).Where(c => !char.IsControl(c) && c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
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
