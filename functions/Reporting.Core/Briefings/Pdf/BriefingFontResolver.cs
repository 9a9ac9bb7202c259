using PdfSharp.Fonts;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf;

/// <summary>
/// Serves Noto Serif SC to PDFsharp. PDFsharp on Linux has no system fonts, so this resolver must
/// be installed (once per process, before any XFont exists) for anything to render.
/// </summary>
internal sealed class BriefingFontResolver : IFontResolver
{
    private static readonly Lock s_gate = new();
    private readonly BriefingFonts _fonts;

    private BriefingFontResolver(BriefingFonts fonts) => _fonts = fonts;

    /// <summary>Installs the resolver for <paramref name="fonts"/> unless one of ours is already installed.</summary>
    public static void EnsureInstalled(BriefingFonts fonts)
    {
        lock (s_gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new BriefingFontResolver(fonts);
                    break;
                case BriefingFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        "Another PDFsharp font resolver is installed in this process; the briefing needs Noto Serif SC from its own resolver.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, BriefingFonts.FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BriefingFonts.BoldFaceName : BriefingFonts.RegularFaceName)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        BriefingFonts.RegularFaceName => _fonts.Regular.Data,
        BriefingFonts.BoldFaceName => _fonts.Bold.Data,
        _ => null,
    };
}
