using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>Key figures as a row of panels: the value large and red, its label small beneath. At most four a row.</summary>
internal static class KeyFiguresLayout
{
    private const int PerRow = 4;
    private const double Gap = 8;
    private const double PanelHeight = 56;

    public static double Height(KeyFigures figures) => ((figures.Items.Count + PerRow - 1) / PerRow * (PanelHeight + Gap)) + 6;

    public static void Place(Flow flow, KeyFigures figures)
    {
        PageCursor cursor = flow.Cursor;
        cursor.Space(6);
        cursor.EnsureSpace(Height(figures));
        for (int start = 0; start < figures.Items.Count; start += PerRow)
        {
            List<KeyFigure> row = figures.Items.Skip(start).Take(PerRow).ToList();
            double width = (PageGeometry.TextWidth - (Gap * (row.Count - 1))) / row.Count;
            for (int i = 0; i < row.Count; i++)
            {
                double x = PageGeometry.Left + (i * (width + Gap));
                KeyFigure figure = row[i];
                cursor.Add(new RectElement(x, cursor.Y, width, PanelHeight, Rgb.PanelFill, Rgb.RuleGray, 0.5));
                cursor.Add(new LineElement(x, cursor.Y, x + width, cursor.Y, 2, Rgb.OfficialRed));
                double valueSize = FitSize(flow, figure.Value, TypeScale.KeyFigureValue, width - 8);
                flow.Label(figure.Value, FontFace.Bold, valueSize, Rgb.OfficialRed, x, cursor.Y + 6, 28, TextAlign.Center, width);
                string label = figure.Note is null ? figure.Label : figure.Label + "（" + figure.Note + "）";
                double labelSize = FitSize(flow, label, TypeScale.KeyFigureLabel, width - 8);
                flow.Label(label, FontFace.Regular, labelSize, Rgb.DarkGray, x, cursor.Y + 34, 16, TextAlign.Center, width);
            }

            cursor.Y += PanelHeight + Gap;
        }

        cursor.Y += 6;
    }

    private static double FitSize(Flow flow, string text, double size, double width)
    {
        double natural = flow.Setter.Width(text, FontFace.Bold, size);
        return natural <= width ? size : size * width / natural;
    }
}
