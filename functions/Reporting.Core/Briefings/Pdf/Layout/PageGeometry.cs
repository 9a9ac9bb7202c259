namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// A4 with the GB/T 9704 版心: 156 × 225 mm, top margin 37 mm, left margin 28 mm; the page number
/// sits 7 mm below the text block.
/// </summary>
internal static class PageGeometry
{
    public const double PointsPerMm = 72 / 25.4;

    public const double PageWidth = 210 * PointsPerMm;

    public const double PageHeight = 297 * PointsPerMm;

    public const double Left = 28 * PointsPerMm;

    public const double Top = 37 * PointsPerMm;

    public const double TextWidth = 156 * PointsPerMm;

    public const double TextHeight = 225 * PointsPerMm;

    public const double Right = Left + TextWidth;

    public const double Bottom = Top + TextHeight;

    public const double FooterTop = Bottom + (7 * PointsPerMm);
}

/// <summary>Type sizes in points (号 in brackets), chosen to stay readable on a phone screen.</summary>
internal static class TypeScale
{
    public const double Body = 15; // between 三号 (16) and 小三 (15): 29 characters a line
    public const double BodyLeading = 1.75;
    public const double MastheadTitle = 40;
    public const double IssueLine = 16; // 三号
    public const double Headline = 22; // 二号
    public const double SectionHeading = 16; // 三号, bold
    public const double Subheading = 15;
    public const double KeyFigureValue = 17;
    public const double KeyFigureLabel = 10.5; // 五号
    public const double Table = 10.5; // 五号
    public const double TableCaption = 12; // 小四
    public const double ChartLabel = 10.5;
    public const double Note = 12; // 小四
    public const double Distribution = 14; // 四号
    public const double Footer = 12;
}
