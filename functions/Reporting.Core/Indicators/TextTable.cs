using System.Text;

namespace Reporting.Core.Indicators;

/// <summary>The rows of one table of an <see cref="IndicatorSheet"/>, as they are added.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public IndicatorSheetTable ToTable() => new(headers, [.. _rows]);

    /// <summary>Lines a table up in a terminal (CJK characters take two columns): the first column left-aligned (names), the others right-aligned (figures).</summary>
    public static void WriteTo(IndicatorSheetTable table, StringBuilder output, string indent = "  ")
    {
        IReadOnlyList<string> headers = table.Headers;
        IEnumerable<IReadOnlyList<string>> rows = table.Rows.Prepend(headers);
        var widths = new int[headers.Count];
        foreach (IReadOnlyList<string> row in rows)
        {
            for (int i = 0; i < row.Count && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        foreach (IReadOnlyList<string> row in rows)
        {
            output.Append(indent);
            for (int i = 0; i < widths.Length; i++)
            {
                string cell = i < row.Count ? row[i] : string.Empty;
                string padding = new(' ', widths[i] - Width(cell));
                output.Append(i == 0 ? cell + padding : padding + cell);
                output.Append(i == widths.Length - 1 ? string.Empty : "  ");
            }

            output.Append('\n');
        }
    }

    internal static int Width(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
