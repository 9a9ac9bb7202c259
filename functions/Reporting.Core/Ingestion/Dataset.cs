namespace Reporting.Core.Ingestion;

/// <summary>
/// The normalised content of one accepted submission for one kind, as stored in
/// <c>datasets/{period}/{department}/{kind}.json</c>. Only one of the record lists is non-empty.
/// </summary>
public sealed record Dataset
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required DatasetKind Kind { get; init; }

    public required ReportingPeriod Period { get; init; }

    /// <summary>Department id (the upload folder), e.g. <c>anyuan</c> or <c>swj</c>.</summary>
    public required string Department { get; init; }

    /// <summary>Original file name as uploaded.</summary>
    public required string SourceFile { get; init; }

    /// <summary>Path of the archived original, e.g. <c>archive/2022-12/anyuan/20230103T010203Z-ab12cd34.xlsx</c>.</summary>
    public required string ArchivePath { get; init; }

    /// <summary>SHA-256 of the original bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public IReadOnlyList<ProjectRecord> Projects { get; init; } = [];

    public IReadOnlyList<SigningRecord> Signings { get; init; } = [];

    public IReadOnlyList<MetricRecord> Metrics { get; init; } = [];

    /// <summary>
    /// The unit each money column was read in (a figure's unit is its record's sheet and field's); empty in
    /// datasets written before units were recorded, which were all read in 万元 unless a header said 亿元 or 元.
    /// </summary>
    public IReadOnlyList<ColumnUnit> Units { get; init; } = [];

    /// <summary>Warnings reported back when the submission was accepted.</summary>
    public IReadOnlyList<Finding> Warnings { get; init; } = [];
}
