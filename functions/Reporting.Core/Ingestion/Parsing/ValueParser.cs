using System.Collections.Frozen;
using System.Globalization;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Parsing;

internal enum ParseStatus : byte
{
    /// <summary>Nothing in the cell.</summary>
    Empty,

    /// <summary>A placeholder that means "none": —, /, 无, 未开工.</summary>
    Placeholder,

    Ok,

    Invalid,

    /// <summary>A number, but beyond any honest figure (|x| ≥ <see cref="ValueParser.MaxMagnitude"/>): a slip of unit or a corrupt cell.</summary>
    TooLarge,

    /// <summary>A number whose cell format shows it scaled (元 shown as 万): what the clerk sees is not what the cell holds.</summary>
    Scaled,
}

internal readonly record struct ParsedNumber(ParseStatus Status, decimal Value)
{
    public static ParsedNumber Empty => new(ParseStatus.Empty, 0m);

    public static ParsedNumber Placeholder => new(ParseStatus.Placeholder, 0m);

    public static ParsedNumber Invalid => new(ParseStatus.Invalid, 0m);

    public static ParsedNumber TooLarge => new(ParseStatus.TooLarge, 0m);
}

/// <summary>A date; <paramref name="YearMissing"/> when the clerk wrote no year (11月11日) and the year given to the parser was used.</summary>
internal readonly record struct ParsedDate(ParseStatus Status, DateOnly Value, bool YearMissing = false);

internal readonly record struct ParsedBool(ParseStatus Status, bool Value);

/// <summary>
/// Turns what clerks type into numbers, dates and yes/no: "1,234.5", "１２３", "1.2亿", "—", "134.8%",
/// 1.348 in a percent cell, "2023.3", "2023年3月", Excel serials. Span-based: no regular expressions per cell.
/// </summary>
internal static class ValueParser
{
    /// <summary>
    /// No amount (万元), count or percentage a department reports comes near 10^12; refusing larger
    /// values keeps every later sum and ratio far inside decimal's range (200,000 rows × 10^12 ≪ 7.9 × 10^28).
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    private const decimal WanPerYi = 10_000m;

    private static readonly System.Buffers.SearchValues<char> s_mantissa = System.Buffers.SearchValues.Create("0123456789.");
    private static readonly System.Buffers.SearchValues<char> s_digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly string[] s_placeholders =
    [
        "-", "--", "—", "——", "–", "－", "/", "\\", "无", "暂无", "未开工", "未完成", "待定", "不适用", "N/A", "NA", "n/a", "/ ", "×",
    ];

    // Case-insensitive for the Latin answers (yes, True, n). A lookup rather than ToUpperInvariant on every
    // cell: upper-casing Chinese text goes through the globalisation tables and allocates a copy each time.
    private static readonly FrozenDictionary<string, ParsedBool> s_booleans = Booleans(
        (new ParsedBool(ParseStatus.Ok, true), ["是", "√", "✓", "✔", "★", "Y", "YES", "TRUE", "1", "已开工", "开工", "已竣工", "竣工", "已投产", "投产", "已竣工投产", "有"]),
        (new ParsedBool(ParseStatus.Ok, false), ["否", "×", "✗", "✘", "X", "N", "NO", "FALSE", "0", "未开工", "未竣工", "未投产", "无"]),
        (new ParsedBool(ParseStatus.Placeholder, false), ["-", "—", "——", "/"]));

    /// <summary>An amount in 万元. <paramref name="columnScale"/> is 10000 for a 亿元 column, 1 for 万元; a "亿" or "万" written in the cell wins.</summary>
    public static ParsedNumber Amount(in CellValue cell, decimal columnScale)
    {
        switch (cell.Type)
        {
            case CellType.Empty:
                return ParsedNumber.Empty;
            case CellType.Number:
                return cell.PercentFormat ? ParsedNumber.Invalid
                    : cell.ScaledFormat ? new ParsedNumber(ParseStatus.Scaled, 0m)
                    : FromDouble(cell.Number, columnScale);
            case CellType.Text:
                return ParseText(cell.Text, columnScale, allowPercent: false, out _);
            default:
                return ParsedNumber.Invalid;
        }
    }

    /// <summary>
    /// A percentage in percent units (24.7 means 24.7%): 1.348 in a %-formatted cell is 134.8; text "134.8%" is 134.8;
    /// any other plain number is taken as already in percent.
    /// </summary>
    public static ParsedNumber Percent(in CellValue cell)
    {
        switch (cell.Type)
        {
            case CellType.Empty:
                return ParsedNumber.Empty;
            case CellType.Number:
                return FromDouble(cell.Number, cell.PercentFormat ? 100m : 1m);
            case CellType.Text:
                return PercentText(cell.Text);
            default:
                return ParsedNumber.Invalid;
        }
    }

    /// <summary>
    /// Growth as statisticians write it: "24.7%", "增长24.7%", "下降3.2%" (−3.2), "持平" (0), "增长1.2倍" (+120%).
    /// </summary>
    public static ParsedNumber PercentText(string text)
    {
        string compact = ChineseText.Compact(text);
        if (compact == "持平")
        {
            return new(ParseStatus.Ok, 0m);
        }

        decimal sign = 0m;
        foreach ((string word, decimal wordSign) in (ReadOnlySpan<(string, decimal)>)[("同比增长", 1m), ("同比下降", -1m), ("增长", 1m), ("上升", 1m), ("提高", 1m), ("增加", 1m), ("下降", -1m), ("减少", -1m), ("降低", -1m), ("回落", -1m), ("↑", 1m), ("↓", -1m), ("▲", 1m), ("▼", -1m)])
        {
            if (compact.StartsWith(word, StringComparison.Ordinal) && compact.Length > word.Length)
            {
                compact = compact[word.Length..];
                sign = wordSign;
                break;
            }
        }

        // 增长1.2倍 is 2.2 times the base: +120%. "1.2倍" alone could mean 1.2 times the base: not guessed.
        decimal factor = 1m;
        if (sign > 0m && compact.Length > 1 && compact.EndsWith('倍'))
        {
            compact = compact[..^1];
            factor = 100m;
        }

        ParsedNumber parsed = ParseText(compact, 1m, allowPercent: factor == 1m, out _);
        if (parsed.Status != ParseStatus.Ok || sign == 0m)
        {
            return parsed;
        }

        // "下降-3.2%" says the sign twice: which one is meant cannot be told.
        return parsed.Value < 0m ? ParsedNumber.Invalid : new(ParseStatus.Ok, parsed.Value * factor * sign);
    }

    /// <summary>The scale, to 万元, that a number written with its unit names ("12.3亿元", "3500万"); null when it names none.</summary>
    public static decimal? NamedScale(string text) => UnitSuffix(ChineseText.Compact(text).AsSpan().Trim()) is (_, decimal factor) ? factor : null;

    // "亿元"/"亿" and "万元"/"万" closing a number: the suffix's length and the factor to 万元.
    private static (int Length, decimal Factor)? UnitSuffix(ReadOnlySpan<char> span) =>
        span.EndsWith("亿元") ? (2, WanPerYi) : span.EndsWith("亿") ? (1, WanPerYi)
        : span.EndsWith("万元") ? (2, 1m) : span.EndsWith("万") ? (1, 1m)
        : null;

    /// <summary>Parses number text. A "亿"/"亿元" suffix converts to 万元, "万"/"万元" keeps 万元; other text uses <paramref name="scale"/>.</summary>
    public static ParsedNumber ParseText(string text, decimal scale, bool allowPercent, out bool hadPercent)
    {
        hadPercent = false;
        ReadOnlySpan<char> raw = text.AsSpan().Trim();
        if (raw.IsEmpty)
        {
            return ParsedNumber.Empty;
        }

        if (raw.Length > 64)
        {
            return IsPlaceholderPrefix(raw) ? ParsedNumber.Placeholder : ParsedNumber.Invalid;
        }

        Span<char> buffer = stackalloc char[raw.Length];
        int length = 0;
        // Where thousands separators stood: "1,2345" or "1，5" is no number anyone wrote on purpose.
        Span<int> commas = stackalloc int[raw.Length];
        int commaCount = 0;
        foreach (char original in raw)
        {
            // U+2212 and the small hyphen-minus come pasted from Word and PDF bulletins: a minus all the same.
            char c = original is '\u2212' or '\uFE63' ? '-' : ChineseText.ToHalfWidth(original);
            if (c is ',' or '，')
            {
                commas[commaCount++] = length;
                continue;
            }

            if (ChineseText.IsSpace(c) || c is '\'' or '¥' or '￥')
            {
                continue;
            }

            buffer[length++] = c;
        }

        ReadOnlySpan<char> span = buffer[..length];
        if (span.IsEmpty)
        {
            return ParsedNumber.Empty;
        }

        if (commaCount > 0 && !ThousandsGrouped(span, commas[..commaCount]))
        {
            return ParsedNumber.Invalid;
        }

        foreach (string placeholder in s_placeholders)
        {
            if (span.SequenceEqual(placeholder))
            {
                return ParsedNumber.Placeholder;
            }
        }

        decimal factor = scale;
        if (span[^1] == '%')
        {
            if (!allowPercent)
            {
                return ParsedNumber.Invalid;
            }

            hadPercent = true;
            span = span[..^1];
            factor = 1m;
        }
        else if (UnitSuffix(span) is (int suffixLength, decimal named))
        {
            span = span[..^suffixLength];
            factor = named;
        }
        else if (span.EndsWith("元"))
        {
            // "1200元" in an amount column is a slip of unit we cannot guess safely.
            return ParsedNumber.Invalid;
        }

        if (span.IsEmpty || !decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal value))
        {
            return ParsedNumber.Invalid;
        }

        return Math.Abs(value) >= MaxMagnitude / factor ? ParsedNumber.TooLarge : new(ParseStatus.Ok, value * factor);
    }

    // One to three digits before the first separator, exactly three after each, and no more digits after the last group.
    private static bool ThousandsGrouped(ReadOnlySpan<char> number, ReadOnlySpan<int> commas)
    {
        if (!IsLeadingGroup(number[..commas[0]]))
        {
            return false;
        }

        for (int k = 0; k < commas.Length; k++)
        {
            int from = commas[k];
            int to = k + 1 < commas.Length ? commas[k + 1] : from + 3;
            if (to - from != 3 || to > number.Length || number[from..to].ContainsAnyExcept(s_digits))
            {
                return false;
            }
        }

        int last = commas[^1] + 3;
        return last == number.Length || !char.IsAsciiDigit(number[last]);
    }

    // "1", "12", "123", or with a sign "-1".
    private static bool IsLeadingGroup(ReadOnlySpan<char> group)
    {
        ReadOnlySpan<char> digits = group.TrimStart("+-");
        return digits.Length is >= 1 and <= 3 && !digits.ContainsAnyExcept(s_digits);
    }

    // Checked in double before the conversion: (decimal)1e30 throws.
    private static ParsedNumber FromDouble(double number, decimal scale) =>
        Math.Abs(number) * (double)scale < (double)MaxMagnitude ? new(ParseStatus.Ok, (decimal)number * scale) : ParsedNumber.TooLarge;

    /// <summary>
    /// A date cell. <paramref name="yearIfMissing"/> is the year a date written without one (11月11日, 11-11, 11.11, or a
    /// date Excel shows as 11月11日) is read in: the reporting period's, never the computer's. Without it such a date is invalid.
    /// </summary>
    public static ParsedDate Date(in CellValue cell, int? yearIfMissing = null)
    {
        switch (cell.Type)
        {
            case CellType.Empty:
                return new(ParseStatus.Empty, default);
            case CellType.DateTime when cell.YearHidden:
                // Excel filled in the year of the day it was typed: the clerk saw none.
                return yearIfMissing is int year ? Make(year, cell.Date.Month, cell.Date.Day, yearMissing: true) : new(ParseStatus.Invalid, default);
            // 2022.03 typed into a cell formatted as a date shows 1905-07-14: the clerk typed year.month, never 1905.
            case CellType.DateTime when cell.Date.ToOADate() is >= 1990 and < 2100 and double typed:
                return FromNumber(Math.Round(typed, 4), cell.DecimalsInFormat);
            case CellType.DateTime:
                return new(ParseStatus.Ok, DateOnly.FromDateTime(cell.Date));
            case CellType.Number:
                return cell.Number is >= 1 and < 13 ? MonthDayNumber(cell.Number, cell.DecimalsInFormat, yearIfMissing) : FromNumber(cell.Number, cell.DecimalsInFormat);
            case CellType.Text:
                return DateText(cell.Text, yearIfMissing);
            default:
                return new(ParseStatus.Invalid, default);
        }
    }

    // 11.11 typed in a date column is month.day. 11.1 may be the 1st or a 11.10 Excel shortened: not guessed.
    private static ParsedDate MonthDayNumber(double number, int decimalsInFormat, int? yearIfMissing)
    {
        decimal value = (decimal)number;
        int month = (int)decimal.Truncate(value);
        decimal fraction = value - month;
        if (yearIfMissing is not int year || month < 1 || fraction <= 0m)
        {
            return new(ParseStatus.Invalid, default);
        }

        string digits = fraction.ToString(CultureInfo.InvariantCulture)[2..];
        if (decimalsInFormat >= 2 && digits.Length == 1)
        {
            digits += "0";
        }
        else if (digits.Length == 1 && digits[0] is '1' or '2' or '3')
        {
            return new(ParseStatus.Invalid, default);
        }

        return digits.Length <= 2 ? Make(year, month, ParseInt(digits), yearMissing: true) : new(ParseStatus.Invalid, default);
    }

    // 2023.3 typed as a number is year.month; 44986 is an Excel serial (1900 date system) between 2000 and 2099.
    private static ParsedDate FromNumber(double number, int decimalsInFormat)
    {
        if (number is >= 1990 and < 2100)
        {
            decimal value = (decimal)number;
            int year = (int)decimal.Truncate(value);
            decimal fraction = value - year;
            if (fraction == 0m)
            {
                return new(ParseStatus.Invalid, default);
            }

            // Without a two-decimal format 2023.1 is January; "0.00" shows 2023.10, which is October.
            string digits = fraction.ToString(CultureInfo.InvariantCulture)[2..];
            if (decimalsInFormat >= 2 && digits.Length == 1)
            {
                digits += "0";
            }

            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12
                ? new(ParseStatus.Ok, new DateOnly(year, month, 1))
                : new(ParseStatus.Invalid, default);
        }

        if (number is >= 36526 and < 73051 && number == Math.Floor(number))
        {
            return new(ParseStatus.Ok, DateOnly.FromDateTime(DateTime.FromOADate(number)));
        }

        // 20220315 typed as a number: yyyymmdd, as systems export it.
        if (number is >= 19900101 and < 21000000 && number == Math.Floor(number))
        {
            int whole = (int)number;
            return Make(whole / 10000, whole / 100 % 100, whole % 100, yearMissing: false);
        }

        return new(ParseStatus.Invalid, default);
    }

    /// <summary>
    /// 2023-03-15, 2023/3/15, 2023.3.15, 2023年3月15日, 2023年3月, 2023.3, 2023-03, 20230315; month-only means the first day.
    /// Without a year (11月11日, 11-11, 11/11, 11.11, 3月) the date is read in <paramref name="yearIfMissing"/>, or is invalid without one.
    /// </summary>
    public static ParsedDate DateText(string text, int? yearIfMissing = null)
    {
        string compact = ChineseText.Compact(text);
        if (compact.Length == 0)
        {
            return new(ParseStatus.Empty, default);
        }

        if (IsPlaceholder(compact))
        {
            return new(ParseStatus.Placeholder, default);
        }

        ReadOnlySpan<char> span = compact;
        if (span.Length == 8 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Make(ParseInt(span[..4]), ParseInt(span[4..6]), ParseInt(span[6..8]));
        }

        if (double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double asNumber) && !span.Contains('.') && asNumber >= 36526)
        {
            return FromNumber(asNumber, 0);
        }

        int position = 0;
        if (MonthDayText(span, yearIfMissing) is ParsedDate yearless)
        {
            return yearless;
        }

        int year = ReadDigits(span, ref position, 4);
        if (year < 0 || position != 4 || position >= span.Length || !IsDateSeparator(span[position], yearSeparator: true))
        {
            return new(ParseStatus.Invalid, default);
        }

        position++;
        if (span[position - 1] == '年' && PartOfYear(span[position..]) is int firstMonth)
        {
            return Make(year, firstMonth, 1);
        }

        int month = ReadDigits(span, ref position, 2);
        if (month < 0)
        {
            return new(ParseStatus.Invalid, default);
        }

        int day = 1;
        if (position < span.Length && IsDateSeparator(span[position], yearSeparator: false))
        {
            position++;
            int start = position;
            int parsedDay = ReadDigits(span, ref position, 2);
            if (parsedDay >= 0)
            {
                day = parsedDay;
            }
            else
            {
                position = start;
            }
        }

        // Whatever follows (日, 号, 底, 份, 中旬…) does not change the date to the precision we keep.
        if (position < span.Length && char.IsAsciiDigit(span[position]))
        {
            return new(ParseStatus.Invalid, default);
        }

        return Make(year, month, day);
    }

    // One or two digits, then 月 - / . : a month (and day) without a year. Null when the text starts otherwise.
    private static ParsedDate? MonthDayText(ReadOnlySpan<char> span, int? yearIfMissing)
    {
        int position = 0;
        int month = ReadDigits(span, ref position, 2);
        if (month < 0 || position >= span.Length || char.IsAsciiDigit(span[position]) || !IsDateSeparator(span[position], yearSeparator: false))
        {
            return null;
        }

        position++;
        int day = 1;
        int start = position;
        int parsedDay = ReadDigits(span, ref position, 2);
        if (parsedDay >= 0)
        {
            day = parsedDay;
        }
        else if (span[start - 1] != '月')
        {
            // "11-" or "11/" alone is no date.
            return new(ParseStatus.Invalid, default);
        }

        // 日, 号 may follow; more digits (11-11-2022, 11/11/22) are a year after all, in an order not guessed.
        if (position < span.Length && (char.IsAsciiDigit(span[position]) || IsDateSeparator(span[position], yearSeparator: true)))
        {
            return new(ParseStatus.Invalid, default);
        }

        return yearIfMissing is int year ? Make(year, month, day, yearMissing: true) : new(ParseStatus.Invalid, default);
    }

    /// <summary>
    /// "一季度", "第二季度", "Q3", "年底", "上半年" after the year: the first month of that part, as "2023年3月" means
    /// the first of March. Null for anything else.
    /// </summary>
    private static int? PartOfYear(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("第"))
        {
            rest = rest[1..];
        }

        if ((rest.Length >= 3 && rest[1..].StartsWith("季度")) || (rest.Length == 2 && rest[0] is 'Q' or 'q'))
        {
            int quarter = (rest.Length == 2 ? rest[1] : rest[0]) switch
            {
                '一' or '1' => 1,
                '二' or '2' => 2,
                '三' or '3' => 3,
                '四' or '4' => 4,
                _ => 0,
            };
            return quarter == 0 ? null : (quarter * 3) - 2;
        }

        return rest switch
        {
            "年底" or "年末" or "底" => 12,
            "上半年" => 1,
            "下半年" => 7,
            _ => null,
        };
    }

    /// <summary>是/否, √/×, Y/N, 1/0, 已开工/未开工…</summary>
    public static ParsedBool Boolean(in CellValue cell)
    {
        switch (cell.Type)
        {
            case CellType.Empty:
                return new(ParseStatus.Empty, false);
            case CellType.Boolean:
                return new(ParseStatus.Ok, cell.Boolean);
            case CellType.Number:
                return cell.Number switch
                {
                    1 => new(ParseStatus.Ok, true),
                    0 => new(ParseStatus.Ok, false),
                    _ => new(ParseStatus.Invalid, false),
                };
            case CellType.Text:
                return BooleanText(cell.Text);
            default:
                return new(ParseStatus.Invalid, false);
        }
    }

    public static ParsedBool BooleanText(string text)
    {
        string compact = ChineseText.Compact(text).TrimEnd('。', '.');
        if (compact.Length == 0)
        {
            return new(ParseStatus.Empty, false);
        }

        if (s_booleans.TryGetValue(compact, out ParsedBool parsed))
        {
            return parsed;
        }

        // "是（50亿元以上）", "否(已退出)": the answer with a remark in brackets is the answer.
        int open = compact.IndexOf('(');
        return open > 0 && compact[^1] == ')' && s_booleans.TryGetValue(compact[..open], out ParsedBool qualified) && qualified.Status == ParseStatus.Ok
            ? qualified
            : new(ParseStatus.Invalid, false);
    }

    /// <summary>
    /// A placeholder that says the figure is not known yet (待定), as against one that says there is none (—, 无, 未开工):
    /// a required figure cannot be "to be decided".
    /// </summary>
    public static bool IsUndecided(string compact) => compact == "待定";

    /// <summary>"3.60302E+14": a long number Excel shows in scientific notation, its trailing digits gone.</summary>
    public static bool IsScientificNotation(string text)
    {
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        int e = span.IndexOfAny('E', 'e');
        return e > 0 && e + 2 < span.Length && span[e + 1] == '+' && !span[..e].ContainsAnyExcept(s_mantissa) && !span[(e + 2)..].ContainsAnyExcept(s_digits);
    }

    public static bool IsPlaceholder(string compact)
    {
        foreach (string placeholder in s_placeholders)
        {
            if (compact == placeholder)
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, ParsedBool> Booleans(params (ParsedBool Value, string[] Words)[] groups) =>
        groups.SelectMany(g => g.Words.Select(w => KeyValuePair.Create(w, g.Value))).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static bool IsPlaceholderPrefix(ReadOnlySpan<char> text) => text.StartsWith("—") || text.StartsWith("/");

    private static bool IsDateSeparator(char c, bool yearSeparator) =>
        c is '-' or '/' or '.' or '—' || (yearSeparator ? c == '年' : c == '月');

    private static int ReadDigits(ReadOnlySpan<char> span, ref int position, int maxDigits)
    {
        int value = 0;
        int count = 0;
        while (position < span.Length && count < maxDigits && char.IsAsciiDigit(span[position]))
        {
            value = value * 10 + (span[position] - '0');
            position++;
            count++;
        }

        return count == 0 ? -1 : value;
    }

    private static int ParseInt(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static ParsedDate Make(int year, int month, int day, bool yearMissing = false) =>
        year is >= 1990 and < 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new(ParseStatus.Ok, new DateOnly(year, month, day), yearMissing)
            : new(ParseStatus.Invalid, default);
}
