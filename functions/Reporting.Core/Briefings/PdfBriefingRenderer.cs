using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Pdf;
using Reporting.Core.Briefings.Pdf.Layout;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings;

/// <summary>
/// Renders a briefing to PDF with PDFsharp: A4 with GB/T 9704 margins, Noto Serif SC embedded as
/// subsets, red 报头, numbered sections, ruled tables that repeat their header across pages, vector
/// charts, "第 X 页 / 共 Y 页" footers, document information and an outline. Layout runs first
/// (pure, no PDF), so the page count is known before anything is drawn and a character missing
/// from the font fails the render with its name before a byte is written.
/// </summary>
public sealed class PdfBriefingRenderer
{
    private readonly BriefingFonts _fonts;

    /// <summary>Uses the fonts shipped in fonts/ next to the binaries.</summary>
    public PdfBriefingRenderer()
        : this(BriefingFonts.Shared)
    {
    }

    internal PdfBriefingRenderer(BriefingFonts fonts)
    {
        _fonts = fonts;
        BriefingFontResolver.EnsureInstalled(fonts);
    }

    /// <exception cref="MissingGlyphException">A character of the briefing is not in the font.</exception>
    public void Render(BriefingDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        DocumentLayout layout = Layout(document);
        PdfPainter.Paint(document, layout, output);
    }

    internal DocumentLayout Layout(BriefingDocument document) => new BriefingLayoutEngine(_fonts).Layout(document);
}
