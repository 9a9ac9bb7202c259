namespace Reporting.SampleData.Sheets;

/// <summary>市商务局's 招商引资签约项目汇总表: amounts in 亿元 (two decimals), foreign investment in 万美元.</summary>
internal static class SigningSheet
{
    public const string FileName = "2022年全市招商引资签约项目汇总表.xlsx";
    public const string SheetName = "签约项目";

    /// <summary>December's file is the year's 汇总表; an earlier month's names its span.</summary>
    public static string FileNameFor(int month) => month == 12 ? FileName : $"2022年{Months.Cumulative(month)}全市招商引资签约项目汇总表.xlsx";

    public static (SheetGrid Grid, IReadOnlyList<(SampleSigning Signing, int Row)> Rows) Build(IReadOnlyList<SampleSigning> signings, int month = 12)
    {
        var grid = new SheetGrid(SheetName, 11);
        double[] widths = [6, 40, 12, 12, 36, 14, 12, 12, 12, 10, 16];
        widths.CopyTo(grid.Widths, 0);
        grid.Formats[3] = "yyyy\"年\"m\"月\"d\"日\"";
        grid.Formats[8] = "0.00";

        grid.AddLine(RowKind.Title, "2022年萍乡市招商引资签约项目汇总表");
        grid.AddSpread(RowKind.Note, (1, 3, "填报单位：市商务局"), (5, 2, "时间：2022年" + Months.Cumulative(month)), (9, 3, "单位：亿元、万美元"));
        grid.Add(RowKind.Header, "序号", "项目名称", "签约时间", "所属县区", "投资方", "来源地", "产业链", "签约金额（亿元）", "其中：外资（万美元）", "是否“5020”项目", "备注");
        grid.FreezeBelow = grid.RowCount;

        var rows = new List<(SampleSigning, int)>();
        foreach (SampleSigning signing in signings)
        {
            int row = grid.Add(
                RowKind.Data,
                signing.Serial,
                signing.Name,
                signing.SignedOn.ToDateTime(TimeOnly.MinValue),
                signing.County,
                signing.Investor,
                signing.Region,
                signing.Chain,
                signing.Amount / 10_000m,
                signing.ForeignUsd,
                signing.Is5020 ? "是" : "否",
                signing.SignedOn.Day is 18 or 16 or 23 or 25 && signing.SignedOn.Month is 3 or 6 or 9 or 11 ? "集中签约活动" : null);
            rows.Add((signing, row));
        }

        grid.Add(
            RowKind.Total, null, "合计", null, null, null, null, null,
            signings.Sum(s => s.Amount / 10_000m),
            signings.Sum(s => s.ForeignUsd ?? 0m),
            null, null);
        grid.Add(RowKind.Blank);
        grid.AddLine(RowKind.Footer, "填表人：曾文    联系电话：0799-6835517    填报日期：" + Months.FilingDate(month, 6));
        return (grid, rows);
    }
}
