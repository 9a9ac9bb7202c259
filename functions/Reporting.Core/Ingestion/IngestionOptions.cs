namespace Reporting.Core.Ingestion;

/// <summary>Limits and vocabularies for reading submissions. Defaults fit Pingxiang.</summary>
public sealed class IngestionOptions
{
    /// <summary>Uploads larger than this are rejected unread. Default 20 MB.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>A workbook whose parts expand beyond this is treated as a zip bomb. Default 200 MB.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Rows per workbook beyond which the file is rejected. Default 200,000.</summary>
    public int MaxRows { get; set; } = 200_000;
}
