using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// 版记 at the foot of the last page (GB/T 9704): a heavy rule, the 报/送/发 lines separated by fine
/// rules, the office and 印发 date, a heavy rule. Starts a new page when it does not fit.
/// </summary>
internal static class ColophonLayout
{
    private const double Size = TypeScale.Distribution;
    private const double Leading = 1.5;
    private const double Pad = 4;
    private const double Heavy = 1;
    private const double Fine = 0.5;

    public static void Place(Flow flow, BriefingDocument document, string printedLabel)
    {
        PageCursor cursor = flow.Cursor;
        double inset = Size; // one character in from each side
        double width = PageGeometry.TextWidth - (2 * inset);
        var blocks = document.Distribution
            .Select(line => (Label: line.Label + "：", Text: line.Recipients))
            .ToList();
        double lineHeight = Size * Leading;
        var heights = blocks.Select(b =>
        {
            double labelWidth = flow.Setter.Width(b.Label, FontFace.Regular, Size);
            return flow.Height(StyledText.Plain(b.Label + b.Text, FontFace.Regular), Size, Leading, width, 0, labelWidth) + (2 * Pad);
        }).ToList();
        double total = heights.Sum() + lineHeight + (2 * Pad);

        cursor.Space(24);
        if (total > cursor.Remaining)
        {
            cursor.NewPage();
        }

        cursor.Y = PageGeometry.Bottom - total;
        cursor.Add(new LineElement(PageGeometry.Left, cursor.Y, PageGeometry.Right, cursor.Y, Heavy, Rgb.Black));
        for (int i = 0; i < blocks.Count; i++)
        {
            double labelWidth = flow.Setter.Width(blocks[i].Label, FontFace.Regular, Size);
            cursor.Y += Pad;
            flow.Paragraph(StyledText.Plain(blocks[i].Label + blocks[i].Text, FontFace.Regular), Size, Leading, TextAlign.Justify, Rgb.Black, 0, labelWidth, PageGeometry.Left + inset, width);
            cursor.Y += Pad;
            cursor.Add(new LineElement(PageGeometry.Left, cursor.Y, PageGeometry.Right, cursor.Y, Fine, Rgb.Black));
        }

        cursor.Y += Pad;
        flow.Label(document.Office, FontFace.Regular, Size, Rgb.Black, PageGeometry.Left + inset, cursor.Y, lineHeight);
        flow.Label(printedLabel, FontFace.Regular, Size, Rgb.Black, PageGeometry.Left, cursor.Y, lineHeight, TextAlign.Right, PageGeometry.TextWidth - inset);
        cursor.Y += lineHeight + Pad;
        cursor.Add(new LineElement(PageGeometry.Left, cursor.Y, PageGeometry.Right, cursor.Y, Heavy, Rgb.Black));
    }
}
