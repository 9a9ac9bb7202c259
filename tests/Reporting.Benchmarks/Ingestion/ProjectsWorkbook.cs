using System.Globalization;
using ClosedXML.Excel;

namespace Reporting.Benchmarks.Ingestion;

/// <summary>
/// A 重大项目调度表 of any length laid out like the bundled 安源区 sample: a title row, notes
/// (填报单位, 时间, 单位), a two-row merged header (2022年度 / 计划投资, 1-12月 / 累计完成投资), a 栏次
/// row, 合计 on top, mixed cells (numbers, "1,234.5" as text, "134.8%", 是/否, dates, long text)
/// and a footer. Written once with ClosedXML and cached on disk: BenchmarkDotNet runs every case in
/// its own process, and writing 100,000 rows with ClosedXML takes longer than reading them.
/// </summary>
internal static class ProjectsWorkbook
{
    public const string FileName = "安源区2022年12月重大项目调度表.xlsx";

    public const string Department = "anyuan";

    /// <summary>Bump when the layout changes so cached files are rewritten.</summary>
    private const int LayoutVersion = 2;

    private const int HeaderRow = 5;

    private static readonly string[] s_counties = ["安源区", "湘东区", "莲花县", "上栗县", "芦溪县", "萍乡经开区", "武功山风景名胜区"];

    // How clerks write the same units: the reader must map these through its alias lists.
    private static readonly string[] s_countyAliases = ["安源", "湘东区", "莲花县", "上栗", "芦溪县", "经开区", "武功山"];

    private static readonly string[] s_fields = ["工业", "农业", "服务业", "重大基础设施", "新型基础设施", "公共服务", "生态环保"];

    private static readonly string[] s_subjects =
    [
        "锂电池正极材料", "电子电路产业园", "智能装备制造基地", "城乡供水一体化", "冷链物流园", "5G基站建设",
        "工业陶瓷新材料", "污水处理厂提标改造", "人民医院门诊综合楼", "高标准农田建设", "绕城高速连接线", "数据中心",
    ];

    private static readonly string[] s_issues = ["征地拆迁未完成", "资金未到位", "环评批复延后", "设备到货延迟", "前期手续办理中"];

    private static readonly (string Header, string? Group, double Width)[] s_columns =
    [
        ("序号", null, 6), ("项目名称", null, 36), ("项目代码", null, 26), ("所属县区", null, 10), ("所属领域", null, 12),
        ("项目级别", null, 16), ("建设单位", null, 30), ("建设性质", null, 8), ("总投资", null, 12), ("计划投资", "2022年度", 12),
        ("累计完成投资", "1-12月", 14), ("完成率", null, 8), ("是否开工", null, 8), ("实际开工时间", null, 12),
        ("形象进度", null, 26), ("存在问题", null, 28), ("责任单位", null, 18),
    ];

    /// <summary>Path of the workbook with <paramref name="rows"/> projects, written on first use.</summary>
    public static string Ensure(int rows)
    {
        string directory = Path.Combine(Path.GetTempPath(), "reporting-benchmarks");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"projects-{rows}-v{LayoutVersion}.xlsx");
        if (!File.Exists(path))
        {
            string temporary = Path.Combine(directory, $"writing-{Environment.ProcessId}-{rows}.xlsx");
            Write(rows, temporary);
            File.Move(temporary, path, overwrite: true);
        }

        return path;
    }

    public static void Write(int rows, string path)
    {
        var random = new Random(20221231 + rows);
        using var workbook = new XLWorkbook();
        IXLWorksheet sheet = workbook.AddWorksheet("重大项目");
        int width = s_columns.Length;
        for (int c = 0; c < width; c++)
        {
            sheet.Column(c + 1).Width = s_columns[c].Width;
        }

        sheet.Cell(1, 1).Value = "安源区2022年重大项目调度表";
        sheet.Range(1, 1, 1, width).Merge();
        sheet.Cell(2, 1).Value = "填报单位：安源区发改委（盖章）";
        sheet.Range(2, 1, 2, 4).Merge();
        sheet.Cell(2, 8).Value = "时间：2022年1-12月";
        sheet.Cell(2, 14).Value = "单位：万元";
        WriteHeader(sheet);
        for (int c = 0; c < width; c++)
        {
            sheet.Cell(HeaderRow + 2, c + 1).Value = c + 1; // 栏次
        }

        int totalRow = HeaderRow + 3;
        sheet.Cell(totalRow, 2).Value = "合计";
        decimal sumTotal = 0m;
        decimal sumPlan = 0m;
        decimal sumCompleted = 0m;
        int first = totalRow + 1;
        for (int i = 0; i < rows; i++)
        {
            (decimal total, decimal plan, decimal completed) = WriteProject(sheet, first + i, i, random);
            sumTotal += total;
            sumPlan += plan;
            sumCompleted += completed;
        }

        sheet.Cell(totalRow, 9).Value = sumTotal;
        sheet.Cell(totalRow, 10).Value = sumPlan;
        sheet.Cell(totalRow, 11).Value = sumCompleted;
        int footer = first + rows + 1;
        sheet.Cell(footer, 1).Value = "填表人：刘敏        审核人：彭志刚        联系电话：0799-6832156        填报日期：2023年1月5日";
        if (rows > 0)
        {
            int last = first + rows - 1;
            sheet.Range(totalRow, 9, last, 10).Style.NumberFormat.Format = "0";
            sheet.Range(totalRow, 11, last, 11).Style.NumberFormat.Format = "0.0";
            sheet.Range(first, 14, last, 14).Style.NumberFormat.Format = "yyyy-mm-dd";
        }

        workbook.SaveAs(path);
    }

    private static void WriteHeader(IXLWorksheet sheet)
    {
        for (int c = 0; c < s_columns.Length; c++)
        {
            (string header, string? group, _) = s_columns[c];
            if (group is null)
            {
                sheet.Cell(HeaderRow, c + 1).Value = header;
                sheet.Range(HeaderRow, c + 1, HeaderRow + 1, c + 1).Merge();
            }
            else
            {
                sheet.Cell(HeaderRow, c + 1).Value = group;
                sheet.Cell(HeaderRow + 1, c + 1).Value = header;
            }
        }
    }

    private static (decimal Total, decimal Plan, decimal Completed) WriteProject(IXLWorksheet sheet, int row, int index, Random random)
    {
        int county = random.Next(s_counties.Length);
        string field = s_fields[random.Next(s_fields.Length)];
        decimal plan = 100m * random.Next(5, 500);
        decimal total = plan * random.Next(2, 8);
        bool started = random.Next(10) > 0;

        // 0–180% of the plan, one decimal: some lag, none trips the 200% warning.
        decimal completed = started ? Math.Round(plan * random.Next(0, 1800) / 1000m, 1) : 0m;

        // A completion above nothing but under 1万元 beside plans of thousands is what ingestion asks about as a unit slip
        // (0.6 typed for 0.6亿元): a generated one would make the workbook a rejection, not the path measured.
        completed = completed is > 0m and < 1m ? 0m : completed;
        string levels = (random.Next(8), random.Next(3)) switch
        {
            (0, 0) => "省重点、省大中型",
            (0, _) => "省重点",
            (1 or 2, _) => "省大中型",
            (3, _) => "市重点",
            (4, 0) => "5020",
            _ => string.Empty,
        };

        sheet.Cell(row, 1).Value = index + 1;
        sheet.Cell(row, 2).Value = $"{s_counties[county]}{s_subjects[index % s_subjects.Length]}项目（{(index + 1).ToString(CultureInfo.InvariantCulture)}）";
        sheet.Cell(row, 3).Value = "2201-360302-04-01-" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);
        sheet.Cell(row, 4).Value = s_countyAliases[county];
        sheet.Cell(row, 5).Value = field;
        sheet.Cell(row, 6).Value = levels;
        sheet.Cell(row, 7).Value = $"萍乡市{s_subjects[random.Next(s_subjects.Length)]}建设有限公司";
        sheet.Cell(row, 8).Value = random.Next(3) == 0 ? "新建" : "续建";
        sheet.Cell(row, 9).Value = total;
        sheet.Cell(row, 10).Value = plan;

        // One row in twenty carries the amount as text with a thousands separator, as clerks paste it.
        if (index % 20 == 7)
        {
            sheet.Cell(row, 11).SetValue(completed.ToString("#,##0.0", CultureInfo.InvariantCulture));
        }
        else
        {
            sheet.Cell(row, 11).Value = completed;
        }

        sheet.Cell(row, 12).SetValue((plan == 0m ? 0m : Math.Round(completed * 100m / plan, 1)).ToString("0.0", CultureInfo.InvariantCulture) + "%");
        sheet.Cell(row, 13).Value = started ? "是" : "否";
        if (started)
        {
            sheet.Cell(row, 14).Value = new DateTime(2021 + random.Next(2), 1 + random.Next(12), 1 + random.Next(28));
        }

        sheet.Cell(row, 15).Value = started ? $"主体工程完成{random.Next(10, 100).ToString(CultureInfo.InvariantCulture)}%" : "前期手续办理中";
        if (random.Next(4) == 0)
        {
            sheet.Cell(row, 16).Value = s_issues[random.Next(s_issues.Length)];
        }

        sheet.Cell(row, 17).Value = s_counties[county] + "发改委";
        return (total, plan, completed);
    }
}
