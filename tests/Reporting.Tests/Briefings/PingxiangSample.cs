using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Briefings;

/// <summary>
/// An indicator report built by hand with the seed's figures for 2022-12 (380 projects at 134.8%,
/// 46 省重点 at 138.7%, 201 省大中型 at 148.4%, 185 signings …), split over the seven county-level
/// units and seven fields so that the parts add up to the whole.
/// </summary>
internal static class PingxiangSample
{
    public static readonly ReportingPeriod Period = new(2022, 12);

    public static readonly DateOnly IssueDate = new(2023, 1, 6);

    public static readonly string[] Counties = ["安源区", "湘东区", "莲花县", "上栗县", "芦溪县", "萍乡经开区", "武功山风景名胜区"];

    public static readonly string[] Fields = ["工业", "农业", "服务业", "重大基础设施", "新型基础设施", "公共服务", "生态环保"];

    /// <param name="month">The period's month; earlier months have proportionally less done.</param>
    /// <param name="pace">Scales completion further, e.g. 0.8 for a year running behind schedule.</param>
    public static IndicatorReport Report(int month = 12, IReadOnlyList<LaggingProject>? lagging = null, decimal pace = 1m)
    {
        decimal schedule = month * 100m / 12m;
        decimal scale = month / 12m * pace;
        return new IndicatorReport
        {
            Period = new ReportingPeriod(2022, month),
            SchedulePct = schedule,
            Overall = Figures(380, 6_850_000m, 9_233_800m * scale, schedule),
            ByCounty = Ranked(schedule, scale,
            [
                ("安源区", 62, 1_050_000m, 1_386_000m),
                ("湘东区", 58, 980_000m, 1_421_000m),
                ("莲花县", 41, 620_000m, 731_600m),
                ("上栗县", 55, 910_000m, 1_219_400m),
                ("芦溪县", 52, 1_120_000m, 1_612_800m),
                ("萍乡经开区", 78, 1_640_000m, 2_213_000m),
                ("武功山风景名胜区", 34, 530_000m, 650_000m),
            ]),
            ByField = Ranked(schedule, scale,
            [
                ("工业", 168, 2_900_000m, 4_234_000m),
                ("农业", 32, 360_000m, 403_200m),
                ("服务业", 58, 980_000m, 1_225_000m),
                ("重大基础设施", 44, 1_420_000m, 1_732_400m),
                ("新型基础设施", 26, 310_000m, 468_100m),
                ("公共服务", 34, 520_000m, 598_000m),
                ("生态环保", 18, 360_000m, 573_100m),
            ]),
            ByLevel =
            [
                new GroupProgress { Key = ProjectLevels.Provincial, Figures = Figures(46, 1_800_000m, 2_496_600m * scale, schedule) },
                new GroupProgress { Key = ProjectLevels.ProvincialLargeMedium, Figures = Figures(201, 4_200_000m, 6_232_800m * scale, schedule) },
            ],
            StartRatePct = 112m * 100m / 118m,
            PlannedNewStarts = 118,
            StartedNewStarts = 112,
            Lagging = lagging ?? Lagging(),
            Signings = new SigningSummary
            {
                Count = 185,
                Over100mCount = 133,
                P5020Count = 23,
                Amount = 12_650_000m,
                ByRegion =
                [
                    new RegionSignings("粤港澳大湾区", 62, 4_850_000m),
                    new RegionSignings("长三角", 48, 3_620_000m),
                    new RegionSignings("长株潭", 41, 2_180_000m),
                    new RegionSignings("其他", 34, 2_000_000m),
                ],
            },
            Metrics =
            [
                new MetricIndicator { Name = "电子信息产业工业增加值", Unit = "万元", YoyPct = 24.7m, YoyIsReported = true, SharePct = 12.2m, SharePriorPct = 8.3m, ShareChangePp = 3.9m, Department = "gxj" },
                new MetricIndicator { Name = "锂电产业营业收入", Unit = "万元", YoyPct = 307m, YoyIsReported = true, Department = "gxj" },
                new MetricIndicator { Name = "锂电产业利润", Unit = "万元", YoyPct = 195m, YoyIsReported = true, Department = "gxj" },
                new MetricIndicator { Name = "亿元以上技改项目数", Unit = "个", Value = 93m, Department = "gxj" },
                new MetricIndicator { Name = "5G基站数", Unit = "个", Value = 2295m, Department = "gxj" },
                new MetricIndicator { Name = "制造业贷款余额", Unit = "万元", Value = 1_471_800m, YoyPct = 33.56m, YoyIsReported = true, Department = "jrb" },
                new MetricIndicator { Name = "为企业减负金额", Unit = "万元", Value = 320_000m, Department = "jrb" },
                new MetricIndicator { Name = "市场主体户数", Unit = "户", YoyPct = 23.3m, YoyIsReported = true, Department = "scjgj" },
            ],
            Sources = Sources(new ReportingPeriod(2022, month)),
        };
    }

    public static IReadOnlyList<LaggingProject> Lagging() =>
    [
        Lag("萍乡北站综合交通枢纽工程", "安源区", "市交通运输局", 52.4m, "征地拆迁未完成，站前广场未开工", LagSeverity.Red),
        Lag("莲花县城乡供水一体化工程", "莲花县", "莲花县水利局", 61.8m, "管网施工受汛期影响", LagSeverity.Red),
        Lag("上栗县电子信息产业园二期", "上栗县", "上栗县工信局", 74.5m, "标准厂房招租进度慢于预期", LagSeverity.Yellow),
        Lag("芦溪县光伏组件生产线项目", "芦溪县", "芦溪县发改委", 78.9m, "设备到货延迟", LagSeverity.Yellow),
        Lag("湘东区工业陶瓷新材料产业园", "湘东区", "湘东区工信局", 83.6m, "环评批复延后", LagSeverity.Yellow),
    ];

    /// <summary><paramref name="count"/> lagging projects with distinct names, to make the list run over pages.</summary>
    public static IReadOnlyList<LaggingProject> ManyLagging(int count) =>
        Enumerable.Range(1, count)
            .Select(i => Lag(
                $"第{i}号重点建设项目（{Counties[i % Counties.Length]}）",
                Counties[i % Counties.Length],
                "市发改委",
                i <= count / 3 ? 40m + (i % 20) : 75m + (i % 10),
                i % 3 == 0 ? "资金未到位" : "前期手续办理中",
                i <= count / 3 ? LagSeverity.Red : LagSeverity.Yellow))
            .ToArray();

    public static IReadOnlyList<DepartmentSubmissionStatus> Submissions() =>
    [
        Status("anyuan", "安源区", SubmissionState.OnTime),
        Status("xiangdong", "湘东区", SubmissionState.OnTime),
        Status("lianhua", "莲花县", SubmissionState.Late, new DateTimeOffset(2023, 1, 5, 1, 30, 0, TimeSpan.Zero)),
        Status("shangli", "上栗县", SubmissionState.OnTime),
        Status("luxi", "芦溪县", SubmissionState.OnTime),
        Status("jingkai", "萍乡经开区", SubmissionState.OnTime),
        Status("wugongshan", "武功山风景名胜区", SubmissionState.OnTime),
        Status("swj", "市商务局", SubmissionState.OnTime),
        Status("gxj", "市工信局", SubmissionState.OnTime),
        Status("jrb", "市金融办", SubmissionState.Rejected, errors: 3),
        Status("scjgj", "市市场监管局", SubmissionState.Missing),
    ];

    public static ReportingOptions Options() => new()
    {
        City = "萍乡市",
        Departments =
        [
            new DepartmentOptions { Id = "anyuan", Name = "安源区" },
            new DepartmentOptions { Id = "xiangdong", Name = "湘东区" },
            new DepartmentOptions { Id = "lianhua", Name = "莲花县" },
            new DepartmentOptions { Id = "shangli", Name = "上栗县" },
            new DepartmentOptions { Id = "luxi", Name = "芦溪县" },
            new DepartmentOptions { Id = "jingkai", Name = "萍乡经开区" },
            new DepartmentOptions { Id = "wugongshan", Name = "武功山风景名胜区" },
            new DepartmentOptions { Id = "swj", Name = "市商务局" },
            new DepartmentOptions { Id = "gxj", Name = "市工信局" },
            new DepartmentOptions { Id = "jrb", Name = "市金融办" },
            new DepartmentOptions { Id = "scjgj", Name = "市市场监管局" },
        ],
    };

    public static BriefingDocument Document(IndicatorReport? report = null, int issueNumber = 12, int? laggingListLimit = null)
    {
        ReportingOptions options = Options();
        if (laggingListLimit is { } limit)
        {
            options.Briefing.LaggingListLimit = limit;
        }

        return BriefingComposer.Compose(report ?? Report(), Submissions(), options.Briefing, options, issueNumber, IssueDate);
    }

    private static ProgressFigures Figures(int count, decimal plan, decimal completed, decimal schedule)
    {
        decimal? completion = plan == 0 ? null : completed / plan * 100m;
        return new ProgressFigures
        {
            Count = count,
            AnnualPlan = plan,
            Completed = completed,
            CompletionPct = completion,
            ScheduleGapPp = completion - schedule,
        };
    }

    private static GroupProgress[] Ranked(decimal schedule, decimal scale, (string Key, int Count, decimal Plan, decimal Completed)[] rows)
    {
        ProgressFigures[] figures = rows.Select(r => Figures(r.Count, r.Plan, r.Completed * scale, schedule)).ToArray();
        return rows.Select((r, i) => new GroupProgress
        {
            Key = r.Key,
            Figures = figures[i],
            Rank = 1 + figures.Count(f => f.CompletionPct > figures[i].CompletionPct),
        }).ToArray();
    }

    private static LaggingProject Lag(string name, string county, string unit, decimal completion, string issues, LagSeverity severity) => new()
    {
        Name = name,
        County = county,
        Field = "重大基础设施",
        ResponsibleUnit = unit,
        Issues = issues,
        AnnualPlan = 100_000m,
        Completed = 1_000m * completion,
        CompletionPct = completion,
        ScheduleGapPp = completion - 100m,
        Severity = severity,
        Department = "anyuan",
    };

    private static DepartmentSubmissionStatus Status(
        string id, string name, SubmissionState state, DateTimeOffset? receivedAt = null, int errors = 0) => new()
    {
        DepartmentId = id,
        DepartmentName = name,
        State = state,
        LastReceivedAt = receivedAt ?? (state == SubmissionState.Missing ? null : new DateTimeOffset(2023, 1, 3, 2, 0, 0, TimeSpan.Zero)),
        ErrorCount = errors,
    };

    private static SourceNote[] Sources(ReportingPeriod period)
    {
        var received = new DateTimeOffset(2023, 1, 5, 1, 30, 0, TimeSpan.Zero);
        string[] projectDepartments = ["anyuan", "xiangdong", "lianhua", "shangli", "luxi", "jingkai", "wugongshan"];
        return projectDepartments.Select(d => new SourceNote(d, DatasetKind.Projects, period, d + ".xlsx", received, 50))
            .Append(new SourceNote("swj", DatasetKind.Signings, period, "签约项目.xlsx", received, 185))
            .Append(new SourceNote("gxj", DatasetKind.Metrics, period, "指标.xlsx", received, 5))
            .Append(new SourceNote("jrb", DatasetKind.Metrics, period, "指标.xls", received, 2))
            .Append(new SourceNote("scjgj", DatasetKind.Metrics, period, "指标.xlsx", received, 1))
            .ToArray();
    }
}
