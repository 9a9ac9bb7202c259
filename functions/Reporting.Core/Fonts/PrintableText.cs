using System.Globalization;
using System.Text;

namespace Reporting.Core.Fonts;

/// <summary>
/// Whether the briefing's type case has a character: one rule for the two places that ask. Ingestion warns the clerk at
/// the cell (<c>text.unprintable</c>) when the briefing would print a department's text with 〓; the briefing's
/// composition (<c>DataText</c>) prints that mark. Both faces count: a name may be set in bold in a heading.
/// </summary>
public static class PrintableText
{
    // Per BMP code point, whether both faces have it (0 not yet known, 1 yes, 2 no). Ingestion asks for every
    // character of every printed cell, and names repeat the same few thousand characters; two cmap searches
    // each time are avoidable. A race only computes the same answer twice.
    private static readonly byte[] s_bmpPrintable = new byte[0x10000];

    /// <summary>
    /// The first character of <paramref name="text"/> the briefing would print as 〓, or null. White space, control and
    /// format characters are not printed at all, so they never count.
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
                || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                continue;
            }

            if (!IsPrintable(rune))
            {
                return rune;
            }
        }

        return null;
    }

    /// <summary>Whether both faces of the briefing's font have <paramref name="rune"/> (U+FFFD, a decoding failure, never).</summary>
    public static bool IsPrintable(Rune rune)
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

    private static bool InBothFaces(Rune rune)
    {
        BriefingFonts fonts = BriefingFonts.Shared;
        return rune.Value != 0xFFFD && fonts.Regular.HasGlyph(rune.Value) && fonts.Bold.HasGlyph(rune.Value);
    }
}
