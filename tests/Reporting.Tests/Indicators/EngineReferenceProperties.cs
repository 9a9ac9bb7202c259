using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The engine against <see cref="ReferenceIndicators"/> on random submissions full of what the fast paths
/// must get right: the same project in several submissions (by code, by name variant, with and without
/// codes), zero and negative plans, absurd ratios, completions exactly on the yellow and red boundaries and
/// a hair either side of them, every month's 序时进度, other thresholds, ties everywhere in the lagging order.
/// Every figure must be the same decimal, scale included.
/// </summary>
[Properties(MaxTest = 400)]
public sealed class EngineReferenceProperties
{
    private static readonly string?[] s_names =
    [
        "甲项目", "甲 项目", "☆甲项目", "（甲）项目", "【甲】项目", "甲項目", "ABC产业园", "abc产业园", "ＡＢＣ产业园", "乙项目", "丙",
        "", "  ", "e\u0301项目", "é项目", null,
    ];

    private static readonly string?[] s_codes = [null, null, null, null, "", " ", "A-1", " a-1", "Ａ-1", "A-2", "B 7", "b7", "ß-1", "SS-1"];
    private static readonly string[] s_counties = ["安源区", "湘东区", "未列县"];
    private static readonly string[] s_fields = ["工业", "农业", "新领域"];
    private static readonly string[] s_levels = [.. ProjectLevels.All, "县重点", ProjectLevels.Provincial];
    private static readonly string[] s_departments = ["anyuan", "xiangdong", "fgw", "gxj", "luxi"];

    private static readonly decimal[] s_plans =
    [
        0m, 0m, -5m, 100m, 100.00m, 300m, 7m, 0.0001m, 12345.6789m, 3.3333333333333333333333333333m,
        100_000_000_000_000_000_000m, 0.000_000_000_000_000_000_000_1m,
    ];

    private static readonly decimal[] s_completions =
    [
        0m, 10m, 50m, 95m, 100m, 100.0m, 250m, -20m, 1m, 0.5m, 1_000_000_000_000_000_000_000_000m, -1_000_000_000_000_000_000_000_000m,
    ];

    // Nudges around a boundary: exactly on it, and the smallest steps decimal can show either side.
    private static readonly decimal[] s_nudges = [0m, 0m, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 1e-20m, -1e-20m, 0.01m, -0.01m];

    public sealed record Sample(ReportingPeriod Period, IndicatorOptions Options, IReadOnlyList<Dataset> Datasets)
    {
        public override string ToString() =>
            $"{Period}, yellow {Options.YellowGapPp}, red {Options.RedGapPp}, counties [{string.Join(",", Options.CountyOrder)}]\n"
            + string.Join("\n", Datasets.Select(d => $"{d.Department} {d.Period} {d.ReceivedAt:HH:mm} {d.Sha256[..4]}: "
                + string.Join("; ", d.Projects.Select(p => $"{p.Name}/{p.Code}/{p.County}/{p.AnnualPlan}/{p.Completed}"))));
    }

    [Property]
    public Property Every_project_figure_is_the_reference_figure() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            static string Department(string id) => "部门" + id;
            string expected = ReferenceIndicators.Describe(ReferenceIndicators.Compute(c.Period, c.Datasets, c.Options, Department));
            string actual = ReferenceIndicators.Describe(IndicatorEngine.Compute(c.Period, c.Datasets, c.Options, Department));
            return (actual == expected).Label($"expected:\n{expected}\nactual:\n{actual}");
        });

    [Fact]
    public void A_few_thousand_projects_with_a_fifth_reported_twice_give_the_reference_figures()
    {
        var random = new Random(8);
        var datasets = new List<Dataset>();
        for (int d = 0; d < 5; d++)
        {
            var rows = new List<ProjectRecord>();
            for (int i = 0; i < 600; i++)
            {
                // A fifth of the rows are projects of the previous department, found again by code or by name.
                int id = random.Next(5) == 0 ? ((d + 4) % 5 * 600) + random.Next(600) : (d * 600) + i;
                bool coded = id % 3 != 0;
                decimal plan = random.Next(10) == 0 ? 0m : 10m * random.Next(1, 500);
                rows.Add(Project(
                    (id % 2 == 0 ? "☆" : string.Empty) + "项目" + id.ToString(CultureInfo.InvariantCulture),
                    plan,
                    random.Next(4) == 0 ? plan * 0.9m : Math.Round(plan * random.Next(0, 1500) / 1000m, 2),
                    county: s_counties[id % 2],
                    field: IndicatorDefaults.Fields[id % 7],
                    code: coded ? "2201-" + id.ToString("D6", CultureInfo.InvariantCulture) : null,
                    levels: id % 5 == 0 ? [ProjectLevels.Provincial] : []) with { Nature = id % 4 == 0 ? "新建" : "续建", Started = id % 3 == 0 });
            }

            datasets.Add(Projects("dept" + d.ToString(CultureInfo.InvariantCulture), T0.AddMinutes(d), [.. rows]));
        }

        var options = new IndicatorOptions();
        IndicatorReport report = IndicatorEngine.Compute(December, datasets, options);

        Assert.Equal(ReferenceIndicators.Describe(ReferenceIndicators.Compute(December, datasets, options)), ReferenceIndicators.Describe(report));
        Assert.NotEmpty(report.Warnings);
        Assert.NotEmpty(report.Lagging);
    }

    private static Gen<Sample> Cases() =>
        from month in Gen.Choose(1, 12)
        from yellow in Gen.Elements(-10m, -10.0m, -5m, 0m, -12.5m, -0.0001m)
        from red in Gen.Elements(-30m, -30.00m, -50m, -10m, -10.00001m, 0m)
        from counties in Gen.Elements<List<string>>([], ["湘东区", "安源区"])
        let period = new ReportingPeriod(2022, month)
        let options = new IndicatorOptions { YellowGapPp = yellow, RedGapPp = Math.Min(red, yellow), CountyOrder = counties }
        from submissions in Gen.Choose(0, 6)
        from datasets in Gen.ArrayOf(Submission(period, options), submissions)
        select new Sample(period, options, [.. datasets.Select((d, i) => d with { Sha256 = i.ToString("x64", CultureInfo.InvariantCulture) })]);

    private static Gen<Dataset> Submission(ReportingPeriod period, IndicatorOptions options) =>
        from department in Gen.Elements(s_departments)
        from minute in Gen.Choose(0, 2)
        from otherPeriod in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Choose(0, 12)
        from rows in Gen.ArrayOf(Row(period, options), count)
        select Dataset(DatasetKind.Projects, department, T0.AddMinutes(minute), otherPeriod ? period.Previous : period) with
        {
            Projects = [.. rows.Select((r, i) => r with { Source = new SourceRef("表" + department, i + 5) })],
        };

    private static Gen<ProjectRecord> Row(ReportingPeriod period, IndicatorOptions options)
    {
        decimal schedule = Percentages.Schedule(period);
        return
            from name in Gen.Elements(s_names)
            from code in Gen.Elements(s_codes)
            from county in Gen.Elements(s_counties)
            from field in Gen.Elements(s_fields)
            from plan in Gen.Elements(s_plans)
            from how in Gen.Choose(0, 9)
            from plain in Gen.Elements(s_completions)
            from nudge in Gen.Elements(s_nudges)
            from levels in Gen.Frequency((9, Gen.SubListOf(s_levels).Select(l => (IReadOnlyList<string>?)[.. l])), (1, Gen.Constant<IReadOnlyList<string>?>(null)))
            from nature in Gen.Elements(null, "新建", " 新建 ", "续建", "新建\u3000", "前期")
            from plannedStart in Gen.Elements<DateOnly?>(null, new DateOnly(period.Year, 3, 1), new DateOnly(period.Year - 1, 3, 1))
            from actualStart in Gen.Elements<DateOnly?>(null, new DateOnly(period.Year, 1, 15), period.EndExclusive.AddDays(-1), period.EndExclusive)
            from started in Gen.Elements<bool?>(null, true, false)
            from issues in Gen.Elements(null, "资金未到位", "征地拆迁")
            select new ProjectRecord
            {
                Name = name!,
                Code = code,
                County = county,
                Field = field,
                AnnualPlan = plan,
                Completed = how switch
                {
                    // On the yellow or the red boundary (exactly, where decimal can say it exactly), or a hair off it.
                    < 3 => Boundary(plan, schedule + options.YellowGapPp) + nudge,
                    < 5 => Boundary(plan, schedule + options.RedGapPp) + nudge,
                    _ => plain,
                },
                Levels = levels!,
                Nature = nature,
                PlannedStart = plannedStart,
                ActualStart = actualStart,
                Started = started,
                Issues = issues,
                ResponsibleUnit = county + "发改委",
                Source = new SourceRef("表", 5),
            };
    }

    private static decimal Boundary(decimal plan, decimal pct) => plan * pct / 100m;
}
