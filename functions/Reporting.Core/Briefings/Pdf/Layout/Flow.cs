using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>The cursor and the text setter every block layout works with, plus line placement with orphan and widow control.</summary>
internal sealed class Flow(PageCursor cursor, TextSetter setter)
{
    public PageCursor Cursor { get; } = cursor;

    public TextSetter Setter { get; } = setter;

    /// <summary>
    /// Sets <paramref name="text"/> across the text block from the cursor on, breaking pages between
    /// lines; a paragraph never leaves its first line alone at the foot of a page or its last line
    /// alone at the head of the next.
    /// </summary>
    public void Paragraph(
        StyledText text,
        double size,
        double leading,
        TextAlign align,
        Rgb color,
        double firstIndent = 0,
        double otherIndent = 0,
        double left = PageGeometry.Left,
        double width = PageGeometry.TextWidth)
    {
        IReadOnlyList<SetLine> lines = Setter.Set(text, size, width, align, firstIndent, otherIndent);
        double lineHeight = size * leading;
        double baseline = Setter.BaselineOffset(size, lineHeight);
        int next = 0;
        while (next < lines.Count)
        {
            int fit = (int)Math.Floor((Cursor.Remaining + 0.01) / lineHeight);
            int remaining = lines.Count - next;
            if (fit <= 0 && !Cursor.AtPageTop)
            {
                Cursor.NewPage();
                continue;
            }

            int take = Math.Min(Math.Max(fit, 1), remaining);
            if (take < remaining)
            {
                if (next == 0 && take == 1 && !Cursor.AtPageTop)
                {
                    Cursor.NewPage(); // orphan: do not strand the first line
                    continue;
                }

                if (remaining - take == 1 && take >= 3)
                {
                    take--; // widow: carry a second line over with the last one
                }
            }

            for (int i = next; i < next + take; i++)
            {
                foreach (LinePiece piece in lines[i].Pieces)
                {
                    Cursor.Add(new TextElement(left + piece.X, Cursor.Y + baseline, piece.Text, piece.Face, size, color));
                }

                Cursor.Y += lineHeight;
            }

            next += take;
            if (next < lines.Count)
            {
                Cursor.NewPage();
            }
        }
    }

    /// <summary>Height <paramref name="text"/> would take when set at <paramref name="width"/>.</summary>
    public double Height(StyledText text, double size, double leading, double width, double firstIndent = 0, double otherIndent = 0) =>
        Setter.Set(text, size, width, TextAlign.Left, firstIndent, otherIndent).Count * size * leading;

    /// <summary>Places a single line of text without breaking (for labels known to fit), baseline computed from the line box at <paramref name="top"/>.</summary>
    public void Label(string text, FontFace face, double size, Rgb color, double x, double top, double lineHeight, TextAlign align = TextAlign.Left, double width = 0)
    {
        double textWidth = Setter.Width(text, face, size);
        double left = align switch
        {
            TextAlign.Center => x + ((width - textWidth) / 2),
            TextAlign.Right => x + width - textWidth,
            _ => x,
        };
        Cursor.Add(new TextElement(left, top + Setter.BaselineOffset(size, lineHeight), text, face, size, color));
    }
}
