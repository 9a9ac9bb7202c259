using System.Text;

namespace Reporting.Core.Ingestion.Parsing;

/// <summary>Text clean-up shared by header matching and value parsing. Allocates only when something changes.</summary>
internal static class ChineseText
{
    /// <summary>Full-width ASCII variants (Ａ１（％) to ASCII and every kind of space removed, so "（万元）\n" and "(万元)" compare equal.</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        bool clean = true;
        foreach (char c in text)
        {
            if (NeedsWork(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char mapped = ToHalfWidth(c);
            if (!IsSpace(mapped))
            {
                builder.Append(mapped);
            }
        }

        return builder.ToString();
    }

    /// <summary>Trims and turns line breaks and runs of spaces into one space, for display in messages.</summary>
    public static string Tidy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Most cells have no space at all: nothing to tidy, nothing to copy (every text cell of every row comes here).
        bool anySpace = false;
        foreach (char c in text)
        {
            if (IsSpace(c))
            {
                anySpace = true;
                break;
            }
        }

        if (!anySpace)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                // Chinese text has no spaces between characters; keep one only between Latin words or digits.
                if (builder[^1] < 0x2E80 && c < 0x2E80)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Full-width to ASCII, spaces kept (for splitting lists).</summary>
    public static string ToHalfWidthKeepSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(ToHalfWidth(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// char.ToUpperInvariant, skipping the globalisation tables for Chinese characters (CJK Unified
    /// Ideographs and Extension A), which have no case: names are mostly those, and the lookup per
    /// character showed in the profile of reading a sheet.
    /// </summary>
    public static char ToUpperInvariant(char c) => c is >= '\u3400' and <= '\u9FFF' ? c : char.ToUpperInvariant(c);

    public static char ToHalfWidth(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        '\u3002' => '.', // 。 only ever appears as a decimal point by mistake inside numbers; callers that care about sentences do not use this.
        _ => c,
    };

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00A0';

    private static bool NeedsWork(char c) => c is (>= '\uFF01' and <= '\uFF5E') or '\u3000' or '\u3002' || IsSpace(c);

    public static bool StartsWithAny(string text, ReadOnlySpan<string> prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool ContainsAny(string text, ReadOnlySpan<string> parts)
    {
        foreach (string part in parts)
        {
            if (text.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Months written in Chinese numerals as Arabic ones, in a title or a header: "一至十一月" → "1至11月", "截至十一月底" →
    /// "截至11月底", "十二月份" → "12月份". Text without a Chinese numeral before 月 is returned as it is.
    /// </summary>
    public static string ArabicMonths(string text)
    {
        if (!text.Contains('月'))
        {
            return text;
        }

        StringBuilder? builder = null;
        int copied = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int first = SmallNumber(text.AsSpan(i), out int used);
            if (first == 0)
            {
                continue;
            }

            int end = i + used;
            int second = 0;
            int secondUsed = 0;
            if (end < text.Length && text[end] is '至' or '到' or '-' or '—' or '~' or '～' or '–')
            {
                second = SmallNumber(text.AsSpan(end + 1), out secondUsed);
            }

            int monthAt = second > 0 ? end + 1 + secondUsed : end;
            if (monthAt >= text.Length || text[monthAt] != '月' || (i > 0 && IsChineseDigit(text[i - 1])))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, i - copied).Append(first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (second > 0)
            {
                builder.Append(text[end]).Append(second.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            copied = monthAt;
            i = monthAt;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsChineseDigit(char c) => c is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '〇' or '零';

    // 一…九, 十, 十一, 十二: a month's number; 0 for anything else.
    private static int SmallNumber(ReadOnlySpan<char> text, out int used)
    {
        used = 0;
        if (text.IsEmpty)
        {
            return 0;
        }

        int units = "一二三四五六七八九".IndexOf(text[0]) + 1;
        if (units > 0)
        {
            used = 1;
            return units;
        }

        if (text[0] != '十')
        {
            return 0;
        }

        used = 1;
        if (text.Length > 1 && "一二".IndexOf(text[1]) is int extra and >= 0)
        {
            used = 2;
            return 11 + extra;
        }

        return 10;
    }
}
