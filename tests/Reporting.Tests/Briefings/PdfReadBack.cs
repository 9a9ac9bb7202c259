using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Briefings;

/// <summary>Renders briefings and reads them back with PdfPig, so tests look at what a reader gets.</summary>
internal static class PdfReadBack
{
    // GB/T 9704 text block in PDF coordinates (origin bottom-left): 28 mm from the left, 156 mm wide, 37 mm from the top, 225 mm tall.
    public const double MmToPt = 72 / 25.4;
    public const double PageHeight = 297 * MmToPt;
    public const double TextLeft = 28 * MmToPt;
    public const double TextRight = (28 + 156) * MmToPt;
    public const double TextTop = PageHeight - (37 * MmToPt);
    public const double TextBottom = PageHeight - ((37 + 225) * MmToPt);

    private static readonly PdfBriefingRenderer s_renderer = new();

    public static byte[] Render(BriefingDocument document)
    {
        using var stream = new MemoryStream();
        s_renderer.Render(document, stream);
        return stream.ToArray();
    }

    /// <summary>The page's text without any whitespace, so a sentence reads back whole across line breaks.</summary>
    public static string Compact(Page page) => Compact(page.Text);

    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static string AllText(PdfDocument pdf) => string.Concat(pdf.GetPages().Select(Compact));

    /// <summary>Letters grouped into printed lines (same baseline), top to bottom, each left to right.</summary>
    public static IReadOnlyList<IReadOnlyList<Letter>> Lines(Page page) =>
        page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => (IReadOnlyList<Letter>)g.OrderBy(l => l.StartBaseLine.X).ToList())
            .ToList();

    public static string LineText(IReadOnlyList<Letter> line) => string.Concat(line.Select(l => l.Value));

    /// <summary>Every font dictionary the pages use, resolved.</summary>
    public static IReadOnlyList<DictionaryToken> Fonts(PdfDocument pdf)
    {
        var fonts = new List<DictionaryToken>();
        foreach (Page page in pdf.GetPages())
        {
            DictionaryToken resources = Resolve<DictionaryToken>(pdf, page.Dictionary.Data["Resources"]);
            if (!resources.Data.TryGetValue("Font", out IToken? fontToken))
            {
                continue;
            }

            foreach (IToken font in Resolve<DictionaryToken>(pdf, fontToken).Data.Values)
            {
                fonts.Add(Resolve<DictionaryToken>(pdf, font));
            }
        }

        return fonts;
    }

    public static T Resolve<T>(PdfDocument pdf, IToken token)
        where T : class, IToken =>
        token switch
        {
            T direct => direct,
            IndirectReferenceToken reference => Resolve<T>(pdf, pdf.Structure.GetObject(reference.Data).Data),
            _ => throw new InvalidOperationException($"Expected {typeof(T).Name}, found {token.GetType().Name}."),
        };

    public static string Name(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out IToken? token) && token is NameToken name ? name.Data : string.Empty;

    public static bool IsInsideTextBlock(PdfRectangle box) =>
        box.Left >= TextLeft - 0.5 && box.Right <= TextRight + 0.5;
}
