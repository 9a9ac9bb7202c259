using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The engine's 环比 against <see cref="ReferenceComparison"/> on random years of submissions: any month read
/// against any other (every month 1–12), months missing altogether, months with only signings, resubmissions
/// (the same department twice in a month, the later one winning), the same projects recurring with and without
/// codes and under name variants, and a December of the year before that January must never be compared with.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class ComparisonProperties
{
    private static readonly string[] s_names = ["甲项目", "☆甲项目", "甲 项目", "乙项目", "丙项目", "丁项目", "ABC产业园", "ａｂｃ产业园", ""];
    private static readonly string?[] s_codes = [null, null, null, "A-1", "a-1", "A-2", "B-7"];
    private static readonly string[] s_counties = ["安源区", "湘东区", "未列县"];
    private static readonly string[] s_fields = ["工业", "农业"];
    private static readonly string[] s_departments = ["anyuan", "xiangdong", "luxi"];
    private static readonly decimal[] s_plans = [0m, 100m, 300m, 1000m, 7m];
    private static readonly decimal[] s_completed = [0m, 10m, 40m, 80m, 100m, 150m, 333.33m, 900m];

    public sealed record Year(ReportingPeriod Period, IReadOnlyList<Dataset> Datasets)
    {
        public override string ToString() =>
            Period + "\n" + string.Join("\n", Datasets.Select(d => $"{d.Period} {d.Kind} {d.Department} {d.ReceivedAt:dd HH:mm}: "
                + string.Join("; ", d.Projects.Select(p => $"{p.Name}/{p.Code}/{p.County}/{p.AnnualPlan}/{p.Completed}"))));
    }

    [Property]
    public Property Every_change_is_this_month_minus_the_previous_month_of_the_same_year() =>
        Prop.ForAll(Years().ToArbitrary(), year =>
        {
            var options = new IndicatorOptions();
            string expected = ReferenceComparison.Describe(year.Period, year.Datasets, options);
            string actual = ReferenceComparison.DescribeEngine(IndicatorEngine.ComputeWithHistory(year.Period, year.Datasets, options));
            return (actual == expected).Label($"expected:\n{expected}\nactual:\n{actual}");
        });

    [Property]
    public Property The_current_month_figures_are_those_of_the_month_computed_alone() =>
        Prop.ForAll(Years().ToArbitrary(), year =>
        {
            var options = new IndicatorOptions();
            string alone = ReferenceIndicators.Describe(IndicatorEngine.Compute(year.Period, year.Datasets, options));
            string withHistory = ReferenceIndicators.Describe(IndicatorEngine.ComputeWithHistory(year.Period, year.Datasets, options));
            return alone == withHistory;
        });

    // Each submission lands in a month of the year up to the period, or (rarely) in December of the year before;
    // months nobody lands in are missing, and two submissions of one department in a month are a resubmission.
    private static Gen<Year> Years() =>
        from month in Gen.Choose(1, 12)
        let period = new ReportingPeriod(2022, month)
        from count in Gen.Choose(0, 14)
        from landings in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3 * month, Gen.Choose(1, month))), count)
        from submissions in Gen.ArrayOf(Submission(), count)
        let datasets = submissions
            .Select((make, i) => make(landings[i] == 0 ? new ReportingPeriod(2021, 12) : new ReportingPeriod(2022, landings[i])) with
            {
                Sha256 = i.ToString("x64", CultureInfo.InvariantCulture),
            })
            .ToArray()
        select new Year(period, datasets);

    private static Gen<Func<ReportingPeriod, Dataset>> Submission() =>
        from department in Gen.Elements(s_departments)
        from minute in Gen.Choose(0, 3)
        from signingsOnly in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Choose(0, 8)
        from rows in Gen.ArrayOf(Row(), count)
        select (Func<ReportingPeriod, Dataset>)(period => signingsOnly
            ? Dataset(DatasetKind.Signings, "swj", T0.AddMinutes(minute), period) with { Signings = [Signing(10_000m * count)] }
            : Dataset(DatasetKind.Projects, department, T0.AddMinutes(minute), period) with
            {
                Projects = [.. rows.Select((r, i) => r with { Source = new SourceRef(department, i + 5) })],
            });

    private static Gen<ProjectRecord> Row() =>
        from name in Gen.Elements(s_names)
        from code in Gen.Elements(s_codes)
        from county in Gen.Elements(s_counties)
        from field in Gen.Elements(s_fields)
        from plan in Gen.Elements(s_plans)
        from completed in Gen.Elements(s_completed)
        from provincial in Gen.Elements(true, false)
        select Project(name, plan, completed, county, field, code, provincial ? [ProjectLevels.Provincial] : []);
}
