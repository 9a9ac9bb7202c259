using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>One row of a 招商引资签约项目表 into a <see cref="SigningRecord"/>.</summary>
internal sealed class SigningRows(SheetContext sheet, CellReader cells, TotalsTracker? totals, InFileDuplicates duplicates) : IRecordBuilder
{
    private readonly ColumnBinding? _name = sheet[FieldCatalog.Name];

    public int Records { get; private set; }

    public bool Build(RowView row, string nameText)
    {
        bool ok = true;
        if (nameText.Length == 0)
        {
            cells.NameMissing(row, _name!);
            ok = false;
        }

        string? county = cells.County(row, ref ok);
        decimal amount = cells.RequiredAmount(row, FieldCatalog.Amount, ref ok, out string? none);
        if (ok && none is not null)
        {
            // A signing counted with no amount would be counted among the signings but never among the 亿元以上 ones.
            sheet.Error(RuleIds.CellPlaceholder, row.Index, sheet[FieldCatalog.Amount]!, none,
                "不是数字：签约项目必须填写签约金额（万元），否则签约金额和亿元以上项目数无法统计。");
            ok = false;
        }

        decimal? foreign = cells.OptionalAmount(row, FieldCatalog.ForeignAmount, ref ok);
        if (_name is not null && nameText.Length > 0)
        {
            cells.WarnIfUnprintable(row.Index, _name, nameText);
        }

        var record = new SigningRecord
        {
            Name = nameText,
            County = county ?? string.Empty,
            SignedOn = cells.OptionalDate(row, FieldCatalog.SignedOn),
            Amount = amount,
            IndustryChain = cells.OptionalText(row, FieldCatalog.IndustryChain),
            SourceRegion = SourceRegions.Normalize(cells.OptionalText(row, FieldCatalog.SourceRegion)),
            Is5020 = cells.OptionalBool(row, FieldCatalog.Is5020) ?? cells.OptionalText(row, FieldCatalog.ProjectType)?.Contains("5020", StringComparison.Ordinal) ?? false,
            ForeignAmountUsd = foreign,
            Source = new SourceRef(sheet.Sheet, row.Index + 1),
        };

        if (!ok)
        {
            // Its figures are not known, so no 合计 covering it can be checked until the errors are fixed.
            totals?.AddRowInError(row.Index);
            return true;
        }

        totals?.AddRecord(row.Index, amount);
        if (duplicates.IsFirstCopy(sheet, row.Index, record))
        {
            sheet.Run.Signings.Add(record);
            Records++;
        }

        return true;
    }
}
