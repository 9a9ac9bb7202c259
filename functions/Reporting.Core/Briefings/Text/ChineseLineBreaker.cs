namespace Reporting.Core.Briefings.Text;

/// <summary>A line or an unbreakable unit as a range of the source string.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Breaks Chinese text into lines. Between two CJK characters a line may break anywhere; a Latin
/// word or a number ("134.8%", "2022", "5G") is never split, nor parted from the unit after it
/// ("2022年", "32亿元", "3.9个"). 避头尾: no line starts with a closing
/// mark (，。、；：？！）」』》”’…% …) and none ends with an opening mark (（「『《“‘ …); such marks are
/// glued to their neighbour, so a mark that does not fit pulls the previous character down to the
/// next line with it. No line is wider than the width given, except one holding a single token
/// that is wider on its own, or, on a measure too narrow for a glued group, a closing mark hanging
/// past the edge. Widths are assumed additive (no kerning), which holds for PDFsharp.
/// </summary>
public static class ChineseLineBreaker
{
    // Marks that must not begin a line (行首禁则).
    private const string NoStartMarks = "，。、；：？！）」』》〉】〕〗”’…％%,.;:?!)]}·ー々〜～";

    // Marks that must not end a line (行尾禁则).
    private const string NoEndMarks = "（「『《〈【〔〖“‘([{";

    public static bool IsNoStart(char c) => NoStartMarks.Contains(c);

    public static bool IsNoEnd(char c) => NoEndMarks.Contains(c);

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Break(string text, double width, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        return BreakRanges(text, width, width, (start, length) => measure(text.Substring(start, length)))
            .Select(r => r.Of(text))
            .ToArray();
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into line ranges; the first line may be narrower (first-line
    /// indent). <paramref name="measure"/> gives the width of text[start..start+length];
    /// <paramref name="shrinkable"/>, when given, how much of that width the renderer can squeeze out
    /// (标点挤压), which lets one more unit onto a line before it is pushed down. Leading and trailing
    /// spaces of a line are not part of its range; '\n' forces a break.
    /// </summary>
    public static IReadOnlyList<TextRange> BreakRanges(
        string text, double firstLineWidth, double width, Func<int, int, double> measure, Func<int, int, double>? shrinkable = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<TextRange>();
        int paragraphStart = 0;
        while (paragraphStart <= text.Length)
        {
            int newline = text.IndexOf('\n', paragraphStart);
            int paragraphEnd = newline < 0 ? text.Length : newline;
            BreakParagraph(text, paragraphStart, paragraphEnd, lines.Count == 0 ? firstLineWidth : width, width, measure, shrinkable, lines);
            if (newline < 0)
            {
                break;
            }

            paragraphStart = newline + 1;
        }

        return lines;
    }

    /// <summary>
    /// The unbreakable units of <paramref name="text"/> within <paramref name="range"/>: one CJK
    /// character (a surrogate pair counts as one), a Latin word or number, a run of spaces, or a
    /// run of "—" or "…". A renderer spreads justification space between these.
    /// </summary>
    public static IReadOnlyList<TextRange> Atoms(string text, TextRange range)
    {
        var atoms = new List<TextRange>();
        int i = range.Start;
        while (i < range.End)
        {
            int start = i;
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                while (i < range.End && char.IsWhiteSpace(text[i]) && text[i] != '\n')
                {
                    i++;
                }

                i = Math.Max(i, start + 1);
            }
            else if (c is '—' or '…')
            {
                while (i < range.End && text[i] == c)
                {
                    i++;
                }
            }
            else if (IsWide(text, i))
            {
                i += char.IsHighSurrogate(c) && i + 1 < range.End && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            else
            {
                while (i < range.End && !char.IsWhiteSpace(text[i]) && !IsWide(text, i) && text[i] is not ('—' or '…'))
                {
                    i++;
                }
            }

            atoms.Add(new TextRange(start, i - start));
        }

        return atoms;
    }

    private static void BreakParagraph(
        string text,
        int start,
        int end,
        double firstWidth,
        double width,
        Func<int, int, double> measure,
        Func<int, int, double>? shrinkable,
        List<TextRange> lines)
    {
        List<Cluster> clusters = Clusters(text, new TextRange(start, end - start));
        if (clusters.Count == 0 || clusters.All(c => c.IsSpace))
        {
            lines.Add(new TextRange(start, 0));
            return;
        }

        double available = firstWidth;
        int lineStart = -1;
        int lineEnd = -1;
        double lineWidth = 0;
        Cluster? pendingSpace = null;

        void Close()
        {
            lines.Add(new TextRange(lineStart, lineEnd - lineStart));
            lineStart = -1;
            lineEnd = -1;
            lineWidth = 0;
            pendingSpace = null;
            available = width;
        }

        bool Fits(double needed, int rangeEnd) =>
            needed <= available + Tolerance
            || (shrinkable is not null && needed - shrinkable(lineStart, rangeEnd - lineStart) <= available + Tolerance);

        for (int index = 0; index < clusters.Count; index++)
        {
            Cluster cluster = clusters[index];
            if (cluster.IsSpace)
            {
                pendingSpace = lineStart < 0 ? null : cluster;
                continue;
            }

            double clusterWidth = measure(cluster.Range.Start, cluster.Range.Length);
            if (lineStart >= 0)
            {
                double spaceWidth = pendingSpace is { } space ? measure(space.Range.Start, space.Range.Length) : 0;

                // A number and its unit go down together, unless that would leave this line loose.
                int groupEnd = index;
                while (groupEnd + 1 < clusters.Count && clusters[groupEnd + 1].SoftJoin)
                {
                    groupEnd++;
                }

                double groupWidth = measure(cluster.Range.Start, clusters[groupEnd].Range.End - cluster.Range.Start);
                bool fitsAlone = Fits(lineWidth + spaceWidth + clusterWidth, cluster.Range.End);
                bool groupFits = Fits(lineWidth + spaceWidth + groupWidth, clusters[groupEnd].Range.End);
                bool loose = available - lineWidth > LooseFraction * available;
                if (fitsAlone && (groupFits || cluster.SoftJoin || loose))
                {
                    lineEnd = cluster.Range.End;
                    lineWidth += spaceWidth + clusterWidth;
                    pendingSpace = null;
                    continue;
                }

                Close();
            }

            if (clusterWidth <= available + Tolerance)
            {
                lineStart = cluster.Range.Start;
                lineEnd = cluster.Range.End;
                lineWidth = clusterWidth;
                continue;
            }

            // Wider than a whole line (only on very narrow measures): split between its atoms after
            // all. A closing mark hangs past the edge rather than start a line, and an opening mark
            // goes down with what it opens; what is left stays open so that what follows may join it.
            IReadOnlyList<TextRange> atoms = cluster.Atoms;
            bool onlyOpeners = false;
            for (int a = 0; a < atoms.Count; a++)
            {
                TextRange atom = atoms[a];
                double atomWidth = measure(atom.Start, atom.Length);
                bool hangs = IsNoStart(text[atom.Start]);
                bool opensNext = a + 1 < atoms.Count && IsNoEnd(text[atom.End - 1]);
                double needed = atomWidth + (opensNext ? measure(atoms[a + 1].Start, atoms[a + 1].Length) : 0);

                // An opening mark stays with the token it opens even when that token overflows the line anyway.
                if (lineStart >= 0 && !hangs && !onlyOpeners && lineWidth + needed > available + Tolerance)
                {
                    Close();
                }

                if (lineStart < 0)
                {
                    lineStart = atom.Start;
                    lineWidth = 0;
                    onlyOpeners = true;
                }

                onlyOpeners &= IsNoEnd(text[atom.End - 1]);
                lineEnd = atom.End;
                lineWidth += atomWidth;
            }
        }

        if (lineStart >= 0)
        {
            Close();
        }
    }

    // Rounding in the caller's width arithmetic must not push a fitting character down.
    private const double Tolerance = 1e-6;

    // A line left emptier than this by moving a number down with its unit is set with the number and
    // the unit parted instead: a loose, letter-spaced line reads worse than "415.52 / 亿元".
    private const double LooseFraction = 0.1;

    /// <summary>
    /// Groups atoms into clusters that must stay on one line: the 避头尾 glue, and a number with the
    /// unit after it ("32亿元", "2022年", "3.9个"), which a reader should not have to piece
    /// together across lines. Spaces stand alone.
    /// </summary>
    private static List<Cluster> Clusters(string text, TextRange range)
    {
        var clusters = new List<Cluster>();
        List<TextRange>? current = null;
        bool currentSoft = false;
        int unitEnd = -1; // the end of a unit word that belongs with the number before it
        foreach (TextRange atom in Atoms(text, range))
        {
            bool isSpace = char.IsWhiteSpace(text[atom.Start]);
            if (isSpace)
            {
                Flush();
                clusters.Add(new Cluster([atom], IsSpace: true));
                continue;
            }

            if (current is not null && atom.End > unitEnd && char.IsAsciiDigit(text[current[^1].End - 1]) && IsWide(text, atom.Start) && !IsNoStart(text[atom.Start]))
            {
                // The unit starts a cluster of its own that prefers the number's line.
                unitEnd = atom.Start + UnitLength(text, atom.Start);
                Flush();
                currentSoft = true;
            }
            else if (current is not null && atom.End > unitEnd && !IsGlued(text, current[^1], atom))
            {
                Flush();
            }

            current ??= [];
            current.Add(atom);
        }

        Flush();
        return clusters;

        void Flush()
        {
            if (current is not null)
            {
                clusters.Add(new Cluster(current, IsSpace: false, currentSoft));
                current = null;
                currentSoft = false;
            }
        }
    }

    // Two-character units kept whole after a number; otherwise only the first character (年, 个, 亿…)
    // is kept with it. Longer groups ("个百分点") would leave wide gaps in the line they are pushed from.
    private static readonly string[] s_units = ["亿元", "万元", "万户", "万人", "万吨", "公里"];

    private static int UnitLength(string text, int start)
    {
        foreach (string unit in s_units)
        {
            if (string.CompareOrdinal(text, start, unit, 0, unit.Length) == 0)
            {
                return unit.Length;
            }
        }

        return char.IsHighSurrogate(text[start]) ? 2 : 1;
    }

    private static bool IsGlued(string text, TextRange before, TextRange after) =>
        IsNoStart(text[after.Start]) || IsNoEnd(text[before.End - 1]);

    /// <summary>CJK ideographs, kana, hangul, CJK and full-width punctuation, Chinese quotes: each is its own unit.</summary>
    private static bool IsWide(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return true; // supplementary ideographs (U+20000…) are the only astral characters we set
        }

        return c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFFEF') or (>= '\uAC00' and <= '\uD7AF')
            or '“' or '”' or '‘' or '’' or '·' or '—' or '…' or '●' or '■' or '▲' or '★' or '☆' or '○' or '□';
    }

    /// <param name="SoftJoin">A unit after a number: kept on the number's line unless that leaves the line loose.</param>
    private sealed record Cluster(IReadOnlyList<TextRange> Atoms, bool IsSpace, bool SoftJoin = false)
    {
        public TextRange Range => new(Atoms[0].Start, Atoms[^1].End - Atoms[0].Start);
    }
}
