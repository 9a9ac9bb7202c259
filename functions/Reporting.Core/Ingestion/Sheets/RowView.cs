using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// The current row, either buffered (the first rows, kept while the header is searched) or live on
/// the reader, so the rows after the header are read once and never copied.
/// </summary>
internal sealed class RowView
{
    private CellValue[]? _cells;
    private SpreadsheetReader? _reader;

    // A live row's cells, read once: the census and then each field would otherwise ask the reader again.
    private CellValue[] _live = [];
    private int _liveWidth;

    // Values carried down from a vertically merged cell above; null until a sheet has such merges.
    private CellValue[]? _fills;
    private bool _filled;

    public int Index { get; private set; }

    public int Width => _cells?.Length ?? _reader!.FieldCount;

    public static CellValue[] Capture(SpreadsheetReader reader, int maxColumns)
    {
        var cells = new CellValue[Math.Min(reader.FieldCount, maxColumns)];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.GetCell(i);
        }

        return cells;
    }

    /// <summary>The row's first cells as an array, for checks written over arrays (the 栏次 row); a copy, so only for a few rows.</summary>
    public static CellValue[] Cells(RowView row)
    {
        var cells = new CellValue[Math.Min(row.Width, SheetScanner.MaxColumns)];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i];
        }

        return cells;
    }

    public RowView Buffered(int index, CellValue[] cells)
    {
        Index = index;
        _cells = cells;
        _reader = null;
        ClearFills();
        return this;
    }

    public RowView Live(SpreadsheetReader reader)
    {
        Index = reader.RowIndex;
        _cells = null;
        _reader = reader;
        ClearFills();

        // One past the columns looked at, for "the cell after this one"; anything further is read on demand.
        int width = Math.Min(reader.FieldCount, SheetScanner.MaxColumns + 1);
        if (_live.Length < width)
        {
            _live = new CellValue[width];
        }

        for (int i = 0; i < width; i++)
        {
            _live[i] = reader.GetCell(i);
        }

        _liveWidth = width;
        return this;
    }

    public CellValue this[int column] =>
        column < 0 ? CellValue.Empty
        : _filled && column < _fills!.Length && !_fills[column].IsEmpty ? _fills[column]
        : _cells is not null ? (column < _cells.Length ? _cells[column] : CellValue.Empty)
        : column < _liveWidth ? _live[column]
        : _reader!.GetCell(column);

    /// <summary>Shows <paramref name="value"/> in an empty cell that a merge above covers.</summary>
    public void Fill(int column, CellValue value)
    {
        _fills ??= new CellValue[SheetScanner.MaxColumns];
        if (column < _fills.Length)
        {
            _fills[column] = value;
            _filled = true;
        }
    }

    private void ClearFills()
    {
        if (_filled)
        {
            Array.Clear(_fills!);
            _filled = false;
        }
    }

    public bool IsEmpty()
    {
        if (_reader is not null)
        {
            return _reader.IsRowEmpty();
        }

        foreach (CellValue cell in _cells!)
        {
            if (!cell.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text of the first non-empty cell and how many cells are filled, for telling notes and titles from records.</summary>
    public (int Filled, int FirstColumn) Census(int maxColumns)
    {
        int filled = 0;
        int first = -1;
        int width = Math.Min(Width, maxColumns);
        for (int i = 0; i < width; i++)
        {
            if (!this[i].IsEmpty)
            {
                filled++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        return (filled, first);
    }
}
