using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>One row of a 招商引资签约项目表 into a <see cref="SigningRecord"/>.</summary>
internal sealed class SigningRows(SheetContext sheet, CellReader cells, TotalsTracker? totals, InFileDuplicates duplicates) : IRecordBuilder
{
    private readonly ColumnBinding? _name = sheet[FieldCatalog.Name];

    public int Records { get; private set; }

    // What a 签约状态 column says: only a signed project is a signing; one still negotiated is not yet.
    private static readonly HashSet<string> s_signed = ["已签约", "签约", "已签", "已签订", "已签署", "正式签约", "是", "已正式签约", "签订"];
    private static readonly HashSet<string> s_notSigned = ["在谈", "洽谈", "洽谈中", "在洽谈", "拟签约", "待签约", "意向", "意向签约", "未签约", "否", "跟踪", "在谈项目", "拟签"];
    private static readonly HashSet<string> s_yuan = ["人民币", "元", "人民币元", "RMB", "CNY", "¥", "￥", "万元", "人民币万元"];

    // "5020项目" written into the 是否5020项目 column means yes; "非5020项目" means no.
    private bool? Is5020(RowView row)
    {
        if (sheet[FieldCatalog.Is5020] is not ColumnBinding column)
        {
            return null;
        }

        string text = CellReader.TextOf(row[column.Column]);
        if (ValueParser.BooleanText(text).Status == ParseStatus.Invalid && text.Contains("5020", StringComparison.Ordinal))
        {
            return LevelParser.Canonical(text) == ProjectLevels.P5020;
        }

        return cells.OptionalBool(row, FieldCatalog.Is5020);
    }

    // "5020项目", "“5020”项目签约情况": a sheet of 5020 projects only; "非5020项目" is not one.
    private static bool IsThe5020List(string sheetName) =>
        sheetName.Contains("5020", StringComparison.Ordinal) && !sheetName.Contains("非5020", StringComparison.Ordinal);

    // A signing in another currency (币种: 美元) cannot be added to yuan: no exact conversion.
    private void CheckCurrency(RowView row, ref bool ok)
    {
        if (cells.OptionalText(row, FieldCatalog.Currency) is string currency && !s_yuan.Contains(ChineseText.Compact(currency).ToUpperInvariant()))
        {
            sheet.Error(RuleIds.UnitForeignCurrency, row.Index, sheet[FieldCatalog.Currency]!, currency,
                "不是人民币：签约金额须按人民币万元填报（外币无法准确折算），请折算后填写并将币种改为人民币；外资金额可另列“外资（万美元）”列。");
            ok = false;
        }
    }

    private bool IsSigned(RowView row)
    {
        if (cells.OptionalText(row, FieldCatalog.SigningStatus) is not string status)
        {
            return true;
        }

        string compact = ChineseText.Compact(status);
        ColumnBinding column = sheet[FieldCatalog.SigningStatus]!;
        if (s_notSigned.Contains(compact))
        {
            sheet.Warn(RuleIds.SigningNotSigned, row.Index, column, status, "表示尚未签约，该项目不计入签约项目数和签约金额。签约后请在下月报表中报送。");
            return false;
        }

        if (!s_signed.Contains(compact))
        {
            sheet.Error(RuleIds.SigningNotSigned, row.Index, column, status, "无法判断是否已签约。请填写“已签约”，尚未签约的项目请删除或填写“在谈”。");
        }

        return true;
    }

    public bool Build(RowView row, string nameText)
    {
        bool ok = true;
        if (nameText.Length == 0)
        {
            cells.NameMissing(row, _name!);
            ok = false;
        }

        string? county = cells.County(row, ref ok);
        cells.ReadRowUnit(row, ref ok);
        decimal amount = cells.RequiredAmount(row, FieldCatalog.Amount, ref ok, out string? none);
        if (ok && none is not null)
        {
            // A signing counted with no amount would be counted among the signings but never among the 亿元以上 ones.
            sheet.Error(RuleIds.CellPlaceholder, row.Index, sheet[FieldCatalog.Amount]!, none,
                "不是数字：签约项目必须填写签约金额（万元），否则签约金额和亿元以上项目数无法统计。");
            ok = false;
        }

        decimal? foreign = cells.OptionalAmount(row, FieldCatalog.ForeignAmount, ref ok);

        // Only a signing of the period is counted: with a 签约时间 column, a row without a date cannot be placed (an intention not
        // yet signed, or last year's). A sheet without the column is the period's by its title.
        DateOnly? signedOn = cells.RequiredDate(row, FieldCatalog.SignedOn,
            "签约项目须填写签约时间，否则无法确定是否在本期签约、能否计入签约项目数和签约金额。尚未签约的项目请删除该行。", ref ok);
        if (_name is not null && nameText.Length > 0)
        {
            cells.WarnIfUnprintable(row.Index, _name, nameText);
        }

        // A 是否5020项目 column, else a 项目类型 naming 5020, else a sheet that is the 5020 list ("5020项目") says it.
        bool? is5020 = Is5020(row)
            ?? (cells.OptionalText(row, FieldCatalog.ProjectType) is string type && LevelParser.Canonical(type) == ProjectLevels.P5020 ? true : (bool?)null)
            ?? (IsThe5020List(sheet.Sheet) ? true : (bool?)null);
        var record = new SigningRecord
        {
            Name = nameText,
            County = county ?? string.Empty,
            SignedOn = signedOn,
            Amount = amount,
            IndustryChain = cells.OptionalText(row, FieldCatalog.IndustryChain),
            SourceRegion = SourceRegions.Normalize(cells.OptionalText(row, FieldCatalog.SourceRegion)),
            Is5020 = is5020 ?? false,
            ForeignAmountUsd = foreign,
            Source = new SourceRef(sheet.Sheet, row.Index + 1),
        };

        CheckCurrency(row, ref ok);
        if (WithdrawnRows.Refuse(sheet, cells, row))
        {
            ok = false;
        }

        if (ok && !IsSigned(row))
        {
            return true;
        }

        if (!ok)
        {
            // Its figures are not known, so no 合计 covering it can be checked until the errors are fixed.
            totals?.AddRowInError(row.Index);
            return true;
        }

        totals?.AddRecord(row.Index, amount);
        if (duplicates.IsFirstCopy(sheet, row.Index, record, is5020 is not null))
        {
            sheet.Run.Signings.Add(record);
            Records++;
        }

        return true;
    }
}
