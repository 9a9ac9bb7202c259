using System.Text;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Text;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

internal enum TextAlign
{
    Left,
    Center,
    Right,

    /// <summary>Both edges flush except the last line, as Chinese body text is set.</summary>
    Justify,
}

/// <summary>A string with a face per UTF-16 index (key figures are bold inside a regular paragraph).</summary>
internal sealed class StyledText
{
    private StyledText(string text, FontFace[] faces)
    {
        Text = text;
        Faces = faces;
    }

    public string Text { get; }

    public FontFace[] Faces { get; }

    public static StyledText Plain(string text, FontFace face)
    {
        string normalized = Normalize(text);
        return new(normalized, Enumerable.Repeat(face, normalized.Length).ToArray());
    }

    public static StyledText FromRuns(IEnumerable<TextRun> runs, FontFace normal = FontFace.Regular)
    {
        var text = new StringBuilder();
        var faces = new List<FontFace>();
        foreach (TextRun run in runs)
        {
            string normalized = Normalize(run.Text);
            text.Append(normalized);
            faces.AddRange(Enumerable.Repeat(run.Style == RunStyle.Figure ? FontFace.Bold : normal, normalized.Length));
        }

        return new StyledText(text.ToString(), faces.ToArray());
    }

    // '\n' is a forced break; a carriage return or tab is never drawn (the font's .notdef is a box).
    private static string Normalize(string text) =>
        text.Contains('\r') || text.Contains('\t') ? text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\t', ' ') : text;
}

/// <summary>A piece of a set line in one face, at an x offset from the left edge of the measure.</summary>
internal sealed record LinePiece(double X, string Text, FontFace Face);

internal sealed record SetLine(IReadOnlyList<LinePiece> Pieces);

/// <summary>
/// Sets styled text into lines: breaks with <see cref="ChineseLineBreaker"/>, then places each
/// character. Punctuation follows Chinese practice (标点挤压): a closing mark followed by another
/// mark takes half its width, and a line that needs room sheds up to a quarter of each mark's blank
/// side (right of a closing mark, left of an opening one) before anything is pushed down. The
/// slack of a justified line is spread evenly between its unbreakable units.
/// </summary>
internal sealed class TextSetter(BriefingFonts fonts)
{
    // Marks drawn in the left half of the em in Simplified Chinese fonts, and those drawn in the right half.
    private const string ClosingMarks = "，。、；：）」』》〉】〕”’！？";
    private const string OpeningMarks = "（「『《〈【〔“‘";

    // How much of its width a mark may give up when a line is squeezed: a quarter keeps the marks
    // recognisably full-width; more makes a line with several marks look like Latin punctuation.
    private const double MaxSqueeze = 0.25;

    public BriefingFonts Fonts { get; } = fonts;

    public double Width(string text, FontFace face, double size) => Fonts.Width(text, face, size);

    /// <summary>Distance from the top of a line box of height <paramref name="lineHeight"/> to the baseline, with the em box centred in the line.</summary>
    public double BaselineOffset(double size, double lineHeight)
    {
        TrueTypeFont font = Fonts.Regular;
        double emHeight = (font.Ascender - font.Descender) * size / font.UnitsPerEm;
        return ((lineHeight - emHeight) / 2) + (font.Ascender * size / font.UnitsPerEm);
    }

    public IReadOnlyList<SetLine> Set(StyledText styled, double size, double width, TextAlign align, double firstIndent = 0, double otherIndent = 0)
    {
        string text = styled.Text;
        Measured measured = Measure(styled, size);
        IReadOnlyList<TextRange> ranges = ChineseLineBreaker.BreakRanges(
            text, width - firstIndent, width - otherIndent, measured.Width, measured.Shrinkable);
        var lines = new List<SetLine>(ranges.Count);
        for (int i = 0; i < ranges.Count; i++)
        {
            TextRange range = ranges[i];
            double indent = i == 0 ? firstIndent : otherIndent;
            double available = width - indent;
            double natural = measured.Width(range.Start, range.Length);
            var x = new double[range.Length];
            var cut = new bool[range.Length];
            for (int k = 0; k < range.Length; k++)
            {
                x[k] = measured.Width(range.Start, k);
                cut[k] = k > 0 && measured.CutAfter[range.Start + k - 1];
            }

            bool lastOfParagraph = i == ranges.Count - 1 || IsFollowedByBreak(text, range.End);
            double offset = indent;
            if (natural > available + 1e-6)
            {
                Squeeze(text, measured, range, natural - available, x, cut);
            }
            else if (align == TextAlign.Justify && !lastOfParagraph)
            {
                Justify(text, range, available - natural, size, x, cut);
            }
            else
            {
                offset += align switch
                {
                    TextAlign.Center => (available - natural) / 2,
                    TextAlign.Right => available - natural,
                    _ => 0,
                };
            }

            lines.Add(new SetLine(Pieces(styled, range, x, cut, offset)));
        }

        return lines;
    }

    /// <summary>The widest unbreakable unit, so a table column is never narrower than it.</summary>
    public double WidestAtom(StyledText styled, double size)
    {
        Measured measured = Measure(styled, size);
        return ChineseLineBreaker.Atoms(styled.Text, new TextRange(0, styled.Text.Length))
            .Select(a => measured.Width(a.Start, a.Length))
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>Width set on one line; with forced breaks ('\n'), the widest of its lines.</summary>
    public double NaturalWidth(StyledText styled, double size)
    {
        Measured measured = Measure(styled, size);
        double widest = 0;
        int start = 0;
        string text = styled.Text;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int stop = end < 0 ? text.Length : end;
            widest = Math.Max(widest, measured.Width(start, stop - start));
            if (end < 0)
            {
                return widest;
            }

            start = end + 1;
        }
    }

    /// <summary>Spreads <paramref name="slack"/> evenly between the line's unbreakable units, unless the gaps would get too wide to read as one line.</summary>
    private static void Justify(string text, TextRange range, double slack, double size, double[] x, bool[] cut)
    {
        IReadOnlyList<TextRange> atoms = ChineseLineBreaker.Atoms(text, range);
        if (atoms.Count < 2 || slack / (atoms.Count - 1) > size * 0.5)
        {
            return;
        }

        double spacing = slack / (atoms.Count - 1);
        for (int a = 1; a < atoms.Count; a++)
        {
            int from = atoms[a].Start - range.Start;
            int to = a + 1 < atoms.Count ? atoms[a + 1].Start - range.Start : range.Length;
            cut[from] = true;
            for (int k = from; k < to; k++)
            {
                x[k] += spacing * a;
            }
        }
    }

    /// <summary>Takes <paramref name="deficit"/> out of the line's marks in proportion to what each can give.</summary>
    private static void Squeeze(string text, Measured measured, TextRange range, double deficit, double[] x, bool[] cut)
    {
        double total = measured.Shrinkable(range.Start, range.Length);
        double ratio = total > 0 ? Math.Min(1, deficit / total) : 0;
        double shift = 0;
        for (int k = 0; k < range.Length; k++)
        {
            int index = range.Start + k;
            double give = k == 0 && measured.IsLeadingOpener(index) ? 0 : measured.Give[index] * ratio;
            if (give > 0 && OpeningMarks.Contains(text[index]))
            {
                shift += give; // the blank is on the left: the mark itself moves left
                cut[k] = true;
            }

            x[k] -= shift;
            if (give > 0 && ClosingMarks.Contains(text[index]))
            {
                shift += give; // the blank is on the right: what follows moves left
                if (k + 1 < range.Length)
                {
                    cut[k + 1] = true;
                }
            }
        }
    }

    /// <summary>
    /// Advance widths as prefix sums, and how much each mark could still give up when a line is
    /// squeezed. A closing mark followed by another mark already takes half its width; the next
    /// piece starts after it so that drawing matches measuring.
    /// </summary>
    private Measured Measure(StyledText styled, double size)
    {
        string text = styled.Text;
        var prefix = new double[text.Length + 1];
        var give = new double[text.Length];
        var cutAfter = new bool[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            double width = 0;
            char c = text[i];
            if (!char.IsLowSurrogate(c) && c != '\n')
            {
                int codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length ? char.ConvertToUtf32(c, text[i + 1]) : c;
                TrueTypeFont font = Fonts[styled.Faces[i]];
                width = BriefingFonts.Advance(font, codePoint, text) * size / font.UnitsPerEm;
                bool closing = ClosingMarks.Contains(c);
                if (closing && i + 1 < text.Length && (ClosingMarks.Contains(text[i + 1]) || OpeningMarks.Contains(text[i + 1])))
                {
                    width /= 2;
                    cutAfter[i] = true;
                }
                else if (closing || OpeningMarks.Contains(c))
                {
                    give[i] = width * MaxSqueeze;
                }
            }

            prefix[i + 1] = prefix[i] + width;
        }

        double[] givePrefix = new double[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            givePrefix[i + 1] = givePrefix[i] + give[i];
        }

        return new Measured(prefix, give, givePrefix, cutAfter, text);
    }

    private static List<LinePiece> Pieces(StyledText styled, TextRange range, double[] x, bool[] cut, double offset)
    {
        var pieces = new List<LinePiece>();
        int k = 0;
        while (k < range.Length)
        {
            FontFace face = styled.Faces[range.Start + k];
            int end = k + 1;
            while (end < range.Length && styled.Faces[range.Start + end] == face && !cut[end])
            {
                end++;
            }

            pieces.Add(new LinePiece(offset + x[k], styled.Text.Substring(range.Start + k, end - k), face));
            k = end;
        }

        return pieces;
    }

    private static bool IsFollowedByBreak(string text, int end)
    {
        for (int i = end; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Measured(double[] Prefix, double[] Give, double[] GivePrefix, bool[] CutAfter, string Text)
    {
        public double Width(int start, int length) => Prefix[start + length] - Prefix[start];

        /// <summary>What a line over this range can squeeze out; an opening mark that starts the line keeps its place at the margin.</summary>
        public double Shrinkable(int start, int length) =>
            GivePrefix[start + length] - GivePrefix[start] - (length > 0 && IsLeadingOpener(start) ? Give[start] : 0);

        public bool IsLeadingOpener(int index) => OpeningMarks.Contains(Text[index]);
    }
}
