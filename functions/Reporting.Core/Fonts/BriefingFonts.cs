using System.Text;

namespace Reporting.Core.Fonts;

internal enum FontFace
{
    Regular,
    Bold,
}

/// <summary>
/// Noto Serif SC Regular and Bold (OFL), shipped next to the binaries in fonts/. Loaded once per
/// process: the files are 15 MB each and every render uses the same two faces.
/// </summary>
internal sealed class BriefingFonts
{
    public const string FamilyName = "Noto Serif SC";
    public const string RegularFaceName = "NotoSerifSC-Regular";
    public const string BoldFaceName = "NotoSerifSC-Bold";

    private static readonly Lazy<BriefingFonts> s_shared = new(
        () => Load(Path.Combine(AppContext.BaseDirectory, "fonts")),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private BriefingFonts(TrueTypeFont regular, TrueTypeFont bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public static BriefingFonts Shared => s_shared.Value;

    public TrueTypeFont Regular { get; }

    public TrueTypeFont Bold { get; }

    public TrueTypeFont this[FontFace face] => face == FontFace.Bold ? Bold : Regular;

    public static BriefingFonts Load(string directory) => new(
        TrueTypeFont.Load(Path.Combine(directory, RegularFaceName + ".ttf"), FamilyName),
        TrueTypeFont.Load(Path.Combine(directory, BoldFaceName + ".ttf"), FamilyName));

    /// <summary>Width of <paramref name="text"/> in points; throws <see cref="MissingGlyphException"/> for a character the face lacks.</summary>
    public double Width(string text, FontFace face, double size)
    {
        TrueTypeFont font = this[face];
        long units = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            units += Advance(font, rune.Value, text);
        }

        return units * size / font.UnitsPerEm;
    }

    /// <summary>Advance of one code point in font units, checking it exists.</summary>
    public static int Advance(TrueTypeFont font, int codePoint, string context)
    {
        if (IsInvisible(codePoint))
        {
            return 0;
        }

        if (font.GlyphId(codePoint) == 0)
        {
            throw new MissingGlyphException(FamilyName, codePoint, context);
        }

        return font.Advance(codePoint);
    }

    /// <summary>Checks every character of every text in both faces before anything is laid out.</summary>
    public void EnsureCovered(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            foreach (Rune rune in text.EnumerateRunes())
            {
                if (!IsInvisible(rune.Value) && (!Regular.HasGlyph(rune.Value) || !Bold.HasGlyph(rune.Value)))
                {
                    throw new MissingGlyphException(FamilyName, rune.Value, text);
                }
            }
        }
    }

    // A forced line break is never drawn, so the font need not have it.
    private static bool IsInvisible(int codePoint) => codePoint is '\n' or '\r';
}
