using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>An sRGB colour; layout stays free of PDFsharp types.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb Black = new(0, 0, 0);

    public static readonly Rgb White = new(0xFF, 0xFF, 0xFF);

    /// <summary>The red of a 红头 (C0 M100 Y100 K0).</summary>
    public static readonly Rgb OfficialRed = new(0xE6, 0x00, 0x12);

    public static readonly Rgb DarkGray = new(0x40, 0x40, 0x40);

    public static readonly Rgb MidGray = new(0x80, 0x80, 0x80);

    public static readonly Rgb RuleGray = new(0xBF, 0xBF, 0xBF);

    public static readonly Rgb HeaderFill = new(0xEC, 0xEC, 0xEC);

    public static readonly Rgb TotalFill = new(0xF6, 0xF6, 0xF6);

    public static readonly Rgb PanelFill = new(0xFB, 0xF6, 0xF4);

    public static readonly Rgb AheadBar = new(0x2E, 0x5C, 0x8A);

    public static readonly Rgb BehindBar = new(0xC0, 0x50, 0x4D);

    /// <summary>Last month's bar in a paired chart: present but quieter than this month's.</summary>
    public static readonly Rgb PreviousBar = new(0xB4, 0xB9, 0xC0);

    /// <summary>The data line of a trend chart.</summary>
    public static readonly Rgb TrendLine = new(0x2E, 0x5C, 0x8A);
}

/// <summary>Something drawn on a page. Coordinates in points, origin top-left, y downwards.</summary>
internal abstract record PageElement;

/// <summary>Text whose baseline starts at (<paramref name="X"/>, <paramref name="Baseline"/>).</summary>
internal sealed record TextElement(double X, double Baseline, string Text, FontFace Face, double Size, Rgb Color) : PageElement;

internal sealed record LineElement(double X1, double Y1, double X2, double Y2, double Thickness, Rgb Color, bool Dashed = false) : PageElement;

internal sealed record RectElement(double X, double Y, double Width, double Height, Rgb? Fill, Rgb? Stroke = null, double StrokeWidth = 0) : PageElement;

internal sealed class PageLayout
{
    public List<PageElement> Elements { get; } = [];
}

/// <summary>An outline entry: a section heading and where it is.</summary>
internal sealed record Bookmark(string Title, int PageIndex, double Y);

internal sealed record DocumentLayout(IReadOnlyList<PageLayout> Pages, IReadOnlyList<Bookmark> Bookmarks);
