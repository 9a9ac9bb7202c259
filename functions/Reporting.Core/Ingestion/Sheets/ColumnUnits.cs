using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// The unit each money column of a sheet is read in: the one its header names, else the one a units row
/// under the header names, else the sheet's note ("单位：万元"), else 万元. A yuan unit converts exactly to
/// 万元; a foreign currency has no exact conversion, so such a column is refused (a required figure) or left
/// out with a warning (an optional one). The 外资 column is in 万美元, and a note in yuan is not about it.
/// </summary>
internal sealed class ColumnUnits
{
    private readonly KindMatch _match;
    private readonly MoneyUnit? _note;
    private readonly Dictionary<int, Resolved> _columns = [];
    private readonly List<(ColumnBinding Column, string Problem)> _ambiguous = [];
    private int _unitsRow = -1;
    private bool _footnoteSaid;
    private bool _footnoteSeen;

    public ColumnUnits(KindMatch match, MoneyUnit? note)
    {
        _match = match;
        _note = note;
        foreach (ColumnBinding column in MoneyColumns(match))
        {
            _columns[column.Column] = Resolve(column, fromRow: null);
        }
    }

    /// <summary>The factor to 万元 (万美元 for 外资) of an amount column; null when the column cannot be read in it.</summary>
    public decimal? PerWan(ColumnBinding column) => ReadIn(column)?.PerWan;

    /// <summary>The unit an amount column is read in; null when the column cannot be read in it (a foreign currency).</summary>
    public MoneyUnit? ReadIn(ColumnBinding column) =>
        _columns.TryGetValue(column.Column, out Resolved resolved) ? (resolved.Readable ? resolved.Unit : null) : MoneyUnit.Wan;

    /// <summary>The unit a header, a units row or the note states for a column, or null when none does (a metric's value then stays as written).</summary>
    public MoneyUnit? Stated(ColumnBinding column) =>
        _columns.TryGetValue(column.Column, out Resolved resolved) && resolved.Source != ColumnUnit.ByDefault ? resolved.Unit : null;

    // Cells whose text names their own unit ("12.3亿元", "3500万"): (row, column), 0-based.
    private readonly HashSet<(int Row, int Column)> _unitWritten = [];

    /// <summary>A cell named its own unit ("12.3亿元"): it was read in that unit, and the unit-slip check leaves it alone.</summary>
    public void UnitWrittenIn(int row, int column) => _unitWritten.Add((row, column));

    // Per column, the units rows' own 计量单位 cells named where they differ from the column's, in the order first met.
    private readonly Dictionary<int, List<string>> _rowUnits = [];

    /// <summary>A cell read in the unit its row's 计量单位 cell names rather than its column's: for the receipt, and no slip.</summary>
    public void ReadInRowUnit(int row, int column, MoneyUnit unit)
    {
        UnitWrittenIn(row, column);
        List<string> units = _rowUnits.TryGetValue(column, out List<string>? known) ? known : _rowUnits[column] = [];
        if (!units.Contains(unit.Name))
        {
            units.Add(unit.Name);
        }
    }

    /// <summary>The unit the column's own header or the units row under it names (not the sheet's note), or null.</summary>
    public MoneyUnit? Written(ColumnBinding column) =>
        _columns.TryGetValue(column.Column, out Resolved resolved) && resolved.Source is ColumnUnit.FromHeader or ColumnUnit.FromUnitsRow ? resolved.Unit : null;

    /// <summary>
    /// A units row under the header ("万元 | 亿元 | % | 个"): its unit for each money column, unless the header names
    /// one already (a second, different unit for one column is a question for the clerk).
    /// </summary>
    public void ApplyUnitsRow(int row, IReadOnlyDictionary<int, string> units)
    {
        _unitsRow = row;
        foreach (ColumnBinding column in MoneyColumns(_match))
        {
            if (!units.TryGetValue(column.Column, out string? written))
            {
                continue;
            }

            if (MoneyUnit.Exactly(ChineseText.Compact(written)) is not MoneyUnit unit)
            {
                _ambiguous.Add((column, $"下方单位行写的是“{written}”，不是金额单位"));
                continue;
            }

            if (column.Header.Unit.Unit is MoneyUnit header && header != unit)
            {
                _ambiguous.Add((column, $"表头写的是{header.Name}，下方单位行写的是{unit.Name}"));
                continue;
            }

            _columns[column.Column] = Resolve(column, unit);
        }
    }

    /// <summary>Raises the findings about units once the lead rows are read: two units for one column, a foreign currency in a yuan column.</summary>
    public void Check(SheetContext sheet)
    {
        int headerRow = sheet.Defaults.HeaderRow - 1;
        foreach (ColumnBinding column in MoneyColumns(_match))
        {
            if (column.Header.Unit.Ambiguous)
            {
                _ambiguous.Add((column, $"表头同时写有{column.Header.Unit.Unit!.Value.Name}和{column.Header.Unit.Other!.Value.Name}"));
            }
        }

        foreach ((ColumnBinding column, string problem) in _ambiguous)
        {
            _columns[column.Column] = _columns[column.Column] with { Readable = false };
            sheet.Error(RuleIds.UnitAmbiguous, _unitsRow >= 0 && problem.Contains("单位行", StringComparison.Ordinal) ? _unitsRow : headerRow, column, string.Empty,
                $"的单位无法确定：{problem}。请只写一个金额单位（如“万元”）后重新上传。");
        }

        foreach (ColumnBinding column in MoneyColumns(_match))
        {
            // A metric keeps a foreign unit as written ("实际利用外资 | 亿美元"); an investment or a signing cannot.
            Resolved resolved = _columns[column.Column];
            if (column.Spec.Kind != ValueKind.Amount || !resolved.Readable || IsForeignColumn(column) == !resolved.Unit.IsYuan)
            {
                continue;
            }

            _columns[column.Column] = resolved with { Readable = false };
            int row = resolved.Source == ColumnUnit.FromUnitsRow ? _unitsRow : headerRow;
            if (IsForeignColumn(column))
            {
                sheet.Warn(RuleIds.UnitForeignCurrency, row, column, string.Empty,
                    $"按{resolved.Source}的单位为{resolved.Unit.Name}，不是美元，无法准确折算为万美元，本列未读取。外资请以万美元填报。");
            }
            else if (column.Spec.Required)
            {
                sheet.Error(RuleIds.UnitForeignCurrency, row, column, string.Empty,
                    $"按{resolved.Source}的单位为{resolved.Unit.Name}，是外币，无法准确折算为人民币万元（汇率口径未定）。请按人民币万元填报{column.Spec.Label}；外资金额可另列“外资（万美元）”列。");
            }
            else
            {
                sheet.Warn(RuleIds.UnitForeignCurrency, row, column, string.Empty,
                    $"按{resolved.Source}的单位为{resolved.Unit.Name}，是外币，无法准确折算为人民币万元，本列未计入。如需统计，请按人民币万元填报。");
            }
        }
    }

    /// <summary>
    /// A unit stated only below the table ("注：表中金额单位为亿元"): the rows above were read in the note's unit or
    /// 万元 by then, so a different unit there refuses the sheet with the question, once.
    /// </summary>
    public void CheckFootnote(SheetContext sheet, MoneyUnit footnote, int row, int column, string text)
    {
        _footnoteSeen = true;
        string[] misread = [.. MoneyColumns(_match)
            .Where(c => c.Spec.Kind == ValueKind.Amount && !IsForeignColumn(c) && _columns[c.Column] is { Source: ColumnUnit.FromNote or ColumnUnit.ByDefault } resolved && resolved.Unit != footnote)
            .Select(c => "“" + FindingSink.HeaderLabel(c) + "”")];
        if (misread.Length == 0 || _footnoteSaid)
        {
            return;
        }

        _footnoteSaid = true;
        string read = _note is MoneyUnit note ? $"表上方注明的{note.Name}" : "万元（表上方未注明单位）";
        sheet.Run.Findings.Sheet(
            sheet.Sheet,
            RuleIds.UnitAmbiguous,
            $"工作表“{sheet.Sheet}”{CellRef.ToA1(row, column)}单元格“{FindingSink.Shorten(text)}”说金额单位为{footnote.Name}，但{string.Join("、", misread)}列已按{read}读取。"
            + $"请在表头上方注明“单位：{footnote.Name}”（或在列名中写明单位）后重新上传。");
    }

    /// <summary>
    /// Below these, in 万元, no figure is believable for most of a table: a 重大项目 the city schedules monthly does not
    /// plan under 100 万元 (1,000,000 yuan) a year, and a 招商引资 signing the office counts is not under 100 万元 either.
    /// Rows under them are what a table kept in 亿元 looks like (2.5 for 2.5亿元; 19.3 for a 19.3亿元 signing), and so is
    /// a 亿元 city list of big projects (12, 18, 40: with a floor of 10 each passed, and was read 10,000× too small).
    /// </summary>
    public const decimal ProjectPlanImplausibleBelow = 100m;

    /// <inheritdoc cref="ProjectPlanImplausibleBelow"/>
    public const decimal SigningImplausibleBelow = 100m;

    /// <summary>
    /// Above these, in 万元, a figure says the table is in 万元 after all: read in 亿元 it would be a plan of 1,000亿元 or a
    /// signing of 1万亿元, which no city project has. A 亿元 table's largest project (a 30亿元 plan, a 200亿元 signing) stays under.
    /// </summary>
    public const decimal ProjectPlanPlausibleFrom = 1_000m;

    /// <inheritdoc cref="ProjectPlanPlausibleFrom"/>
    public const decimal SigningPlausibleFrom = 10_000m;

    /// <summary>
    /// From this, in 万元 (1,000亿元), no city project plans a year's investment and no signing is counted: a table where
    /// most figures are this large is one kept in 元 (a 5,000万元 plan typed as 50,000,000) read 10,000× too large.
    /// </summary>
    public const decimal ImplausibleFrom = 10_000_000m;

    /// <summary>
    /// When nothing on the sheet states the unit of its key money column (the annual plan, the signing amount) — no header,
    /// no units row, no note above or below — and most of its non-zero figures (more than half) are under the kind's floor
    /// in 万元 while none (and, for projects, no 累计完成投资 either) reaches what only 万元 can explain, the 万元 the template
    /// assumes cannot be right: the sheet is refused with the question, once, at the header. A 亿元 county list reads
    /// 0.5, 2, 3.5, 12, 25 and a 亿元 city list 12, 18, 40, 150: most are under the floor. Half or fewer small rows
    /// among large ones are small projects, not a unit; one row alone counts too. The other way, most figures at
    /// <see cref="ImplausibleFrom"/> or more are a table in 元, refused with the same question.
    /// </summary>
    public void CheckPlausible(SheetContext sheet)
    {
        if (!CheckTableScale(sheet))
        {
            CheckStrayRows(sheet);
        }
    }

    /// <summary>
    /// How far apart, as a factor, one figure and its table's typical figure must be to be a unit slip rather than a small or
    /// a large project: 亿元 typed in a 万元 table is 10,000× too small, 元 10,000× too large; 500× leaves a factor of 20 for
    /// the real spread around the typical figure (12 typed for 12亿元 among signings of about 1亿元 is 833× off; a real
    /// 30万元 signing among 1.2亿元 ones, 400×, is read as written).
    /// </summary>
    public const decimal StrayFactor = 500m;

    // One cell typed in another unit than its column (0.5 for 0.5亿元 in a 万元 table, 9999 万元 in a 亿元 one, 100000000 元 in
    // a 万元 one) passes every table-wide check and enters the totals 10,000× off. Refused at the cell, with the question, when
    // it is under the kind's floor and StrayFactor× below the table's typical figure (the median of its non-zero key figures, at
    // least three), or StrayFactor× above it and over the ceiling, or, alone, at ImplausibleFrom (1,000亿元) or more.
    private void CheckStrayRows(SheetContext sheet)
    {
        (string[] keys, decimal floor, decimal ceiling) = sheet.Kind switch
        {
            DatasetKind.Projects => ((string[])[FieldCatalog.AnnualPlan, FieldCatalog.Completed], ProjectPlanImplausibleBelow, ProjectPlanPlausibleFrom),
            DatasetKind.Signings => ([FieldCatalog.Amount], SigningImplausibleBelow, SigningPlausibleFrom),
            _ => ([], 0m, 0m),
        };
        if (keys.Length == 0 || sheet[keys[0]] is not ColumnBinding keyColumn)
        {
            return;
        }

        List<(SourceRef Source, decimal[] Figures)> rows = sheet.Kind == DatasetKind.Projects
            ? [.. sheet.Run.Projects.Where(p => p.Source.Sheet == sheet.Sheet).Select(p => (p.Source, (decimal[])[p.AnnualPlan, p.Completed]))]
            : [.. sheet.Run.Signings.Where(s => s.Source.Sheet == sheet.Sheet).Select(s => (s.Source, (decimal[])[s.Amount]))];
        decimal[] sorted = [.. rows.Select(r => Math.Abs(r.Figures[0])).Where(f => f != 0m).Order()];
        decimal? typical = sorted.Length >= 3 ? sorted[sorted.Length / 2] : null;
        string items = sheet.Kind == DatasetKind.Projects ? "项目" : "签约项目";
        foreach ((SourceRef source, decimal[] figures) in rows)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                decimal figure = Math.Abs(figures[i]);
                if (figure == 0m || sheet[keys[i]] is not ColumnBinding column || !_columns.TryGetValue(column.Column, out Resolved unit) || !unit.Readable
                    || _unitWritten.Contains((source.Row - 1, column.Column)))
                {
                    continue;
                }

                // A completion may be small (a project barely begun): only one under 1万元 is asked about. Against a table whose
                // typical figure is itself under the floor (a 亿元 table read in 万元) nothing is compared: the table-wide check asks.
                decimal smallLimit = i == 0 ? floor : 1m;
                bool tooSmall = typical is decimal low && low >= floor && figure < smallLimit && figure * StrayFactor <= low;
                bool tooLarge = figure >= ImplausibleFrom || (typical is decimal high && high >= floor && figure >= ceiling && figure >= high * StrayFactor);
                if (!tooSmall && !tooLarge)
                {
                    continue;
                }

                string written = FindingSink.Format(figures[i] / unit.Unit.PerWan);
                string read = unit.Unit == MoneyUnit.Wan ? "万元，" : $"{unit.Unit.Name}，即{FindingSink.Format(figures[i])}万元，";
                bool againstTable = typical is decimal t && (tooSmall || figure >= t * StrayFactor);
                string compared = againstTable
                    ? $"而本表{items}的{FindingSink.HeaderLabel(keyColumn)}一般为{FindingSink.Format(typical!.Value)}万元，相差{FindingSink.Format(StrayFactor)}倍以上"
                    : $"即{FindingSink.Format(figure / 10_000m)}亿元，超过1000亿元，没有这么大的项目";
                string guess = tooSmall ? "像是按亿元填写的" : unit.Unit == MoneyUnit.Wan ? "像是按元填写的" : "像是按万元或元填写的";
                string how = unit.Source == ColumnUnit.ByDefault ? "本列未注明单位，按万元读取" : $"本列按{unit.Source}的单位{unit.Unit.Name}读取";
                sheet.Error(RuleIds.UnitImplausible, source.Row - 1, column, written,
                    $"{read}{compared}，{guess}。{how}，请按{unit.Unit.Name}填写这一格后重新上传。");
            }
        }
    }

    // A table-wide unit that cannot be right (see CheckPlausible); true when the sheet was refused for it.
    private bool CheckTableScale(SheetContext sheet)
    {
        (string key, string items, decimal floor, decimal ceiling, IEnumerable<decimal> figures) = sheet.Kind switch
        {
            DatasetKind.Projects => (FieldCatalog.AnnualPlan, "项目", ProjectPlanImplausibleBelow, ProjectPlanPlausibleFrom,
                sheet.Run.Projects.Where(p => p.Source.Sheet == sheet.Sheet).SelectMany(p => (decimal[])[p.AnnualPlan, p.Completed])),
            DatasetKind.Signings => (FieldCatalog.Amount, "签约项目", SigningImplausibleBelow, SigningPlausibleFrom,
                sheet.Run.Signings.Where(s => s.Source.Sheet == sheet.Sheet).Select(s => s.Amount)),
            _ => (string.Empty, string.Empty, 0m, 0m, []),
        };
        if (_footnoteSeen || key.Length == 0 || sheet[key] is not ColumnBinding column
            || !_columns.TryGetValue(column.Column, out Resolved resolved) || resolved.Source != ColumnUnit.ByDefault || !resolved.Readable)
        {
            return false;
        }

        decimal[] keyFigures = [.. (sheet.Kind == DatasetKind.Projects
            ? sheet.Run.Projects.Where(p => p.Source.Sheet == sheet.Sheet).Select(p => p.AnnualPlan)
            : sheet.Run.Signings.Where(s => s.Source.Sheet == sheet.Sheet).Select(s => s.Amount)).Where(f => f != 0m)];
        string label = FindingSink.HeaderLabel(column);
        int huge = keyFigures.Count(f => Math.Abs(f) >= ImplausibleFrom);
        if (huge * 2 > keyFigures.Length)
        {
            string over = keyFigures.Length == 1
                ? $"本表唯一的{items}{label}为{FindingSink.Format(keyFigures[0])}"
                : $"本表{keyFigures.Length}个{items}中有{huge}个的{label}超过{FindingSink.Format(ImplausibleFrom)}";
            sheet.Error(RuleIds.UnitImplausible, sheet.Defaults.HeaderRow - 1, column, string.Empty,
                $"未注明单位（表头、单位行和表注都没有写），按万元读取，但{over}，即1000亿元以上，按万元不合常理，可能是按元填写的。"
                + $"请在表头写明单位，如“{label}（元）”或“{label}（万元）”，然后重新上传。");
            return true;
        }

        if (figures.Any(f => Math.Abs(f) >= ceiling))
        {
            return false;
        }

        int small = keyFigures.Count(f => Math.Abs(f) < floor);
        if (keyFigures.Length == 0 || small * 2 <= keyFigures.Length)
        {
            return false;
        }

        string found = keyFigures.Length == 1
            ? $"本表唯一的{items}{label}只有{FindingSink.Format(keyFigures[0])}"
            : small == keyFigures.Length
                ? $"本表全部{keyFigures.Length}个{items}的{label}都不到{FindingSink.Format(floor)}万元（最大为{FindingSink.Format(keyFigures.Max())}）"
                : $"本表{keyFigures.Length}个{items}中有{small}个的{label}不到{FindingSink.Format(floor)}万元，最大的也只有{FindingSink.Format(keyFigures.Max())}";
        sheet.Error(RuleIds.UnitImplausible, sheet.Defaults.HeaderRow - 1, column, string.Empty,
            $"未注明单位（表头、单位行和表注都没有写），按万元读取，但{found}，按万元不合常理，可能是按亿元填写的。"
            + $"请在表头写明单位，如“{label}（亿元）”或“{label}（万元）”，然后重新上传。");
        return true;
    }

    /// <summary>Every money column with the unit it was read in, for the dataset and the receipt.</summary>
    public IEnumerable<ColumnUnit> Describe(string sheet)
    {
        foreach (ColumnBinding column in MoneyColumns(_match))
        {
            Resolved resolved = _columns[column.Column];
            string header = FindingSink.HeaderLabel(column);
            yield return _rowUnits.TryGetValue(column.Column, out List<string>? rowUnits)
                ? new ColumnUnit(sheet, column.Spec.Key, header, string.Join("、", rowUnits), ColumnUnit.FromRowUnits, _note?.Name)
                : new ColumnUnit(sheet, column.Spec.Key, header, resolved.Unit.Name, resolved.Source, _note?.Name);
        }
    }

    // Amounts of projects and signings, and a metric's value and last year's (the unit column, per row, wins there).
    private static IEnumerable<ColumnBinding> MoneyColumns(KindMatch match) =>
        match.Columns.Values
            .Where(b => b.Spec.Kind == ValueKind.Amount || b.Spec.Key is FieldCatalog.Value or FieldCatalog.Prior or FieldCatalog.YoyChange)
            .OrderBy(b => b.Column);

    private static bool IsForeignColumn(ColumnBinding column) => column.Spec.Key == FieldCatalog.ForeignAmount;

    private Resolved Resolve(ColumnBinding column, MoneyUnit? fromRow)
    {
        if (column.Header.Unit.Unit is MoneyUnit header)
        {
            return new Resolved(header, ColumnUnit.FromHeader, Readable: true);
        }

        if (fromRow is MoneyUnit row)
        {
            return new Resolved(row, ColumnUnit.FromUnitsRow, Readable: true);
        }

        // "单位：亿元" is about yuan: the 外资 column stays in 万美元 unless the note itself is in dollars.
        if (_note is MoneyUnit note && (!IsForeignColumn(column) || note.Currency == MoneyUnit.Dollar))
        {
            return new Resolved(note, ColumnUnit.FromNote, Readable: true);
        }

        return new Resolved(IsForeignColumn(column) ? MoneyUnit.WanDollars : MoneyUnit.Wan, ColumnUnit.ByDefault, Readable: true);
    }

    private readonly record struct Resolved(MoneyUnit Unit, string Source, bool Readable);
}
