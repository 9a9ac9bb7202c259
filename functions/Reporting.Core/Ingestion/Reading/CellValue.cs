using System.Globalization;

namespace Reporting.Core.Ingestion.Reading;

internal enum CellType : byte
{
    Empty,
    Number,
    Text,
    Boolean,
    DateTime,
}

/// <summary>
/// One cell as the reader saw it, without copying: ExcelDataReader already boxed the value, we only
/// classify it. A number remembers whether its cell was formatted as a percentage (1.348 shown as 134.8%).
/// </summary>
internal readonly struct CellValue
{
    private readonly object? _value;

    private CellValue(CellType type, object? value, bool percentFormat, int decimalsInFormat, bool yearHidden = false, bool scaledFormat = false, string? shownUnit = null)
    {
        ScaledFormat = scaledFormat;
        ShownUnit = shownUnit;
        Type = type;
        _value = value;
        PercentFormat = percentFormat;
        DecimalsInFormat = decimalsInFormat;
        YearHidden = yearHidden;
    }

    public static CellValue Empty => default;

    public CellType Type { get; }

    public bool PercentFormat { get; }

    /// <summary>Decimal places the number format shows (2 for "0.00"), used to tell 2023.10 from 2023.1.</summary>
    public int DecimalsInFormat { get; }

    /// <summary>
    /// A date whose format shows no year ("m月d日", "m/d", "d-mmm"): the clerk typed 11月11日 and Excel filled in the
    /// year of the computer it was typed on, which the clerk never saw.
    /// </summary>
    public bool YearHidden { get; }

    /// <summary>
    /// A number format that shows another number than the cell holds: a scaling comma ("0.0,\"万\"", "#,##0,,") or a
    /// literal decimal point ("0!.0000\"万\""), the usual way to show 元 as 万 without dividing. The clerk sees 1.2万
    /// where the cell holds 12000 (元).
    /// </summary>
    public bool ScaledFormat { get; }

    /// <summary>
    /// The text a number format shows after the number ("0.00\"亿元\"" shows 1 as 1.00亿元), or null: what the clerk read as
    /// the figure's unit, whatever the sheet's note says.
    /// </summary>
    public string? ShownUnit { get; }

    public bool IsEmpty => Type == CellType.Empty;

    public double Number => _value is double d ? d : 0d;

    public string Text => _value as string ?? string.Empty;

    public bool Boolean => _value is true;

    public DateTime Date => _value is DateTime d ? d : default;

    /// <summary>The value as the clerk would read it, for messages.</summary>
    public string Display => Type switch
    {
        CellType.Number => PercentFormat ? FormatNumber(Number, 100m) + "%" : FormatNumber(Number, 1m),
        CellType.Text => Text,
        CellType.Boolean => Boolean ? "TRUE" : "FALSE",
        CellType.DateTime => Date.TimeOfDay == TimeSpan.Zero ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    public static CellValue From(object? value, string? numberFormat)
    {
        switch (value)
        {
            case null:
                return default;
            case string s:
                return string.IsNullOrWhiteSpace(s) ? default : new CellValue(CellType.Text, s, false, 0);
            case double d:
                return double.IsFinite(d)
                    ? new CellValue(CellType.Number, d, IsPercent(numberFormat), DecimalPlaces(numberFormat), scaledFormat: IsScaledFormat(numberFormat), shownUnit: LiteralText(numberFormat))
                    : default;
            case DateTime:
                return new CellValue(CellType.DateTime, value, false, 0, IsYearlessDateFormat(numberFormat));
            case bool:
                return new CellValue(CellType.Boolean, value, false, 0);
            case int i:
                return new CellValue(CellType.Number, (double)i, IsPercent(numberFormat), 0);
            default:
                string? text = Convert.ToString(value, CultureInfo.InvariantCulture);
                return string.IsNullOrWhiteSpace(text) ? default : new CellValue(CellType.Text, text, false, 0);
        }
    }

    /// <summary>A text cell built by the reader itself (tests, CSV pre-processing).</summary>
    public static CellValue FromText(string text) => From(text, null);

    // Through decimal so 1.348 shows as 1.348, not 1.3480000000000001; beyond decimal's range (1e30) as a double.
    private static string FormatNumber(double number, decimal factor) => Math.Abs(number) < 1e20
        ? ((decimal)number * factor).ToString(CultureInfo.InvariantCulture)
        : (number * (double)factor).ToString("G15", CultureInfo.InvariantCulture);

    private static bool IsPercent(string? format) => format is not null && format.Contains('%', StringComparison.Ordinal) && !format.Contains("\"%", StringComparison.Ordinal);

    /// <summary>
    /// A date format with a month or day but no year: "m月d日", "mm-dd", "d-mmm", "m\"月\"d\"日\"". Quoted text, escaped
    /// characters and [bracketed] locale or colour codes are not format letters; "e" is a year in some locales.
    /// </summary>
    public static bool IsYearlessDateFormat(string? format)
    {
        bool month = false;
        bool day = false;
        foreach (FormatSymbol symbol in new FormatSymbols(format))
        {
            if (symbol.Escaped)
            {
                continue;
            }

            switch (char.ToLowerInvariant(symbol.Char))
            {
                case 'y' or 'e' or 'g' or 'h' or 's':
                    // A year (or an era, which carries one), or a time: not a year-less day.
                    return false;
                case 'd':
                    day = true;
                    break;
                case 'm':
                    month = true;
                    break;
            }
        }

        return day || month;
    }

    // The quoted or escaped text of a format's first (positive) section: "亿元" in 0.00"亿元", "万" in #,##0\万; null when none.
    private static string? LiteralText(string? format)
    {
        if (string.IsNullOrEmpty(format) || (format.IndexOf('"') < 0 && format.IndexOf('\\') < 0))
        {
            return null;
        }

        var literal = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                literal.Append(c);
            }
            else if (c == '\\' && i + 1 < format.Length)
            {
                literal.Append(format[++i]);
            }
            else if (c == ';')
            {
                break;
            }
        }

        string text = literal.ToString().Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A format that scales what it shows: a comma after the last digit placeholder (each divides by 1,000) or an escaped
    /// decimal point (!. or \.) that puts a point where the number has none. Quoted text and [brackets] are skipped, so
    /// "#,##0.00\"万元\"" (a suffix on the number as it is) is not one.
    /// </summary>
    public static bool IsScaledFormat(string? format)
    {
        char previous = ' ';
        foreach (FormatSymbol symbol in new FormatSymbols(format))
        {
            if (symbol.Escaped)
            {
                if (symbol.Char == '.')
                {
                    return true;
                }

                continue;
            }

            if (symbol.Char == ',')
            {
                if (previous is '0' or '#' or '?' && !NextIsDigitPlaceholder(format!, symbol.Index + 1))
                {
                    return true;
                }

                continue;
            }

            previous = symbol.Char;
        }

        return false;
    }

    // After a comma (and any further commas), whether a digit placeholder follows: "#,##0" groups, "0," scales.
    private static bool NextIsDigitPlaceholder(string format, int from)
    {
        int i = from;
        while (i < format.Length && format[i] == ',')
        {
            i++;
        }

        return i < format.Length && format[i] is '0' or '#' or '?';
    }

    private static int DecimalPlaces(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return 0;
        }

        int dot = format.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return 0;
        }

        int count = 0;
        for (int i = dot + 1; i < format.Length && format[i] is '0' or '#'; i++)
        {
            count++;
        }

        return count;
    }
}

/// <summary>A character of a number format's code, and whether a \ or ! escaped it (shown as itself, not a code).</summary>
internal readonly record struct FormatSymbol(char Char, bool Escaped, int Index);

/// <summary>
/// The characters of a number format that are format code: "quoted text" and [bracketed] locale, colour or condition
/// codes are skipped. A ref struct, not an iterator: it runs for every numeric cell and allocates nothing.
/// </summary>
internal ref struct FormatSymbols(string? format)
{
    private readonly string _format = format ?? string.Empty;
    private int _next;

    public FormatSymbol Current { get; private set; }

    public readonly FormatSymbols GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_next < _format.Length)
        {
            int index = _next++;
            char c = _format[index];
            if (c is '"' or '[')
            {
                int close = _format.IndexOf(c == '"' ? '"' : ']', _next);
                _next = close < 0 ? _format.Length : close + 1;
                continue;
            }

            if (c is '\\' or '!' && _next < _format.Length)
            {
                Current = new FormatSymbol(_format[_next], Escaped: true, _next);
                _next++;
                return true;
            }

            Current = new FormatSymbol(c, Escaped: false, index);
            return true;
        }

        return false;
    }
}
