namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// What a sheet says once for all its rows: the county when there is no county column (from the sheet
/// name, the title or the uploading county), and the 1-based header row for messages.
/// </summary>
internal sealed record SheetDefaults(string? County, int HeaderRow)
{
    /// <summary>The texts above the header (the title printed again at a page break is the same table going on).</summary>
    public IReadOnlySet<string> LeadTexts { get; init; } = new HashSet<string>();

    /// <summary>How many columns the header spans, to its last non-blank header.</summary>
    public int HeaderWidth { get; init; }

    public static SheetDefaults None { get; } = new(null, 0);
}
