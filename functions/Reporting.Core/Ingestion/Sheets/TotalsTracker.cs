using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// 合计 and 小计 rows are not records; their figures are checked against the rows they cover:
/// a 合计 covers the whole sheet; a 小计 covers its section, which is the rows after it when
/// the sheet puts subtotals first, else the rows since the previous subtotal.
/// </summary>
internal sealed class TotalsTracker
{
    private readonly ColumnBinding[] _columns;

    // For each totals column, which of the record's candidate amounts (see For) it takes.
    private readonly int[] _slots;

    // Values inline rather than an array per row: every record row lands here and stays until the sheet ends.
    private readonly List<(int Row, TotalsValues Values)> _records = [];
    private readonly List<(int Row, bool Grand, TotalsValues Values)> _totals = [];
    private readonly List<int> _rowsInError = [];

    // The last 合计, 小计 or section row: a row of figures only may total the rows since it.
    private int _lastBoundary = int.MinValue;

    private TotalsTracker(ColumnBinding[] columns, int[] slots)
    {
        _columns = columns;
        _slots = slots;
    }

    public IReadOnlyList<ColumnBinding> Columns => _columns;

    /// <summary>
    /// The tracker for a sheet's totalled columns: a projects sheet's 年度计划, 累计完成 and 总投资 (in that
    /// order, the ones present), a signings sheet's 签约金额; null when there is nothing to total.
    /// </summary>
    public static TotalsTracker? For(KindMatch match)
    {
        ColumnBinding?[] candidates = match.Kind switch
        {
            DatasetKind.Projects => [match[FieldCatalog.AnnualPlan], match[FieldCatalog.Completed], match[FieldCatalog.TotalInvestment]],
            DatasetKind.Signings => [match[FieldCatalog.Amount]],
            _ => [],
        };
        int[] slots = [.. Enumerable.Range(0, candidates.Length).Where(i => candidates[i] is not null)];
        return slots.Length == 0 ? null : new TotalsTracker([.. slots.Select(i => candidates[i]!)], slots);
    }

    /// <summary>A record's amounts, given in the candidate order of <see cref="For"/>.</summary>
    public void AddRecord(int row, decimal? first, decimal? second = null, decimal? third = null)
    {
        ReadOnlySpan<decimal?> candidates = [first, second, third];
        ReadOnlySpan<int> slots = _slots;
        _records.Add((row, new TotalsValues(
            slots.Length > 0 ? candidates[slots[0]] : null,
            slots.Length > 1 ? candidates[slots[1]] : null,
            slots.Length > 2 ? candidates[slots[2]] : null)));
    }

    public void AddTotal(int row, bool grand, TotalsValues values)
    {
        _totals.Add((row, grand, values));
        _lastBoundary = row;
    }

    /// <summary>A section row ("一、工业项目"): the rows after it are a new part of the sheet.</summary>
    public void AddBoundary(int row) => _lastBoundary = row;

    /// <summary>
    /// Whether a row of figures only (no name, 县区 or 领域) states the sum of the records above it: every stated
    /// figure equals, exactly or once both are rounded to 2 decimals as Excel's cached values may be, the sum of
    /// the records since the previous 合计/小计/section row, or of all records above it, or (for
    /// <paramref name="minimum"/>, a signings "亿元以上项目" line) of the records above it of at least that amount.
    /// At least one figure must be stated and not 0, and at least one record must be covered.
    /// </summary>
    public bool Covers(int row, TotalsValues values, decimal? minimum)
    {
        bool any = false;
        for (int k = 0; k < _columns.Length; k++)
        {
            any |= values[k] is decimal v && v != 0m;
        }

        if (!any || _rowsInError.Exists(r => r < row))
        {
            return false;
        }

        return CoversFrom(row, values, _lastBoundary, null) || CoversFrom(row, values, int.MinValue, null)
            || (minimum is decimal least && CoversFrom(row, values, int.MinValue, least));
    }

    private bool CoversFrom(int row, TotalsValues values, int after, decimal? minimum)
    {
        int count = 0;
        for (int k = 0; k < _columns.Length; k++)
        {
            decimal sum = 0m;
            count = 0;
            foreach ((int recordRow, TotalsValues recordValues) in _records)
            {
                if (recordRow > after && recordRow < row && (minimum is null || recordValues[0] >= minimum))
                {
                    sum += recordValues[k] ?? 0m;
                    count++;
                }
            }

            if (values[k] is decimal stated && stated != sum && Math.Round(stated, 2, MidpointRounding.AwayFromZero) != Math.Round(sum, 2, MidpointRounding.AwayFromZero))
            {
                return false;
            }
        }

        return count > 0;
    }

    /// <summary>A record row rejected for errors: a total covering it is not compared (the clerk fixes the errors first).</summary>
    public void AddRowInError(int row) => _rowsInError.Add(row);

    /// <summary>The figures a 合计, 小计 or section row states, in the order of <see cref="Columns"/>.</summary>
    public TotalsValues Read(RowView row, CellReader reader)
    {
        Span<decimal?> values = [null, null, null];
        for (int k = 0; k < _columns.Length; k++)
        {
            values[k] = reader.TotalAmount(row, _columns[k]);
        }

        return new TotalsValues(values[0], values[1], values[2]);
    }

    public void Check(FindingSink sink, string sheet, decimal tolerancePct)
    {
        if (_totals.Count == 0 || _records.Count == 0)
        {
            return;
        }

        int firstRecord = _records[0].Row;
        int firstSub = _totals.Where(t => !t.Grand).Select(t => t.Row).DefaultIfEmpty(int.MaxValue).Min();
        bool subtotalsFirst = firstSub < firstRecord;
        int[] subRows = [.. _totals.Where(t => !t.Grand).Select(t => t.Row).Order()];

        foreach ((int row, bool grand, TotalsValues values) in _totals)
        {
            (int from, int to) = grand ? (int.MinValue, int.MaxValue) : Section(row, subRows, subtotalsFirst);
            if (_rowsInError.Exists(r => r > from && r < to))
            {
                // A mismatch here would only repeat the errors already reported on those rows.
                continue;
            }

            for (int k = 0; k < _columns.Length; k++)
            {
                if (values[k] is not decimal stated)
                {
                    continue;
                }

                decimal sum = 0m;
                int count = 0;
                foreach ((int recordRow, TotalsValues recordValues) in _records)
                {
                    if (recordRow > from && recordRow < to)
                    {
                        sum += recordValues[k] ?? 0m;
                        count++;
                    }
                }

                if (count == 0)
                {
                    continue;
                }

                decimal difference = Math.Abs(stated - sum);
                // Multiplied, not divided: a sum of 1E-20 must not overflow the ratio.
                bool mismatch = sum == 0m ? difference > 0m : difference * 100m > tolerancePct * Math.Abs(sum);
                if (!mismatch)
                {
                    continue;
                }

                string pct = FindingSink.Percent(difference, Math.Abs(sum), 2);
                string label = grand ? "合计" : "小计";
                sink.Cell(
                    Severity.Warning,
                    RuleIds.TotalMismatch,
                    sheet,
                    row,
                    _columns[k],
                    FindingSink.Format(stated),
                    $"为{label}，但所含{count}行之和为{FindingSink.Format(sum)}，相差{FindingSink.Format(difference)}（{pct}），超过{FindingSink.Format(tolerancePct)}%，请核实{label}或各行数据。");
            }
        }
    }

    private static (int From, int To) Section(int row, int[] subRows, bool subtotalsFirst)
    {
        int index = Array.IndexOf(subRows, row);
        if (subtotalsFirst)
        {
            int next = index + 1 < subRows.Length ? subRows[index + 1] : int.MaxValue;
            return (row, next);
        }

        int previous = index > 0 ? subRows[index - 1] : int.MinValue;
        return (previous, row);
    }
}

/// <summary>Up to three amounts of one row, in the order of <see cref="TotalsTracker.Columns"/> (there are at most three).</summary>
internal readonly struct TotalsValues(decimal? first, decimal? second, decimal? third)
{
    public bool HasAny => first is not null || second is not null || third is not null;

    public decimal? this[int column] => column switch
    {
        0 => first,
        1 => second,
        2 => third,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
