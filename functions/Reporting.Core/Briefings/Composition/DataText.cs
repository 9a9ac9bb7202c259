using System.Text;

namespace Reporting.Core.Briefings.Composition;

/// <summary>
/// Text that comes from departments' cells (names, issues): line breaks typed with Alt+Enter, tabs and
/// runs of spaces become one space; invisible format characters (bidi overrides, zero-width joiners) are
/// dropped; a character the briefing's font lacks (an emoji, a rare 生僻字 beyond the font) becomes 〓,
/// the typesetter's mark for a missing character. The renderer refuses any missing glyph so that our own
/// text can never lose a character; one department's cell must not stop the whole city's briefing.
/// </summary>
internal static class DataText
{
    /// <summary>The geta mark (U+3013) that Chinese typesetting prints where the type case lacks a character.</summary>
    public const char MissingMark = '〓';

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (Rune rune in text.Trim().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = true;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (Printable(rune))
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append(MissingMark);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The first character of <paramref name="text"/> that <see cref="Clean"/> would print as 〓, or null.
    /// Ingestion uses it to tell the clerk at the cell, long before the briefing is printed.
    /// </summary>
    public static Rune? FirstUnprintable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Rune rune in text.EnumerateRunes())
        {
            // ASCII is always in the font; checking it would only cost time on the ingestion path.
            if (rune.Value < 0x80 || Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (!Printable(rune))
            {
                return rune;
            }
        }

        return null;
    }

    // Per BMP code point, whether both faces have it (0 not yet known, 1 yes, 2 no). Ingestion asks for every
    // character of every printed cell, and names repeat the same few thousand characters; two cmap searches
    // each time are avoidable. A race only computes the same answer twice.
    private static readonly byte[] s_bmpPrintable = new byte[0x10000];

    private static bool Printable(Rune rune)
    {
        if (!rune.IsBmp)
        {
            return InBothFaces(rune);
        }

        byte known = s_bmpPrintable[rune.Value];
        if (known == 0)
        {
            known = InBothFaces(rune) ? (byte)1 : (byte)2;
            s_bmpPrintable[rune.Value] = known;
        }

        return known == 1;
    }

    // Both faces: a name may be set in bold in a table header or a heading.
    private static bool InBothFaces(Rune rune)
    {
        Pdf.BriefingFonts fonts = Pdf.BriefingFonts.Shared;
        return rune.Value != 0xFFFD && fonts.Regular.HasGlyph(rune.Value) && fonts.Bold.HasGlyph(rune.Value);
    }

    /// <summary>The cleaned text, or "—" when nothing is left.</summary>
    public static string OrMissing(string? text) => Clean(text) is { Length: > 0 } clean ? clean : Numbers.Display.Missing;
}
