using ExcelDataReader;
using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// Vertical merges in descriptive columns (县区 merged over a county's projects): the value of the merge's
/// first row is shown in the empty cells below it. A county, field, level or date applies to every row it
/// spans; an amount or a name does not: one figure over two projects cannot be split, and copying it
/// would count it twice.
/// </summary>
internal sealed class MergeCarry
{
    // By first row; rows come in order, so only the merges open at the current row are looked at.
    private readonly CellRange[] _merges;
    private readonly Reading.CellValue[] _values;
    private readonly List<int> _open = [];
    private int _next;

    // Vertical merges in a name or figure column: nothing is carried down, but an empty cell under one is told apart.
    private readonly CellRange[] _uncarried;

    public MergeCarry(KindMatch match, IReadOnlyList<CellRange> merges, int headerLastRow)
    {
        _merges = [.. merges.Where(m => m.ToRow > m.FromRow && m.FromRow > headerLastRow && CarriesDown(match, m.FromColumn)).OrderBy(m => m.FromRow)];
        _uncarried = [.. merges.Where(m => m.ToRow > m.FromRow && m.FromRow > headerLastRow && !CarriesDown(match, m.FromColumn))];
        _values = new Reading.CellValue[_merges.Length];
    }

    public bool Any => _merges.Length > 0;

    /// <summary>
    /// The first row (0-based) of a vertical merge whose lower part the cell is: the clerk sees there the figure or
    /// name of that row, which belongs to it alone. Null when the cell is not under a merge.
    /// </summary>
    public int? MergedFrom(int row, int column)
    {
        foreach (CellRange merge in _uncarried)
        {
            if (merge.FromRow < row && row <= merge.ToRow && merge.FromColumn <= column && column <= merge.ToColumn)
            {
                return merge.FromRow;
            }
        }

        return null;
    }

    public void Apply(RowView row)
    {
        while (_next < _merges.Length && _merges[_next].FromRow <= row.Index)
        {
            _open.Add(_next++);
        }

        _open.RemoveAll(i => _merges[i].ToRow < row.Index);
        foreach (int i in _open)
        {
            CellRange merge = _merges[i];
            if (row.Index == merge.FromRow)
            {
                _values[i] = row[merge.FromColumn];
            }
            else if (row[merge.FromColumn].IsEmpty)
            {
                row.Fill(merge.FromColumn, _values[i]);
            }
        }
    }

    /// <summary>
    /// A row that only continues the one above: its name cell is the lower part of a merged name, and every required cell
    /// it leaves empty is under a merge too (one project written over two rows, the second for more 建设内容).
    /// </summary>
    public bool Continues(RowView row, KindMatch match)
    {
        if (match[FieldCatalog.Name] is not ColumnBinding name || !row[name.Column].IsEmpty || MergedFrom(row.Index, name.Column) is null)
        {
            return false;
        }

        foreach (ColumnBinding column in match.Columns.Values)
        {
            if (column.Spec.Required && row[column.Column].IsEmpty && MergedFrom(row.Index, column.Column) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool CarriesDown(KindMatch match, int column) =>
        match.Columns.Values.FirstOrDefault(b => b.Column == column) is ColumnBinding binding
        && binding.Spec.Key != FieldCatalog.Name
        && binding.Spec.Kind is ValueKind.County or ValueKind.Field or ValueKind.Text or ValueKind.LevelList or ValueKind.LevelFlag or ValueKind.Boolean or ValueKind.Date;
}
