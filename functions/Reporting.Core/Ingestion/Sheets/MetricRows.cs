using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>One row of a 经济运行指标表 into a <see cref="MetricRecord"/>.</summary>
internal sealed class MetricRows(SheetContext sheet, CellReader cells) : IRecordBuilder
{
    private readonly ColumnBinding? _name = sheet[FieldCatalog.Name];

    public int Records { get; private set; }

    public bool Build(RowView row, string nameText)
    {
        bool ok = true;
        string name = MetricName(nameText);
        if (name.Length == 0)
        {
            cells.NameMissing(row, _name!);
            ok = false;
        }

        // The unit column (per row) wins over the unit the header, a units row or the note states for the column.
        // Yuan amounts convert to 万元; anything else (个, 户, %, 亿美元) is kept as written, and so is a unit
        // column's "元" (a per-capita figure, not an amount to add up).
        string? unitText = cells.OptionalText(row, FieldCatalog.Unit);
        ColumnBinding valueColumn = sheet[FieldCatalog.Value]!;
        MoneyUnit? money = unitText is null ? sheet.Units.Stated(valueColumn)
            : ChineseText.Compact(unitText) is "元" ? null
            : MoneyUnit.Exactly(ChineseText.Compact(unitText));
        string? unit = money is MoneyUnit named ? (named.IsYuan ? MoneyUnit.Wan.Name : unitText ?? named.Name) : unitText;
        decimal? value = cells.MetricNumber(row, valueColumn, Factor(money), required: true, ref ok);
        decimal? prior = null;
        if (sheet[FieldCatalog.Prior] is ColumnBinding priorColumn)
        {
            MoneyUnit? priorMoney = unitText is null ? sheet.Units.Stated(priorColumn) ?? money : money;
            prior = cells.MetricNumber(row, priorColumn, Factor(priorMoney), required: false, ref ok);
        }

        if (_name is not null && name.Length > 0)
        {
            cells.WarnIfUnprintable(row.Index, _name, name);
        }

        var record = new MetricRecord
        {
            Name = name,
            Unit = unit,
            Value = value,
            Prior = prior,
            YoyReported = cells.OptionalPercent(row, FieldCatalog.Yoy, ref ok),
            Share = cells.OptionalPercent(row, FieldCatalog.Share, ref ok),
            SharePrior = cells.OptionalPercent(row, FieldCatalog.SharePrior, ref ok),
            Note = cells.OptionalText(row, FieldCatalog.Note),
            Source = new SourceRef(sheet.Sheet, row.Index + 1),
        };

        if (ok)
        {
            sheet.Run.Metrics.Add(record);
            Records++;
        }

        return true;
    }

    private static decimal Factor(MoneyUnit? unit) => unit is MoneyUnit { IsYuan: true } yuan ? yuan.PerWan : 1m;

    // "其中：锂电产业" is an indicator of its own; "一、地区生产总值" and "（二）制造业贷款" are numbered in the list, not named so.
    private static string MetricName(string nameText)
    {
        string name = nameText;
        foreach (string prefix in (ReadOnlySpan<string>)["其中：", "其中:", "其中"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..].Trim();
                break;
            }
        }

        string compact = ChineseText.Compact(name);
        if (RowClassifier.SectionNumbering(compact, out _) is int numbering && numbering < compact.Length)
        {
            name = ChineseText.Tidy(compact[numbering..]);
        }

        return name;
    }
}
