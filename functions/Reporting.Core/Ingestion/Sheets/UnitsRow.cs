using System.Collections.Frozen;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// A units row under the header, common in statistical tables: "万元 | 亿元 | % | 个" beneath the column titles,
/// perhaps led by "单位" and with "—" under text columns. Only units, labels and dashes: any other text or a
/// number makes it something else.
/// </summary>
internal static class UnitsRow
{
    private static readonly FrozenSet<string> s_measures = FrozenSet.ToFrozenSet(
    [
        "%", "‰", "个", "项", "户", "家", "人", "人次", "万人", "万人次", "万户", "亩", "万亩", "平方米", "㎡", "万平方米", "公里", "千米", "米",
        "吨", "万吨", "辆", "台", "套", "座", "栋", "间", "张", "次", "个百分点", "百分点", "千瓦", "万千瓦", "兆瓦", "千瓦时", "万千瓦时",
        "亿千瓦时", "立方米", "万立方米", "标箱", "万标箱", "年", "月", "日", "天", "个/项", "是/否",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_neutral = FrozenSet.ToFrozenSet(
        ["单位", "单位:", "计量单位", "计量单位:", "-", "—", "——", "/", "\\"], StringComparer.Ordinal);

    /// <summary>A unit of measure that is not money: %, 个, 户, 万千瓦时….</summary>
    public static bool IsMeasure(string compact) => s_measures.Contains(compact);

    /// <summary>The row's unit per column (0-based), when the row is a units row.</summary>
    public static bool TryRead(RowView row, out Dictionary<int, string> units)
    {
        units = [];
        int width = Math.Min(row.Width, SheetScanner.MaxColumns);
        for (int c = 0; c < width; c++)
        {
            CellValue cell = row[c];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (cell.Type != CellType.Text)
            {
                return false;
            }

            string compact = ChineseText.Compact(cell.Text);
            string bare = compact.Trim('(', ')', '[', ']', '【', '】');
            if (s_neutral.Contains(bare))
            {
                continue;
            }

            if (MoneyUnit.Exactly(compact) is null && !s_measures.Contains(bare))
            {
                return false;
            }

            units[c] = ChineseText.Tidy(cell.Text);
        }

        return units.Count > 0;
    }
}
