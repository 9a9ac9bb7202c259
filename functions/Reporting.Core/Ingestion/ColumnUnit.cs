namespace Reporting.Core.Ingestion;

/// <summary>
/// The unit one money column of a sheet was read in, stored with the dataset: every figure of a record
/// from that sheet and field was read in it (a unit written in the cell itself, "1.2亿", wins for that cell).
/// Figures are stored in 万元 (foreign amounts in 万美元) whatever the unit read.
/// </summary>
/// <param name="Sheet">The sheet, as in the records' <see cref="SourceRef.Sheet"/>.</param>
/// <param name="Field">The canonical field: annualPlan, completed, totalInvestment, amount, foreignAmountUsd, value, prior.</param>
/// <param name="Header">The column's header as written.</param>
/// <param name="Unit">The unit read: 元, 千元, 万元, 十万元, 百万元, 千万元, 亿元, 万美元, 亿美元….</param>
/// <param name="Source">Where the unit was stated: 表头, 单位行, 表注 (the sheet's "单位：万元"), or 默认 when nothing said.</param>
/// <param name="SheetNote">The unit the sheet's note states, if any.</param>
public sealed record ColumnUnit(string Sheet, string Field, string Header, string Unit, string Source, string? SheetNote)
{
    public const string FromHeader = "表头";
    public const string FromUnitsRow = "单位行";
    public const string FromNote = "表注";
    public const string ByDefault = "默认";

    /// <summary>Some rows read in the unit their own 计量单位 cell names (<see cref="Unit"/> lists those units).</summary>
    public const string FromRowUnits = "计量单位列";

    /// <summary>For the receipt: how a column read in a unit other than the sheet's was read, or null when it was read in the sheet's unit.</summary>
    public string? ReceiptLine()
    {
        if (Source == FromRowUnits)
        {
            return $"工作表“{Sheet}”的“{Header}”列有的行按该行“计量单位”所写的{Unit}读取，已折算为万元。";
        }

        string sheetUnit = SheetNote ?? (Field == "foreignAmountUsd" ? "万美元" : "万元");
        if (Unit == sheetUnit || Source is FromNote or ByDefault)
        {
            return null;
        }

        string noted = SheetNote is null ? "表上未注明单位" : $"表上注明的单位为{SheetNote}";
        string stored = Field == "foreignAmountUsd" ? "万美元" : "万元";
        string converted = Unit == stored ? string.Empty : $"，已折算为{stored}";
        return $"工作表“{Sheet}”的“{Header}”列按{Source}所写的{Unit}读取（{noted}）{converted}。";
    }
}
