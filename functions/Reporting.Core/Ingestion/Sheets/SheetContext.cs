using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// What every part reading one sheet's rows shares: the file's run, the sheet's name, how its columns
/// were matched, what the sheet says once for all rows, and the unit each money column is read in.
/// </summary>
internal sealed class SheetContext(IngestionRun run, string sheet, KindMatch match, SheetDefaults defaults, ColumnUnits units)
{
    public IngestionRun Run => run;

    public string Sheet => sheet;

    public KindMatch Match => match;

    public DatasetKind Kind => match.Kind;

    public SheetDefaults Defaults => defaults;

    public ColumnUnits Units => units;

    public ColumnBinding? this[string key] => match[key];

    public void Error(string ruleId, int row, ColumnBinding column, string value, string what) =>
        run.Findings.Cell(Severity.Error, ruleId, sheet, row, column, value, what);

    public void Warn(string ruleId, int row, ColumnBinding column, string value, string what) =>
        run.Findings.Cell(Severity.Warning, ruleId, sheet, row, column, value, what);
}
