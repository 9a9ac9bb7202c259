using System.Text;
using Reporting.Core.Fonts;

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

            if (PrintableText.IsPrintable(rune))
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

    /// <summary>The cleaned text, or "—" when nothing is left.</summary>
    public static string OrMissing(string? text) => Clean(text) is { Length: > 0 } clean ? clean : Numbers.Display.Missing;
}
