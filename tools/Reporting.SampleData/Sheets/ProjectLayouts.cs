using System.Globalization;
using Reporting.Core.Ingestion;
using static Reporting.SampleData.Sheets.Captures;

namespace Reporting.SampleData.Sheets;

/// <summary>
/// Seven counties, seven ways of filling in the same 调度表: sheet or column units (万元, 亿元),
/// one- or two-row headers, 栏次 rows, 合计 on top or at the bottom, 小计 by field, levels as a
/// list, as 是/否 or √ columns or as a ☆ before the name, dates as dates or as "2022.3", and a CSV.
/// </summary>
internal static class ProjectLayouts
{
    private static readonly IReadOnlyList<string> s_allLevels = ProjectLevels.All;

    /// <summary>December's layouts (the seed's month).</summary>
    public static IReadOnlyList<ProjectLayout> All { get; } = For(12);

    /// <summary>Each county's layout for <paramref name="month"/> of 2022: the same sheet, its title, notes and headers naming the month.</summary>
    public static IReadOnlyList<ProjectLayout> For(int month) =>
    [
        Anyuan(month), Xiangdong(month), Lianhua(month), Shangli(month), Luxi(month), Jingkai(month), Wugongshan(month),
    ];

    public static ProjectLayout For(string department, int month = 12) => For(month).Single(l => l.Department == department);

    private static string Period(int month) => "时间：2022年" + Months.Cumulative(month);

    // 两行表头（2022年度 / 1-12月）、栏次、合计在上、项目级别以“、”分隔。
    private static ProjectLayout Anyuan(int m) => new()
    {
        Department = "anyuan",
        FileName = $"安源区2022年{m}月重大项目调度表.xlsx",
        SheetName = "重大项目",
        Title = "安源区2022年重大项目调度表",
        Notes = [[(1, 4, "填报单位：安源区发改委（盖章）"), (8, 3, Period(m)), (14, 3, "单位：万元")]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("项目名称", p => p.Name, 36),
            new("项目代码", p => p.Code, 26, Captures: Code),
            new("所属县区", p => p.County.County, 10),
            new("所属领域", p => p.Field, 12),
            new("项目级别", p => LevelText(p, "、", string.Empty), 16, Captures: Levels),
            new("建设单位", p => p.Owner, 30, Captures: Owner),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("总投资", p => p.TotalInvestment, 12, Amount: true, Sum: true, Captures: TotalInvestment, Format: "0"),
            new("计划投资", p => p.AnnualPlan, 12, "2022年度", Amount: true, Sum: true, Format: "0"),
            new("累计完成投资", p => p.Completed, 14, Months.Cumulative(m), Amount: true, Sum: true, Format: "0"),
            new("完成率", p => Rate(p) + "%", 8),
            new("是否开工", p => YesNo(p.Started), 8, Captures: Started),
            new("实际开工时间", p => Date(p.ActualStart), 12, Captures: ActualStart, Format: "yyyy-mm-dd"),
            new("形象进度", p => p.ProgressNote, 26, Captures: ProgressNote),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
        ],
        ColumnNumbers = true,
        Total = TotalPlacement.Top,
        Footer = ["填表人：刘敏        审核人：彭志刚        联系电话：0799-6832156        填报日期：" + Months.FilingDate(m, 5)],
        Levels = s_allLevels,
    };

    // 单行表头、表头带年份和单位、按领域小计、合计在下、是否省重点等用“是/否”。
    private static ProjectLayout Xiangdong(int m) => new()
    {
        Department = "xiangdong",
        FileName = $"湘东区重大项目推进情况表（2022年{Months.Cumulative(m)}）.xlsx",
        SheetName = "Sheet1",
        Title = $"湘东区2022年{Months.Cumulative(m)}重大项目推进情况表",
        Notes = [[(1, 5, "填报单位：湘东区发展和改革委员会"), (12, 4, Period(m))]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("县区", p => p.County.County, 8),
            new("项目名称", p => p.Name, 36),
            new("领域", p => p.Field, 12),
            new("是否省重点", p => YesNo(p.Provincial), 8, Captures: Levels),
            new("是否省大中型", p => YesNo(p.LargeMedium), 8),
            new("是否市重点", p => YesNo(p.Municipal), 8),
            new("是否5020项目", p => YesNo(p.P5020), 8),
            new("计划总投资（万元）", p => p.TotalInvestment, 12, Amount: true, Sum: true, Captures: TotalInvestment),
            new("2022年计划投资（万元）", p => p.AnnualPlan, 12, Amount: true, Sum: true),
            new($"2022年{Months.Cumulative(m)}完成投资（万元）", p => p.Completed, 14, Amount: true, Sum: true),
            new("完成率", p => Rate(p) + "%", 8),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("计划开工时间", p => Date(p.PlannedStart), 12, Captures: PlannedStart, Format: "yyyy\"年\"m\"月\""),
            new("是否开工", p => YesNo(p.Started), 8, Captures: Started),
            new("项目业主", p => p.Owner, 30, Captures: Owner),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
        ],
        FieldSubtotals = true,
        Footer = ["填表人：李娟    联系电话：0799-6721043", "审核人：周建华"],
        Levels = s_allLevels,
    };

    // 单位：亿元（整张表）、☆标省重点、√标省大中型和市重点、日期写成“2022.3”。
    private static ProjectLayout Lianhua(int m) => new()
    {
        Department = "lianhua",
        FileName = $"莲花县2022年{Months.Cumulative(m)}重大项目进展情况.xlsx",
        SheetName = "进展情况",
        Title = "莲花县2022年重大项目进展情况表",
        Notes = [[(1, 4, "填报单位：莲花县发改委"), (13, 2, "单位：亿元")], [(1, 4, Period(m))]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("项目名称", p => (p.Provincial ? "☆" : string.Empty) + p.Name, 36, Captures: Levels),
            new("县区", p => p.County.County, 8),
            new("项目类别", p => p.Field, 12),
            new("是否省大中型", p => Tick(p.LargeMedium), 8),
            new("是否市重点", p => Tick(p.Municipal), 8),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("总投资", p => p.TotalInvestment, 10, Amount: true, Sum: true, Captures: TotalInvestment, Format: "0.00"),
            new("年计划投资", p => p.AnnualPlan, 10, "本年度", Amount: true, Sum: true, Format: "0.00"),
            new(Months.Cumulative(m) + "完成投资", p => p.Completed, 12, "本年度", Amount: true, Sum: true, Format: "0.00"),
            new("计划开工时间", p => DotMonth(p.PlannedStart), 10, Captures: PlannedStart),
            new("实际开工时间", p => DotMonth(p.ActualStart), 10, Captures: ActualStart),
            new("业主单位", p => p.Owner, 30, Captures: Owner),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
            new("形象进度", p => p.ProgressNote, 26, Captures: ProgressNote),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
        ],
        AmountDivisor = 10_000m,
        Total = TotalPlacement.Top,
        Footer = ["填表人：贺小平    联系电话：13907990000"],
        Levels = [ProjectLevels.Provincial, ProjectLevels.ProvincialLargeMedium, ProjectLevels.Municipal],
    };

    // 续建、新建分组（中间空一行）、栏次行、另有“填报说明”工作表、5020用√。
    private static ProjectLayout Shangli(int m) => new()
    {
        Department = "shangli",
        FileName = $"上栗县2022年{m}月份重大项目调度表.xlsx",
        SheetName = "调度表",
        Title = $"上栗县2022年{m}月份重大项目调度表",
        Notes = [[(1, 4, "填报单位：上栗县发展和改革委员会"), (7, 3, Period(m)), (12, 2, "单位：万元")]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("项目名称", p => p.Name, 36),
            new("项目代码", p => p.Code, 26, Captures: Code),
            new("县区", p => p.County.County, 8),
            new("所属领域", p => p.Field, 12),
            new("项目级别", p => LevelText(p, "、", string.Empty, withP5020: false), 16, Captures: Levels),
            new("是否5020项目", p => Tick(p.P5020), 8),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("总投资", p => p.TotalInvestment, 12, Amount: true, Sum: true, Captures: TotalInvestment),
            new("年度计划投资", p => p.AnnualPlan, 12, Amount: true, Sum: true),
            new("自年初累计完成投资", p => p.Completed, 14, Amount: true, Sum: true),
            new("是否开工", p => YesNo(p.Started), 8, Captures: Started),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
        ],
        ColumnNumbers = true,
        NatureGroups = true,
        Footer = ["填表人：钟丽    审核人：黄志强    联系电话：0799-7122318"],
        Levels = s_allLevels,
        ExtraSheet = Instructions(),
    };

    // 单位写在列标题里（亿元）、项目级别写“省重点项目、省大中型项目”、实际开工时间为日期、是否竣工投产。
    private static ProjectLayout Luxi(int m) => new()
    {
        Department = "luxi",
        FileName = $"芦溪县重大项目调度表2022.{m}.xlsx",
        SheetName = "芦溪县",
        Title = "芦溪县重大项目调度表",
        Notes = [[(1, 15, $"（2022年{Months.Cumulative(m)}）")], [(1, 4, "填报单位：芦溪县发改委")]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("项目名称", p => p.Name, 36),
            new("责任县区", p => p.County.County, 8),
            new("领域", p => p.Field, 12),
            new("项目级别", p => LevelText(p, "、", "项目"), 22, Captures: Levels),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("总投资（亿元）", p => p.TotalInvestment, 10, Amount: true, Sum: true, Captures: TotalInvestment, Format: "0.00"),
            new("2022年计划投资（亿元）", p => p.AnnualPlan, 12, Amount: true, Sum: true, Format: "0.00"),
            new(Months.Cumulative(m) + "累计完成投资（亿元）", p => p.Completed, 12, Amount: true, Sum: true, Format: "0.00"),
            new("完成率", p => Rate(p), 8),
            new("实际开工时间", p => Date(p.ActualStart), 12, Captures: ActualStart, Format: "yyyy-mm-dd"),
            new("是否竣工投产", p => YesNo(p.CompletedFlag), 8, Captures: CompletedFlag),
            new("形象进度", p => p.ProgressNote, 26, Captures: ProgressNote),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
        ],
        AmountDivisor = 10_000m,
        Footer = ["填表人：文静    联系电话：0799-7561207"],
        Levels = s_allLevels,
    };

    // 两行表头 + 栏次、隐藏列、合计在上、县区写简称“经开区”、级别用√列。
    private static ProjectLayout Jingkai(int m) => new()
    {
        Department = "jingkai",
        FileName = $"萍乡经开区2022年{Months.Cumulative(m)}重大项目调度表.xlsx",
        SheetName = "调度表",
        Title = $"萍乡经开区2022年{Months.Cumulative(m)}重大项目调度表",
        Notes = [[(1, 5, "填报单位：萍乡经济技术开发区经济发展局"), (9, 3, Period(m)), (16, 2, "单位：万元")]],
        Columns =
        [
            new("序号", _ => null, 6),
            new("内部编号", p => "JK" + p.Serial.ToString("D3", CultureInfo.InvariantCulture), 8, Hidden: true),
            new("项目名称", p => p.Name, 36),
            new("项目编码", p => p.Code, 26, Captures: Code),
            new("所属县区", _ => "经开区", 8),
            new("所属领域", p => p.Field, 12),
            new("是否省重点", p => Tick(p.Provincial), 7, Captures: Levels),
            new("是否省大中型", p => Tick(p.LargeMedium), 7),
            new("是否市重点", p => Tick(p.Municipal), 7),
            new("是否5020项目", p => Tick(p.P5020), 7),
            new("总投资", p => p.TotalInvestment, 12, Amount: true, Sum: true, Captures: TotalInvestment),
            new("计划投资", p => p.AnnualPlan, 12, "2022年", Amount: true, Sum: true),
            new(Months.Cumulative(m) + "完成投资", p => p.Completed, 14, "2022年", Amount: true, Sum: true),
            new("完成率(%)", p => Rate(p), 8),
            new("建设性质", p => p.Nature, 8, Captures: Nature),
            new("计划开工时间", p => Date(p.PlannedStart), 12, Captures: PlannedStart, Format: "yyyy-mm-dd"),
            new("是否开工", p => YesNo(p.Started), 8, Captures: Started),
            new("建设单位", p => p.Owner, 30, Captures: Owner),
            new("责任单位", p => p.ResponsibleUnit, 18, Captures: ResponsibleUnit),
            new("存在问题", p => p.Issues, 28, Captures: Issues),
        ],
        ColumnNumbers = true,
        Total = TotalPlacement.Top,
        Footer = ["填报人：胡晓东    联系电话：0799-6686520", "注：完成率=" + Months.Cumulative(m) + "完成投资/2022年计划投资。"],
        Levels = s_allLevels,
    };

    // 另存为 CSV（GB18030）、县区写“武功山”、项目级别单列文字。
    private static ProjectLayout Wugongshan(int m) => new()
    {
        Department = "wugongshan",
        FileName = $"武功山风景名胜区2022年{Months.Cumulative(m)}重大项目.csv",
        SheetName = $"武功山风景名胜区2022年{Months.Cumulative(m)}重大项目",
        Title = "武功山风景名胜区2022年重大项目调度表",
        Notes = [[(1, 1, "填报单位：武功山风景名胜区管委会"), (5, 1, Period(m)), (8, 1, "单位：万元")]],
        Columns =
        [
            new("序号", _ => null),
            new("项目名称", p => p.Name),
            new("县区", _ => "武功山"),
            new("领域", p => p.Field),
            new("项目级别", p => LevelText(p, "、", string.Empty, withP5020: false), Captures: Levels),
            new("建设性质", p => p.Nature, Captures: Nature),
            new("年度计划投资", p => p.AnnualPlan, Amount: true, Sum: true),
            new("累计完成投资", p => p.Completed, Amount: true, Sum: true),
            new("是否开工", p => YesNo(p.Started), Captures: Started),
            new("责任单位", p => p.ResponsibleUnit, Captures: ResponsibleUnit),
            new("存在问题", p => p.Issues, Captures: Issues),
        ],
        Footer = ["填表人：谢芳    联系电话：0799-6780316"],
        Csv = true,
        Levels = [ProjectLevels.Provincial, ProjectLevels.ProvincialLargeMedium, ProjectLevels.Municipal],
    };

    private static SheetGrid Instructions()
    {
        var grid = new SheetGrid("填报说明", 1);
        grid.Widths[0] = 90;
        grid.Add(RowKind.Title, "填报说明");
        grid.Add(RowKind.Note, "1. 本表每月5日前报县发改委，金额单位为万元。");
        grid.Add(RowKind.Note, "2. 累计完成投资为自年初至本月底累计数。");
        grid.Add(RowKind.Note, "3. 项目级别填写：省重点、省大中型、市重点，可多选，用顿号分隔。");
        return grid;
    }

    private static string? LevelText(SampleProject p, string separator, string suffix, bool withP5020 = true)
    {
        var levels = new List<string>();
        if (p.Provincial)
        {
            levels.Add("省重点" + suffix);
        }

        if (p.LargeMedium)
        {
            levels.Add("省大中型" + suffix);
        }

        if (p.Municipal)
        {
            levels.Add("市重点" + suffix);
        }

        if (withP5020 && p.P5020)
        {
            levels.Add("5020" + suffix);
        }

        return levels.Count == 0 ? null : string.Join(separator, levels);
    }

    private static string YesNo(bool value) => value ? "是" : "否";

    private static string? Tick(bool value) => value ? "√" : null;

    private static DateTime? Date(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static string? DotMonth(DateOnly? date) => date is { } d ? $"{d.Year}.{d.Month}" : null;

    // The clerk's own 完成率 column (a formula result in their sheet), one decimal.
    private static string Rate(SampleProject p) =>
        Reporting.Core.Numbers.Display.Number(p.AnnualPlan == 0 ? 0 : p.Completed / p.AnnualPlan * 100m, 1);
}
