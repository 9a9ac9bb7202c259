using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion;

/// <summary>The result of reading one file: accepted or not, the period, the findings and the records per kind.</summary>
public sealed record IngestionOutcome
{
    /// <summary>True when there is no error (warnings allowed) and at least one record was read.</summary>
    public required bool Accepted { get; init; }

    public ReportingPeriod? Period { get; init; }

    /// <summary>Department id given in the context or resolved from 填报单位.</summary>
    public string? DepartmentId { get; init; }

    /// <summary>填报单位 as written in the sheet, if any.</summary>
    public string? DepartmentName { get; init; }

    /// <summary>Findings, listed up to <see cref="IngestionOptions.MaxFindings"/>; the counts include all of them.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    /// <summary>More findings existed than were listed.</summary>
    public bool FindingsTruncated { get; init; }

    /// <summary>Kinds read from the workbook, in <see cref="DatasetKind"/> order.</summary>
    public IReadOnlyList<DatasetKind> Kinds { get; init; } = [];

    public IReadOnlyList<ProjectRecord> Projects { get; init; } = [];

    public IReadOnlyList<SigningRecord> Signings { get; init; } = [];

    public IReadOnlyList<MetricRecord> Metrics { get; init; } = [];

    /// <summary>What each sheet turned out to be.</summary>
    public IReadOnlyList<SheetSummary> Sheets { get; init; } = [];

    /// <summary>The unit each money column of each sheet was read in.</summary>
    public IReadOnlyList<ColumnUnit> Units { get; init; } = [];

    /// <summary>For the receipt: each column read in a unit other than its sheet's, and how.</summary>
    public IReadOnlyList<string> UnitNotes => [.. Units.Select(u => u.ReceiptLine()).OfType<string>()];

    /// <summary>Per sheet, the 累计完成投资 column, so findings raised after the read can name the cell.</summary>
    internal IReadOnlyDictionary<string, ColumnBinding> CompletedColumns { get; init; } = new Dictionary<string, ColumnBinding>();

    /// <summary>
    /// The exception behind a file.unreadable answer, kept for diagnosis (the fuzzer tells a parser refusing
    /// corrupt bytes from a bug of ours); null when the file was read.
    /// </summary>
    internal Exception? Fault { get; init; }

    public int RecordCount(DatasetKind kind) => kind switch
    {
        DatasetKind.Projects => Projects.Count,
        DatasetKind.Signings => Signings.Count,
        _ => Metrics.Count,
    };

    /// <summary>The units of the sheets read as <paramref name="kind"/>, stored with that kind's dataset.</summary>
    public IReadOnlyList<ColumnUnit> UnitsOf(DatasetKind kind) =>
        [.. Units.Where(u => Sheets.Any(s => s.Sheet == u.Sheet && s.Kind == kind))];

    /// <summary>The findings that are warnings (stored with an accepted dataset).</summary>
    public IReadOnlyList<Finding> Warnings => [.. Findings.Where(f => f.Severity == Severity.Warning)];
}
