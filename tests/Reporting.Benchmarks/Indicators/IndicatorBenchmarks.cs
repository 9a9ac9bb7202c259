using System.Globalization;
using BenchmarkDotNet.Attributes;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Benchmarks.Indicators;

/// <summary>
/// Every indicator of a period over 100,000 projects in seven county submissions: totals, the
/// county, field and level breakdowns with ranks, start rate, de-duplication across submissions
/// and the lagging list (about a fifth of the projects are behind). Target: under 50 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class IndicatorBenchmarks
{
    private const int Projects = 100_000;

    private static readonly ReportingPeriod s_period = new(2022, 12);
    private static readonly string[] s_fields = [.. IndicatorDefaults.Fields];
    private static readonly string[] s_levels = [ProjectLevels.Provincial, ProjectLevels.ProvincialLargeMedium, ProjectLevels.Municipal, ProjectLevels.P5020];

    private readonly IndicatorOptions _options = new();
    private List<Dataset> _datasets = [];

    [GlobalSetup]
    public void Setup() => _datasets = Generate(Projects);

    /// <summary>
    /// The floor, for reading the time on a busy machine: one pass adding up plan and completion, the least
    /// any indicator run does. The Ratio column compares the engine with it.
    /// </summary>
    [Benchmark(Baseline = true)]
    public decimal SumsOnly()
    {
        decimal sum = 0m;
        foreach (Dataset dataset in _datasets)
        {
            foreach (ProjectRecord project in dataset.Projects)
            {
                sum += project.AnnualPlan + project.Completed;
            }
        }

        return sum;
    }

    [Benchmark]
    public IndicatorReport Compute100k() => IndicatorEngine.Compute(s_period, _datasets, _options);

    internal static List<Dataset> Generate(int projects)
    {
        var random = new Random(380);
        IReadOnlyList<string> counties = IndicatorDefaults.Counties;
        var perCounty = counties.Select(_ => new List<ProjectRecord>()).ToArray();
        for (int i = 0; i < projects; i++)
        {
            int county = i % counties.Count;
            decimal plan = 100m * random.Next(5, 500);

            // Completion 40–180% of the plan: roughly one project in five is behind by 10 points or more.
            decimal completed = Math.Round(plan * random.Next(400, 1800) / 1000m, 1);
            string[] levels = random.Next(10) switch
            {
                0 => [s_levels[0], s_levels[1]],
                1 or 2 => [s_levels[1]],
                3 => [s_levels[2]],
                4 => [s_levels[3]],
                _ => [],
            };
            perCounty[county].Add(new ProjectRecord
            {
                Name = counties[county] + "重大项目" + i.ToString(CultureInfo.InvariantCulture),
                County = counties[county],
                Field = s_fields[random.Next(s_fields.Length)],
                AnnualPlan = plan,
                Completed = completed,
                Code = "2201-360302-04-01-" + i.ToString("D6", CultureInfo.InvariantCulture),
                TotalInvestment = plan * 4,
                ResponsibleUnit = counties[county] + "发改委",
                Issues = completed < plan * 0.9m ? "资金未到位" : null,
                Levels = levels,
                Nature = random.Next(3) == 0 ? "新建" : "续建",
                Started = random.Next(10) > 0,
                Source = new SourceRef("重大项目", 9 + perCounty[county].Count),
            });
        }

        return [.. perCounty.Select((records, c) => new Dataset
        {
            Kind = DatasetKind.Projects,
            Period = s_period,
            Department = "county" + c.ToString(CultureInfo.InvariantCulture),
            SourceFile = counties[c] + ".xlsx",
            ArchivePath = "archive/originals/county/" + c.ToString(CultureInfo.InvariantCulture) + ".xlsx",
            Sha256 = c.ToString("x64", CultureInfo.InvariantCulture),
            ReceivedAt = new DateTimeOffset(2023, 1, 3, c, 0, 0, TimeSpan.Zero),
            Projects = records,
        })];
    }
}
