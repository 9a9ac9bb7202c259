using System.Globalization;
using System.Text;

namespace Reporting.Core.Fonts;

/// <summary>
/// The briefing contains a character the font does not have. Rendering stops rather than print
/// an empty box in a leader's briefing; the message names the character, its code point and where it occurs.
/// </summary>
public sealed class MissingGlyphException : Exception
{
    public MissingGlyphException(string fontName, int codePoint, string context)
        : base(string.Format(
            CultureInfo.InvariantCulture,
            "字体 {0} 缺少字符“{1}”(U+{2:X4})，出现在“{3}”中。请修改数据或更换字体后重新生成简报。",
            fontName,
            char.ConvertFromUtf32(codePoint),
            codePoint,
            Shorten(context)))
    {
        FontName = fontName;
        CodePoint = codePoint;
        Character = char.ConvertFromUtf32(codePoint);
        Context = context;
    }

    public MissingGlyphException()
        : this("?", '?', string.Empty)
    {
    }

    public MissingGlyphException(string message)
        : base(message)
    {
        FontName = string.Empty;
        Character = string.Empty;
        Context = string.Empty;
    }

    public MissingGlyphException(string message, Exception innerException)
        : base(message, innerException)
    {
        FontName = string.Empty;
        Character = string.Empty;
        Context = string.Empty;
    }

    public string FontName { get; }

    public int CodePoint { get; }

    /// <summary>The missing character as a string (a surrogate pair for U+10000 and above).</summary>
    public string Character { get; }

    /// <summary>The text the character occurs in.</summary>
    public string Context { get; }

    private static string Shorten(string context)
    {
        const int Max = 40;
        var runes = context.EnumerateRunes().ToList();
        if (runes.Count <= Max)
        {
            return context;
        }

        var builder = new StringBuilder();
        foreach (Rune rune in runes.Take(Max))
        {
            builder.Append(rune.ToString());
        }

        return builder.Append('…').ToString();
    }
}
