using System.Text;

namespace Reporting.Core.Indicators;

/// <summary>A plain-text table that lines up Chinese text in a terminal (CJK characters take two columns).</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>The first column is left-aligned (names), the others right-aligned (figures).</summary>
    public void WriteTo(StringBuilder output, string indent = "  ")
    {
        var widths = new int[headers.Length];
        foreach (string[] row in _rows.Prepend(headers))
        {
            for (int i = 0; i < row.Length && i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        foreach (string[] row in _rows.Prepend(headers))
        {
            output.Append(indent);
            for (int i = 0; i < widths.Length; i++)
            {
                string cell = i < row.Length ? row[i] : string.Empty;
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
