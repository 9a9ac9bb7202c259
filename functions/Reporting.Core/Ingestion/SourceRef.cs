namespace Reporting.Core.Ingestion;

/// <summary>Where a record came from, so every figure can be traced back to a cell.</summary>
public sealed record SourceRef(string Sheet, int Row);
