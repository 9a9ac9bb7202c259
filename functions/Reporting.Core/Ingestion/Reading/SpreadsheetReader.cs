using System.Text;
using ExcelDataReader;

namespace Reporting.Core.Ingestion.Reading;

/// <summary>
/// The one seam over ExcelDataReader: sheets, then rows, then cells, streamed. Everything that
/// reads a workbook (ingestion, the annotated copy, benchmarks) goes through here, so .xlsx, .xls
/// and .csv behave the same above this line.
/// </summary>
internal sealed class SpreadsheetReader : IDisposable
{
    private readonly IExcelDataReader _reader;
    private readonly string _csvSheetName;
    private bool _started;

    private SpreadsheetReader(IExcelDataReader reader, string csvSheetName)
    {
        _reader = reader;
        _csvSheetName = csvSheetName;
    }

    /// <summary>Opens a seekable stream whose format was decided by <see cref="FileProbe"/>. The stream stays open.</summary>
    public static SpreadsheetReader Open(Stream stream, SpreadsheetFormat format, Encoding? csvEncoding, string csvSheetName)
    {
        EncodingSetup.EnsureRegistered();
        stream.Position = 0;
        var configuration = new ExcelReaderConfiguration
        {
            FallbackEncoding = format == SpreadsheetFormat.Csv ? csvEncoding ?? Encoding.UTF8 : EncodingSetup.Gb18030,
            LeaveOpen = true,
        };
        IExcelDataReader reader = format switch
        {
            SpreadsheetFormat.OpenXml => ExcelReaderFactory.CreateOpenXmlReader(stream, configuration),
            SpreadsheetFormat.Binary => ExcelReaderFactory.CreateBinaryReader(stream, configuration),
            _ => ExcelReaderFactory.CreateCsvReader(stream, configuration),
        };
        return new SpreadsheetReader(reader, format == SpreadsheetFormat.Csv ? csvSheetName : string.Empty);
    }

    public string SheetName => string.IsNullOrEmpty(_reader.Name) ? (_csvSheetName.Length > 0 ? _csvSheetName : "Sheet1") : _reader.Name;

    public bool SheetHidden => _reader.VisibleState is "hidden" or "veryhidden";

    public IReadOnlyList<CellRange> MergedCells => (IReadOnlyList<CellRange>?)_reader.MergeCells ?? [];

    /// <summary>0-based index of the current row in the sheet (gaps are returned as empty rows).</summary>
    public int RowIndex { get; private set; } = -1;

    public int FieldCount => _reader.FieldCount;

    /// <summary>Every sheet's name and visibility, before the first <see cref="NextSheet"/>; leaves the reader at the start.</summary>
    public IReadOnlyList<(string Name, bool Hidden)> ListSheets()
    {
        var sheets = new List<(string, bool)>();
        do
        {
            sheets.Add((SheetName, SheetHidden));
        }
        while (_reader.NextResult());

        _reader.Reset();
        return sheets;
    }

    /// <summary>Moves to the first sheet on the first call, to the next one afterwards.</summary>
    public bool NextSheet()
    {
        RowIndex = -1;
        if (!_started)
        {
            _started = true;
            return true;
        }

        return _reader.NextResult();
    }

    public bool ReadRow()
    {
        if (!_reader.Read())
        {
            return false;
        }

        RowIndex++;
        return true;
    }

    /// <summary>The current row is hidden (zero height): what the clerk sees and prints leaves it out.</summary>
    public bool IsRowHidden()
    {
        try
        {
            return _reader.RowHeight <= 0;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the row has nothing in the columns ingestion reads (<see cref="Sheets.SheetScanner.MaxColumns"/>).
    /// Bounded on purpose: one cell at XFD1048576 gives every row 16,384 fields, and looking at all of
    /// them for a million rows took minutes.
    /// </summary>
    public bool IsRowEmpty()
    {
        int width = Math.Min(_reader.FieldCount, Sheets.SheetScanner.MaxColumns);
        for (int i = 0; i < width; i++)
        {
            object? value = _reader.GetValue(i);
            if (value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s)))
            {
                return false;
            }
        }

        return true;
    }

    public CellValue GetCell(int column)
    {
        if (column < 0 || column >= _reader.FieldCount)
        {
            return CellValue.Empty;
        }

        object? value = _reader.GetValue(column);
        if (_csvSheetName.Length > 0 && value is string text && ExcelTextFormula(text) is string shown)
        {
            value = shown;
        }

        return value is double or DateTime ? CellValue.From(value, _reader.GetNumberFormatString(column)) : CellValue.From(value, null);
    }

    // ="10000" in a CSV is how systems make Excel show a field as typed (keeping a code's leading zeros): Excel shows 10000.
    private static string? ExcelTextFormula(string text) =>
        text.Length >= 3 && text[0] == '=' && text[1] == '"' && text[^1] == '"' && text.IndexOf('"', 2) == text.Length - 1 ? text[2..^1] : null;

    /// <summary>Raw value for copying (the annotated workbook).</summary>
    public object? GetRawValue(int column) => column < _reader.FieldCount ? _reader.GetValue(column) : null;

    public string? GetNumberFormat(int column) => column < _reader.FieldCount ? _reader.GetNumberFormatString(column) : null;

    /// <summary>Hidden columns have zero width in both .xlsx and .xls; CSV has no hidden columns.</summary>
    public bool IsColumnHidden(int column)
    {
        try
        {
            return column < _reader.FieldCount && _reader.GetColumnWidth(column) <= 0;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    public void Dispose() => _reader.Dispose();
}
