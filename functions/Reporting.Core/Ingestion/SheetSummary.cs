namespace Reporting.Core.Ingestion;

/// <summary>What was found in one sheet, for the CLI and the receipt.</summary>
public sealed record SheetSummary(string Sheet, DatasetKind? Kind, int? HeaderRow, int Records, string? Note);
