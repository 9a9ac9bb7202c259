using ExcelDataReader;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

internal enum SheetStatus
{
    /// <summary>Nothing in it.</summary>
    Empty,

    /// <summary>Rows, but none that looks like a header (a notes sheet).</summary>
    NoHeader,

    /// <summary>A header, but not one of the three kinds.</summary>
    UnknownKind,

    /// <summary>Read as a kind (possibly with errors).</summary>
    Read,
}

internal sealed record SheetResult(string Sheet, SheetStatus Status, HeaderLayout? Layout);

/// <summary>
/// Reads one sheet: buffers the first rows to find the header and the notes above it, then streams
/// every following row once, turning it into a record or skipping it (blank, 合计/小计, note, footer).
/// </summary>
internal static class SheetScanner
{
    /// <summary>Columns looked at; anything beyond is decoration.</summary>
    public const int MaxColumns = 256;

    public static SheetResult Scan(SpreadsheetReader reader, IngestionRun run)
    {
        string sheet = reader.SheetName;
        var buffer = new List<CellValue[]>(HeaderDetector.ScanRows);
        int nonEmpty = 0;
        while (buffer.Count < HeaderDetector.ScanRows && reader.ReadRow())
        {
            CellValue[] cells = RowView.Capture(reader, MaxColumns);
            buffer.Add(cells);
            if (!reader.IsRowEmpty())
            {
                nonEmpty++;
                run.CountRow();
            }
        }

        if (nonEmpty == 0)
        {
            return new SheetResult(sheet, SheetStatus.Empty, null);
        }

        IReadOnlyList<CellRange> merges = reader.MergedCells;
        HeaderLayout? layout = HeaderDetector.Detect(buffer, merges, reader.IsColumnHidden);
        if (layout is null)
        {
            return new SheetResult(sheet, SheetStatus.NoHeader, null);
        }

        if (!layout.KindKnown)
        {
            return new SheetResult(sheet, SheetStatus.UnknownKind, layout);
        }

        KindMatch match = layout.Match;
        decimal? sheetScale = ReadNotes(buffer, layout, sheet, run);
        if (!match.Complete)
        {
            string missing = string.Join("、", match.MissingRequired.Select(s => "“" + s.Label + "”"));
            run.Findings.Sheet(
                sheet,
                RuleIds.ColumnRequiredMissing,
                $"工作表“{sheet}”看起来是{match.Kind.ToChinese()}，但缺少必填列：{missing}。请按模板补齐这些列的表头（表头第{layout.FirstRow + 1}行）。");
            run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, 0, "缺少必填列"));
            return new SheetResult(sheet, SheetStatus.Read, layout);
        }

        var rows = new RowBuilder(run, sheet, match, sheetScale);
        var view = new RowView();
        int start = layout.LastRow + 1;
        if (start < buffer.Count && HeaderDetector.IsColumnNumberRow(buffer[start]))
        {
            start++;
        }

        for (int r = start; r < buffer.Count; r++)
        {
            rows.Process(view.Buffered(r, buffer[r]));
        }

        bool skipFirstLive = start >= buffer.Count;
        while (reader.ReadRow())
        {
            if (reader.IsRowEmpty())
            {
                continue;
            }

            run.CountRow();
            if (skipFirstLive)
            {
                skipFirstLive = false;
                if (HeaderDetector.IsColumnNumberRow(RowView.Capture(reader, MaxColumns)))
                {
                    continue;
                }
            }

            rows.Process(view.Live(reader));
        }

        int count = rows.Finish();
        run.Sheets.Add(new SheetSummary(sheet, match.Kind, layout.FirstRow + 1, count, null));
        return new SheetResult(sheet, SheetStatus.Read, layout);
    }

    // Above the header: the period line, the unit note and 填报单位; in the header: periods embedded in column names.
    private static decimal? ReadNotes(List<CellValue[]> buffer, HeaderLayout layout, string sheet, IngestionRun run)
    {
        decimal? scale = null;
        for (int r = 0; r < layout.FirstRow; r++)
        {
            CellValue[] row = buffer[r];
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c].Type != CellType.Text)
                {
                    continue;
                }

                string text = row[c].Text;
                if (SheetNotes.TryFindPeriod(text, out ReportingPeriod period))
                {
                    run.PeriodClues.Add(new PeriodClue(period, null, $"工作表“{sheet}”{CellRef.ToA1(r, c)}单元格“{FindingSink.Shorten(ChineseText.Tidy(text))}”"));
                }

                scale ??= SheetNotes.FindUnitNote(text);
                string? department = SheetNotes.FindDepartment(text, c + 1 < row.Length && row[c + 1].Type == CellType.Text ? row[c + 1].Text : null);
                run.DepartmentName ??= department;
            }
        }

        foreach (ColumnBinding binding in layout.Match.Columns.Values)
        {
            HeaderText header = binding.Header;
            if (header.Month is null)
            {
                continue;
            }

            string where = $"工作表“{sheet}”表头“{header.Display}”";
            run.PeriodClues.Add(header.Year is int year && year is >= 2000 and <= 2100
                ? new PeriodClue(new ReportingPeriod(year, header.Month.Value), null, where)
                : new PeriodClue(null, header.Month, where));
        }

        return scale;
    }
}
