namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// What a sheet says once for all its rows: the county when there is no county column (from the sheet
/// name, the title or the uploading county), and the 1-based header row for messages.
/// </summary>
internal sealed record SheetDefaults(string? County, int HeaderRow)
{
    public static SheetDefaults None { get; } = new(null, 0);
}
