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
}
