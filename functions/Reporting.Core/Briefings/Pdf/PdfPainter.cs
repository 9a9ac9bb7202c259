using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Pdf.Layout;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf;

/// <summary>Second pass: draws a finished layout with PDFsharp and writes the document.</summary>
internal static class PdfPainter
{
    public static void Paint(BriefingDocument document, DocumentLayout layout, Stream output)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title + " " + document.IssueLabel;
        pdf.Info.Author = document.Office;
        pdf.Info.Subject = document.Headline;
        pdf.Info.Creator = "Reporting";
        pdf.Info.CreationDate = document.IssueDate.ToDateTime(TimeOnly.MinValue);
        pdf.Language = "zh-CN";
        pdf.PageMode = PdfPageMode.UseOutlines;
        pdf.Options.CompressContentStreams = true;

        var fonts = new Dictionary<(FontFace, double), XFont>();
        var brushes = new Dictionary<Rgb, XSolidBrush>();
        XFont Font(FontFace face, double size)
        {
            if (!fonts.TryGetValue((face, size), out XFont? font))
            {
                // Unicode encoding: each face is embedded once as a CID TrueType subset with a ToUnicode map, so text can be searched and copied.
                font = new XFont(BriefingFonts.FamilyName, size, face == FontFace.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                fonts[(face, size)] = font;
            }

            return font;
        }

        XSolidBrush Brush(Rgb color)
        {
            if (!brushes.TryGetValue(color, out XSolidBrush? brush))
            {
                brush = new XSolidBrush(ToXColor(color));
                brushes[color] = brush;
            }

            return brush;
        }

        foreach (PageLayout page in layout.Pages)
        {
            PdfPage pdfPage = pdf.AddPage();
            pdfPage.Width = XUnit.FromPoint(PageGeometry.PageWidth);
            pdfPage.Height = XUnit.FromPoint(PageGeometry.PageHeight);
            using XGraphics graphics = XGraphics.FromPdfPage(pdfPage);
            foreach (PageElement element in page.Elements)
            {
                switch (element)
                {
                    case RectElement rect:
                        XPen? border = rect.Stroke is { } stroke ? new XPen(ToXColor(stroke), rect.StrokeWidth) : null;
                        XBrush? fill = rect.Fill is { } color ? Brush(color) : null;
                        if (border is not null && fill is not null)
                        {
                            graphics.DrawRectangle(border, fill, rect.X, rect.Y, rect.Width, rect.Height);
                        }
                        else if (fill is not null)
                        {
                            graphics.DrawRectangle(fill, rect.X, rect.Y, rect.Width, rect.Height);
                        }
                        else if (border is not null)
                        {
                            graphics.DrawRectangle(border, rect.X, rect.Y, rect.Width, rect.Height);
                        }

                        break;
                    case LineElement line:
                        var pen = new XPen(ToXColor(line.Color), line.Thickness);
                        if (line.Dashed)
                        {
                            pen.DashStyle = XDashStyle.Dash;
                        }

                        graphics.DrawLine(pen, line.X1, line.Y1, line.X2, line.Y2);
                        break;
                    case TextElement text:
                        graphics.DrawString(text.Text, Font(text.Face, text.Size), Brush(text.Color), text.X, text.Baseline);
                        break;
                }
            }
        }

        foreach (Bookmark bookmark in layout.Bookmarks)
        {
            PdfOutline outline = pdf.Outlines.Add(bookmark.Title, pdf.Pages[bookmark.PageIndex], true);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Top = bookmark.Y;
        }

        pdf.Save(output, closeStream: false);
    }

    private static XColor ToXColor(Rgb color) => XColor.FromArgb(color.R, color.G, color.B);
}
