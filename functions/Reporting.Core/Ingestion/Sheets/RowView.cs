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

    public RowView Buffered(int index, CellValue[] cells)
    {
        Index = index;
        _cells = cells;
        _reader = null;
        return this;
    }

    public RowView Live(SpreadsheetReader reader)
    {
        Index = reader.RowIndex;
        _cells = null;
        _reader = reader;
        return this;
    }

    public CellValue this[int column] =>
        column < 0 ? CellValue.Empty
        : _cells is not null ? (column < _cells.Length ? _cells[column] : CellValue.Empty)
        : _reader!.GetCell(column);

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
