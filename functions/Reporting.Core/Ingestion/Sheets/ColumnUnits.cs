using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>The unit each money column of a sheet is read in: its header's, else the sheet's note, else 万元.</summary>
internal sealed class ColumnUnits(decimal? sheetScale)
{
    private readonly decimal _sheetScale = sheetScale ?? HeaderText.WanScale;

    /// <summary>The factor to 万元 for an amount column.</summary>
    public decimal ScaleOf(ColumnBinding column) =>
        column.Header.Scale ?? (column.Spec.Key == FieldCatalog.ForeignAmount ? HeaderText.WanScale : _sheetScale);

    /// <summary>The factor to 万元 the header or the sheet states for a column; null when neither names a unit.</summary>
    public decimal? StatedScale(ColumnBinding column) => column.Header.Scale ?? sheetScale;
}
