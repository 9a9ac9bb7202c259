using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// Ruled tables across the full measure: caption above, shaded bold header, numbers right-aligned,
/// rows never split, short tables kept on one page, and a long table's header row repeated at the
/// top of every page it continues on.
/// </summary>
internal static class TableLayout
{
    private const double Size = TypeScale.Table;
    private const double Leading = 1.4;
    private const double PadX = 4;
    private const double PadY = 4;
    private const double Rule = 0.5;
    private const double ShortCell = 6; // characters: a county, a unit such as 上栗县工信局

    public static void Place(Flow flow, Table table)
    {
        PageCursor cursor = flow.Cursor;
        double[] widths = ColumnWidths(flow.Setter, table);
        SetRow header = SetCells(flow.Setter, table.Columns.Select(c => c.Header).ToList(), widths, table.Columns, FontFace.Bold, header: true);
        List<SetRow> rows = table.Rows
            .Select(r => SetCells(flow.Setter, r.Cells, widths, table.Columns, r.Kind == TableRowKind.Total ? FontFace.Bold : FontFace.Regular, header: false, r.Kind))
            .ToList();

        double captionHeight = table.Caption is null ? 0 : TypeScale.TableCaption * 1.8;
        cursor.Space(6);
        // A short table is kept whole on one page, its note included (a note alone at the head of the next page
        // explains nothing); a long one starts wherever its caption, header and first row fit.
        double noteHeight = table.Note is null ? 0 : 4 + flow.Height(StyledText.Plain(table.Note, FontFace.Regular), Size, 1.5, PageGeometry.TextWidth);
        double whole = captionHeight + header.Height + rows.Sum(r => r.Height) + noteHeight;
        cursor.EnsureSpace(whole <= PageGeometry.TextHeight / 2 ? whole : captionHeight + header.Height + (rows.Count > 0 ? rows[0].Height : 0));
        if (table.Caption is not null)
        {
            flow.Label(table.Caption, FontFace.Bold, TypeScale.TableCaption, Rgb.Black, PageGeometry.Left, cursor.Y, captionHeight, TextAlign.Center, PageGeometry.TextWidth);
            cursor.Y += captionHeight;
        }

        Draw(flow, header, widths);
        foreach (SetRow row in rows)
        {
            if (row.Height > cursor.Remaining + 0.01)
            {
                cursor.NewPage();
                Draw(flow, header, widths);
            }

            Draw(flow, row, widths);
        }

        if (table.Note is not null)
        {
            cursor.Y += 4;
            flow.Paragraph(StyledText.Plain(table.Note, FontFace.Regular), Size, 1.5, TextAlign.Justify, Rgb.DarkGray);
        }

        cursor.Y += 10;
    }

    /// <summary>
    /// Natural widths when they fit (spare room goes by column weight); otherwise every column gets
    /// its widest unbreakable unit and the rest is shared by how much each column wants, times its weight.
    /// </summary>
    internal static double[] ColumnWidths(TextSetter setter, Table table)
    {
        int count = table.Columns.Count;
        var natural = new double[count];
        var minimum = new double[count];
        for (int c = 0; c < count; c++)
        {
            var header = StyledText.Plain(table.Columns[c].Header, FontFace.Bold);
            natural[c] = setter.NaturalWidth(header, Size);

            // A header with its own line breaks keeps them; others may wrap, but not to fewer than three characters a line.
            minimum[c] = table.Columns[c].Header.Contains('\n') ? natural[c] : Math.Min(natural[c], 3 * Size);
            foreach (TableRow row in table.Rows)
            {
                var cell = StyledText.Plain(c < row.Cells.Count ? row.Cells[c] : string.Empty, row.Kind == TableRowKind.Total ? FontFace.Bold : FontFace.Regular);
                double cellWidth = setter.NaturalWidth(cell, Size);
                natural[c] = Math.Max(natural[c], cellWidth);

                // Short entries (a county, a unit, a figure) stay on one line; long ones may wrap.
                minimum[c] = Math.Max(minimum[c], Math.Max(setter.WidestAtom(cell, Size), Math.Min(cellWidth, ShortCell * Size)));
            }

            natural[c] += 2 * PadX;
            minimum[c] += 2 * PadX;
        }

        double available = PageGeometry.TextWidth;
        double[] weights = table.Columns.Select(c => Math.Max(c.Weight, 0.01)).ToArray();
        if (natural.Sum() <= available)
        {
            double spare = available - natural.Sum();
            double weightSum = weights.Sum();
            return natural.Select((w, c) => w + (spare * weights[c] / weightSum)).ToArray();
        }

        double[] widths = (double[])minimum.Clone();
        double room = available - minimum.Sum();
        if (room <= 0)
        {
            return minimum.Select(w => w * available / minimum.Sum()).ToArray(); // cannot fit: shrink evenly
        }

        // Share the room by want × weight; a column that reaches its natural width drops out and the rest share again.
        var open = Enumerable.Range(0, count).Where(c => natural[c] > minimum[c]).ToHashSet();
        while (room > 0.01 && open.Count > 0)
        {
            double demand = open.Sum(c => (natural[c] - widths[c]) * weights[c]);
            double given = 0;
            foreach (int c in open.ToList())
            {
                double share = room * (natural[c] - widths[c]) * weights[c] / demand;
                double grant = Math.Min(share, natural[c] - widths[c]);
                widths[c] += grant;
                given += grant;
                if (natural[c] - widths[c] < 0.01)
                {
                    open.Remove(c);
                }
            }

            room -= given;
            if (given < 0.01)
            {
                break;
            }
        }

        return widths;
    }

    private static SetRow SetCells(
        TextSetter setter, IReadOnlyList<string> cells, double[] widths, IReadOnlyList<TableColumn> columns, FontFace face, bool header, TableRowKind kind = TableRowKind.Normal)
    {
        var set = new List<IReadOnlyList<SetLine>>(widths.Length);
        for (int c = 0; c < widths.Length; c++)
        {
            string text = c < cells.Count ? cells[c] : string.Empty;
            TextAlign align = header ? TextAlign.Center : columns[c].Alignment switch
            {
                ColumnAlignment.Right => TextAlign.Right,
                ColumnAlignment.Center => TextAlign.Center,
                _ => TextAlign.Left,
            };
            set.Add(setter.Set(StyledText.Plain(text, face), Size, widths[c] - (2 * PadX), align));
        }

        double height = (set.Max(lines => lines.Count) * Size * Leading) + (2 * PadY);
        Rgb? fill = header ? Rgb.HeaderFill : kind == TableRowKind.Total ? Rgb.TotalFill : null;
        return new SetRow(set, height, fill);
    }

    private static void Draw(Flow flow, SetRow row, double[] widths)
    {
        PageCursor cursor = flow.Cursor;
        double top = cursor.Y;
        double lineHeight = Size * Leading;
        double baseline = flow.Setter.BaselineOffset(Size, lineHeight);
        if (row.Fill is { } fill)
        {
            cursor.Add(new RectElement(PageGeometry.Left, top, PageGeometry.TextWidth, row.Height, fill));
        }

        double x = PageGeometry.Left;
        for (int c = 0; c < widths.Length; c++)
        {
            IReadOnlyList<SetLine> lines = row.Cells[c];
            double y = top + ((row.Height - (lines.Count * lineHeight)) / 2); // centred vertically
            foreach (SetLine line in lines)
            {
                foreach (LinePiece piece in line.Pieces)
                {
                    cursor.Add(new TextElement(x + PadX + piece.X, y + baseline, piece.Text, piece.Face, Size, Rgb.Black));
                }

                y += lineHeight;
            }

            cursor.Add(new LineElement(x, top, x, top + row.Height, Rule, Rgb.Black));
            x += widths[c];
        }

        cursor.Add(new LineElement(PageGeometry.Right, top, PageGeometry.Right, top + row.Height, Rule, Rgb.Black));
        cursor.Add(new LineElement(PageGeometry.Left, top, PageGeometry.Right, top, Rule, Rgb.Black));
        cursor.Add(new LineElement(PageGeometry.Left, top + row.Height, PageGeometry.Right, top + row.Height, Rule, Rgb.Black));
        cursor.Y = top + row.Height;
    }

    private sealed record SetRow(IReadOnlyList<IReadOnlyList<SetLine>> Cells, double Height, Rgb? Fill);
}
