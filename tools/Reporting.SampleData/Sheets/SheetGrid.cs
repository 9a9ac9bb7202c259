namespace Reporting.SampleData.Sheets;

internal enum RowKind
{
    Title,
    Note,
    Header,
    ColumnNumbers,
    Data,
    Total,
    Blank,
    Footer,
}

/// <summary>
/// A sheet as rows of cells (string, int, decimal or DateTime), with merges and styles, written
/// either as an .xlsx sheet or as .csv. Rows and columns are 1-based like Excel's.
/// </summary>
internal sealed class SheetGrid(string name, int columns)
{
    private readonly List<(RowKind Kind, object?[] Cells)> _rows = [];

    public string Name { get; } = name;

    public int Columns { get; } = columns;

    public IReadOnlyList<(RowKind Kind, object?[] Cells)> Rows => _rows;

    public List<(int Row, int Column, int LastRow, int LastColumn)> Merges { get; } = [];

    public double[] Widths { get; } = Enumerable.Repeat(12d, columns).ToArray();

    public HashSet<int> HiddenColumns { get; } = [];

    /// <summary>Excel number formats by column, e.g. "0.00" for 亿元 amounts, "yyyy-mm-dd" for dates.</summary>
    public Dictionary<int, string> Formats { get; } = [];

    /// <summary>Rows above this one stay in view when scrolling (the header).</summary>
    public int FreezeBelow { get; set; }

    public int RowCount => _rows.Count;

    public int Add(RowKind kind, params object?[] cells)
    {
        var row = new object?[Columns];
        Array.Copy(cells, row, Math.Min(cells.Length, Columns));
        _rows.Add((kind, row));
        return _rows.Count;
    }

    /// <summary>A line of text across the whole width (title, notes, footers).</summary>
    public int AddLine(RowKind kind, string text)
    {
        int row = Add(kind, text);
        Merges.Add((row, 1, row, Columns));
        return row;
    }

    /// <summary>Several pieces of text on one line, each merged over its span of columns.</summary>
    public int AddSpread(RowKind kind, params (int Column, int Span, string Text)[] pieces)
    {
        var cells = new object?[Columns];
        foreach ((int column, int span, string text) in pieces)
        {
            cells[column - 1] = text;
        }

        int row = Add(kind, cells);
        foreach ((int column, int span, _) in pieces)
        {
            if (span > 1)
            {
                Merges.Add((row, column, row, column + span - 1));
            }
        }

        return row;
    }
}
