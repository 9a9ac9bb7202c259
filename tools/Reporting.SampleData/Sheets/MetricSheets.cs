using System.Globalization;

namespace Reporting.SampleData.Sheets;

/// <summary>The three departments' 经济运行指标表, each in its own shape.</summary>
internal static class MetricSheets
{
    public static (string FileName, SheetGrid Grid, IReadOnlyList<(SampleMetric Metric, int Row)> Rows) Build(
        string department, IReadOnlyList<SampleMetric> metrics, int month = 12) =>
        department switch
        {
            "gxj" => Industry(metrics, month),
            "jrb" => Finance(metrics, month),
            "scjgj" => MarketEntities(metrics, month),
            _ => throw new ArgumentOutOfRangeException(nameof(department), department, null),
        };

    // 市工信局：增速、比重和上年比重各一列。
    private static (string, SheetGrid, IReadOnlyList<(SampleMetric, int)>) Industry(IReadOnlyList<SampleMetric> metrics, int month)
    {
        var grid = new SheetGrid("工业经济", 9);
        double[] widths = [6, 26, 8, 12, 12, 12, 14, 14, 30];
        widths.CopyTo(grid.Widths, 0);
        grid.AddLine(RowKind.Title, $"2022年{Months.Cumulative(month)}萍乡市工业经济运行主要指标");
        grid.AddSpread(RowKind.Note, (1, 3, "填报单位：市工信局"), (5, 3, "时间：2022年" + Months.Cumulative(month)));
        grid.Add(RowKind.Header, "序号", "指标名称", "单位", Months.Cumulative(month) + "累计", "上年同期", "同比增长（%）", "占规上工业比重（%）", "上年同期比重（%）", "备注");
        var rows = new List<(SampleMetric, int)>();
        int serial = 0;
        foreach (SampleMetric m in metrics)
        {
            rows.Add((m, grid.Add(RowKind.Data, ++serial, m.Name, m.Unit, m.Value, m.Prior, m.YoyReported, m.Share, m.SharePrior, m.Note)));
        }

        grid.Add(RowKind.Blank);
        grid.AddLine(RowKind.Footer, "填表人：袁超    联系电话：0799-6836021");
        return ($"2022年{Months.Cumulative(month)}工业经济运行指标.xlsx", grid, rows);
    }

    // 市金融办：余额口径。
    private static (string, SheetGrid, IReadOnlyList<(SampleMetric, int)>) Finance(IReadOnlyList<SampleMetric> metrics, int month)
    {
        var grid = new SheetGrid("贷款", 6);
        double[] widths = [24, 8, 14, 14, 14, 20];
        widths.CopyTo(grid.Widths, 0);
        grid.AddLine(RowKind.Title, $"2022年{month}月末萍乡市金融机构贷款情况");
        grid.AddSpread(RowKind.Note, (1, 2, "填报单位：市金融办"), (3, 2, $"时间：2022年{month}月"));
        grid.Add(RowKind.Header, "指标名称", "单位", "期末余额", "上年同期余额", "同比增长（%）", "备注");
        var rows = new List<(SampleMetric, int)>();
        foreach (SampleMetric m in metrics)
        {
            rows.Add((m, grid.Add(RowKind.Data, m.Name, m.Unit, m.Value, m.Prior, m.YoyReported, m.Note)));
        }

        grid.Add(RowKind.Blank);
        grid.AddLine(RowKind.Footer, "填表人：邓丽萍    联系电话：0799-6838809");
        return ($"2022年{month}月末金融数据.xlsx", grid, rows);
    }

    // 市市场监管局：户数写成带千分位的文本，不填增速。
    private static (string, SheetGrid, IReadOnlyList<(SampleMetric, int)>) MarketEntities(IReadOnlyList<SampleMetric> metrics, int month)
    {
        var grid = new SheetGrid("市场主体", 5);
        double[] widths = [24, 8, 14, 14, 16];
        widths.CopyTo(grid.Widths, 0);
        grid.AddLine(RowKind.Title, "萍乡市市场主体发展情况");
        grid.AddSpread(RowKind.Note, (1, 2, "填报单位：市市场监管局"), (3, 3, $"时间：2022年{month}月"));
        grid.Add(RowKind.Header, "指标名称", "单位", "本期数", "上年同期数", "备注");
        var rows = new List<(SampleMetric, int)>();
        foreach (SampleMetric m in metrics)
        {
            rows.Add((m, grid.Add(RowKind.Data, m.Name, m.Unit, Grouped(m.Value), m.Prior is { } p ? Grouped(p) : null, m.Note)));
        }

        grid.Add(RowKind.Blank);
        grid.AddLine(RowKind.Footer, "填表人：吴雪    联系电话：0799-6843315");
        return (month == 12 ? "2022年市场主体发展情况.xlsx" : $"2022年{month}月市场主体发展情况.xlsx", grid, rows);
    }

    private static string Grouped(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
