using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

/// <summary>A random set of projects across the seven counties, plus a way to split one county's rows in two.</summary>
public sealed record ProjectSample(IReadOnlyList<ProjectRecord> Projects, string SplitCounty, IReadOnlyList<bool> GoesToSecond)
{
    public override string ToString() => $"{Projects.Count} projects, split {SplitCounty}";
}

public static class IndicatorArbitraries
{
    private static readonly string[] s_levelChoices = [.. ProjectLevels.All];

    public static Arbitrary<ProjectSample> ProjectSamples()
    {
        Gen<ProjectRecord> project =
            from county in Gen.Elements(IndicatorDefaults.Counties.ToArray())
            from field in Gen.Elements(IndicatorDefaults.Fields.ToArray())
            from planCents in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 5_000_000)))
            from completedCents in Gen.Choose(0, 10_000_000)
            from levels in Gen.SubListOf(s_levelChoices)
            from nature in Gen.Elements("新建", "续建", "竣工投产", "前期")
            from started in Gen.Elements<bool?>(true, false, null)
            select new ProjectRecord
            {
                Name = "项目",
                County = county,
                Field = field,
                AnnualPlan = planCents / 100m,
                Completed = completedCents / 100m,
                Levels = ProjectLevels.All.Where(levels.Contains).ToList(),
                Nature = nature,
                Started = started,
                Source = new SourceRef("Sheet1", 1),
            };

        Gen<ProjectSample> sample =
            from projects in Gen.ListOf(project)
            from county in Gen.Elements(IndicatorDefaults.Counties.ToArray())
            from mask in Gen.ArrayOf(Gen.Elements(true, false), projects.Count)
            select new ProjectSample(
                projects.Select((p, i) => p with { Name = $"项目{i}", Source = new SourceRef("Sheet1", i + 5) }).ToList(),
                county,
                mask);
        return sample.ToArbitrary();
    }

    /// <summary>A decimal with up to six decimals, positive or negative, as percentages and amounts are.</summary>
    public static Arbitrary<decimal> Decimals() =>
        (from whole in Gen.Choose(-2_000_000, 2_000_000)
         from fraction in Gen.Choose(0, 999_999)
         select whole + (whole < 0 ? -fraction : fraction) / 1_000_000m).ToArbitrary();
}

[Properties(Arbitrary = [typeof(IndicatorArbitraries)], MaxTest = 200)]
public sealed class IndicatorProperties
{
    private static readonly IndicatorOptions s_options = new();

    [Property]
    public bool Splitting_a_county_into_two_submissions_gives_the_same_result(ProjectSample sample)
    {
        // One submission per county, as usual.
        List<Dataset> perCounty = sample.Projects
            .GroupBy(p => p.County)
            .Select(g => Projects("c-" + Array.IndexOf(IndicatorDefaults.Counties.ToArray(), g.Key), [.. g]))
            .ToList();

        // The same rows, with one county's rows sent in two submissions (e.g. the county and its 发改委).
        List<Dataset> split = sample.Projects
            .Select((p, i) => (Project: p, Second: p.County == sample.SplitCounty && sample.GoesToSecond[i]))
            .GroupBy(x => (x.Project.County, x.Second))
            .Select(g => Projects(
                "c-" + Array.IndexOf(IndicatorDefaults.Counties.ToArray(), g.Key.County) + (g.Key.Second ? "-b" : string.Empty),
                T0.AddMinutes(g.Key.Second ? 1 : 0),
                [.. g.Select(x => x.Project)]))
            .ToList();

        IndicatorReport whole = IndicatorEngine.Compute(December, perCounty, s_options);
        IndicatorReport parts = IndicatorEngine.Compute(December, split, s_options);
        return Comparable(whole) == Comparable(parts) && parts.Warnings.Count == 0;
    }

    [Property]
    public bool The_order_of_the_datasets_does_not_matter(ProjectSample sample)
    {
        List<Dataset> datasets = sample.Projects
            .GroupBy(p => p.County)
            .Select((g, i) => Projects("d" + i.ToString(CultureInfo.InvariantCulture), T0.AddMinutes(i % 3), [.. g]))
            .ToList();
        var reversed = Enumerable.Reverse(datasets).ToList();

        return IndicatorCatalog.ToJson(IndicatorEngine.Compute(December, datasets, s_options))
            == IndicatorCatalog.ToJson(IndicatorEngine.Compute(December, reversed, s_options));
    }

    [Property]
    public bool Counties_add_up_to_the_total_and_the_gap_uses_unrounded_figures(ProjectSample sample)
    {
        IndicatorReport report = IndicatorEngine.Compute(December, [Projects("fgw", [.. sample.Projects])], s_options);

        bool sums = report.ByCounty.Sum(g => g.Figures.Count) == report.Overall.Count
            && report.ByCounty.Sum(g => g.Figures.AnnualPlan) == report.Overall.AnnualPlan
            && report.ByCounty.Sum(g => g.Figures.Completed) == report.Overall.Completed
            && report.ByField.Sum(g => g.Figures.Completed) == report.Overall.Completed;
        bool gap = report.Overall.CompletionPct is not { } pct || report.Overall.ScheduleGapPp == pct - report.SchedulePct;
        bool ranks = report.ByCounty.All(g => g.Rank is null
            || g.Rank == 1 + report.ByCounty.Count(o => o.Figures.CompletionPct > g.Figures.CompletionPct));
        return sums && gap && ranks;
    }

    [Property]
    public bool Percent_rounds_half_away_from_zero_at_every_x5_boundary(int whole, byte tenths)
    {
        int digit = tenths % 10;
        decimal magnitude = Math.Abs((decimal)whole) + digit / 10m + 0.05m;
        decimal expected = Math.Abs((decimal)whole) + (digit + 1) / 10m;
        string sign = whole < 0 ? "-" : string.Empty;
        decimal value = whole < 0 ? -magnitude : magnitude;

        // One step below the boundary rounds the other way.
        decimal below = whole < 0 ? -(magnitude - 0.0000001m) : magnitude - 0.0000001m;
        return Display.Percent(value) == sign + expected.ToString("F1", CultureInfo.InvariantCulture) + "%"
            && Display.Percent(below) == sign + (expected - 0.1m).ToString("F1", CultureInfo.InvariantCulture) + "%";
    }

    [Property]
    public bool Yi_yuan_rounds_half_away_from_zero_at_the_second_decimal(int hundredths)
    {
        decimal yi = Math.Abs((decimal)hundredths) / 100m + 0.005m;
        decimal expected = Math.Abs((decimal)hundredths) / 100m + 0.01m;
        string text = expected.ToString("F2", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return Display.YiYuan(yi * 10_000m) == text + "亿元";
    }

    [Property]
    public bool Rounding_matches_a_scaled_integer_reference(decimal value)
    {
        decimal scaled = Math.Abs(value) * 10m;
        decimal reference = Math.Sign(value) * decimal.Floor(scaled + 0.5m) / 10m;
        return Display.Round(value, 1) == reference;
    }

    [Property]
    public bool Share_change_is_taken_from_unrounded_shares(decimal share, decimal prior)
    {
        MetricIndicator metric = MetricCalculator.Compute(Metric("占比", share: share, sharePrior: prior), "gxj");
        decimal exact = share - prior;
        return metric.ShareChangePp == exact
            && Display.PointsMagnitude(metric.ShareChangePp) == Display.Number(Math.Abs(exact), 1) + "个百分点"
            && Display.SignedPoints(metric.ShareChangePp) == Display.SignedPoints(exact);
    }

    // Everything that must not depend on how rows were grouped into submissions.
    private static string Comparable(IndicatorReport report)
    {
        var values = new Dictionary<string, object?>(IndicatorCatalog.Flatten(report));
        values.Remove(IndicatorIds.ProjectsLagging);
        string lagging = string.Join(";", report.Lagging.Select(p => $"{p.Name}|{p.County}|{p.ScheduleGapPp}|{p.Severity}"));
        return string.Join("\n", values.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}")) + "\n" + lagging;
    }
}
