using Reporting.Core.Configuration;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Indicators;

/// <summary>
/// Computes every indicator of a period from the accepted datasets. Pure: the same datasets in
/// any order give the same report. Only the latest submission per department, kind and period
/// counts; datasets of other periods are ignored.
/// </summary>
public static class IndicatorEngine
{
    public const string MetricDuplicateRule = "metric.duplicate";

    public static IndicatorReport Compute(
        ReportingPeriod period, IReadOnlyList<Dataset> datasets, IndicatorOptions options, Func<string, string>? departmentName = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(options);
        departmentName ??= static id => id;

        IReadOnlyList<Dataset> current = LatestPerDepartmentAndKind(period, datasets);
        decimal schedulePct = Percentages.Schedule(period);

        List<Dataset> projectSets = current.Where(d => d.Kind == DatasetKind.Projects).ToList();
        (IReadOnlyList<CountedProject> counted, IReadOnlyList<Finding> warnings) = ProjectDeduplicator.Deduplicate(projectSets, departmentName);
        List<ProjectRecord> projects = counted.Select(c => c.Record).ToList();
        (int planned, int started, decimal? startRate) = StartRate.Compute(projects, period);

        List<Dataset> signingSets = current.Where(d => d.Kind == DatasetKind.Signings).ToList();
        (IReadOnlyList<MetricIndicator> metrics, IReadOnlyList<Finding> metricWarnings) = Metrics(current, departmentName);

        return new IndicatorReport
        {
            Period = period,
            SchedulePct = schedulePct,
            Overall = ProgressCalculator.Figures(projects, schedulePct),
            ByCounty = ProgressCalculator.Grouped(projects, p => p.County, OrderOr(options.CountyOrder, IndicatorDefaults.Counties), schedulePct),
            ByField = ProgressCalculator.Grouped(projects, p => p.Field, OrderOr(options.FieldOrder, IndicatorDefaults.Fields), schedulePct),
            ByLevel = ByLevel(projects, schedulePct),
            StartRatePct = startRate,
            PlannedNewStarts = planned,
            StartedNewStarts = started,
            Lagging = LaggingClassifier.List(counted, schedulePct, options),
            Signings = signingSets.Count == 0 ? null : SigningCalculator.Summarize(signingSets.SelectMany(d => d.Signings).Where(s => SigningPeriod.Counts(s.SignedOn, period))),
            Metrics = metrics,
            Sources = current
                .OrderBy(d => d.Department, StringComparer.Ordinal)
                .ThenBy(d => d.Kind)
                .Select(d => new SourceNote(d.Department, d.Kind, d.Period, d.SourceFile, d.ReceivedAt, RecordCount(d)))
                .ToList(),
            Warnings = [.. warnings, .. metricWarnings],
        };
    }

    /// <summary>
    /// <see cref="Compute"/> for <paramref name="period"/>, read against the previous month of the same year
    /// (<see cref="IndicatorReport.Comparison"/>) and with the city's cumulative completion for every month from
    /// January (<see cref="IndicatorReport.Series"/>). <paramref name="datasets"/> may hold any months; each month
    /// is computed from its own latest submissions exactly as it would be on its own. Pure.
    /// </summary>
    public static IndicatorReport ComputeWithHistory(
        ReportingPeriod period, IReadOnlyList<Dataset> datasets, IndicatorOptions options, Func<string, string>? departmentName = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        IndicatorReport current = Compute(period, datasets, options, departmentName);
        IndicatorReport? previous = period.Month == 1 ? null : Compute(period.Previous, datasets, options, departmentName);
        var series = new List<MonthlyProgress>(period.Month);
        for (int month = 1; month <= period.Month; month++)
        {
            var when = new ReportingPeriod(period.Year, month);
            ProgressFigures? figures = month == period.Month ? OverallIfReported(current)
                : month == period.Month - 1 && previous is not null ? OverallIfReported(previous)
                : OverallOf(when, datasets, departmentName ?? (static id => id));
            series.Add(new MonthlyProgress(when, Percentages.Schedule(when), figures));
        }

        return current with { Comparison = ComparisonCalculator.Compare(current, previous), Series = series };
    }

    private static ProgressFigures? OverallIfReported(IndicatorReport report) =>
        report.Sources.Any(s => s.Kind == DatasetKind.Projects) ? report.Overall : null;

    // The overall figures alone (the other months of the trend): the same latest-submission and duplicate rules, nothing else.
    private static ProgressFigures? OverallOf(ReportingPeriod period, IReadOnlyList<Dataset> datasets, Func<string, string> departmentName)
    {
        List<Dataset> projectSets = LatestPerDepartmentAndKind(period, datasets).Where(d => d.Kind == DatasetKind.Projects).ToList();
        if (projectSets.Count == 0)
        {
            return null;
        }

        (IReadOnlyList<CountedProject> counted, _) = ProjectDeduplicator.Deduplicate(projectSets, departmentName);
        return ProgressCalculator.Figures(counted.Select(c => c.Record), Percentages.Schedule(period));
    }

    /// <summary>
    /// The period's datasets, one per department and kind (the most recent by received time, ties
    /// broken by content hash as the repository does), most recent first.
    /// </summary>
    internal static IReadOnlyList<Dataset> LatestPerDepartmentAndKind(ReportingPeriod period, IReadOnlyList<Dataset> datasets) =>
        datasets
            .Where(d => d.Period == period)
            .GroupBy(d => (d.Department, d.Kind))
            .Select(g => g.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Sha256, StringComparer.Ordinal).First())
            .Select(WithoutNulls)
            .OrderByDescending(d => d.ReceivedAt)
            .ThenByDescending(d => d.Sha256, StringComparer.Ordinal)
            .ThenBy(d => d.Department, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ToList();

    // A dataset file edited by hand may hold "projects": null or a null row: count what is there, never crash.
    // Lists without a gap are kept as they are (copying 100,000 rows for nothing costs time and memory).
    private static Dataset WithoutNulls(Dataset dataset) =>
        IsWhole(dataset.Projects, static r => r is not null) && IsWhole(dataset.Signings, static r => r is not null)
            && IsWhole(dataset.Metrics, static r => r is not null && r.Name is not null)
            ? dataset
            : dataset with
            {
                Projects = [.. (dataset.Projects ?? []).Where(r => r is not null)],
                Signings = [.. (dataset.Signings ?? []).Where(r => r is not null)],
                Metrics = [.. (dataset.Metrics ?? []).Where(r => r is not null && r.Name is not null)],
            };

    private static bool IsWhole<T>(IReadOnlyList<T>? rows, Func<T, bool> usable)
    {
        if (rows is null)
        {
            return false;
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (!usable(rows[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<GroupProgress> ByLevel(List<ProjectRecord> projects, decimal schedulePct)
    {
        // One pass for the four levels, each summed in list order as a filtered pass would.
        IReadOnlyList<string> levels = ProjectLevels.All;
        var totals = new ProgressCalculator.Totals[levels.Count];
        var counts = new int[levels.Count];
        for (int i = 0; i < projects.Count; i++)
        {
            ProjectRecord project = projects[i];
            for (int level = 0; level < levels.Count; level++)
            {
                if (HasLevel(project, levels[level]))
                {
                    totals[level].Add(project);
                    counts[level]++;
                }
            }
        }

        var groups = new List<GroupProgress>();
        for (int level = 0; level < levels.Count; level++)
        {
            if (counts[level] > 0)
            {
                // Levels overlap (a project can be 省重点 and 省大中型), so they are not ranked against each other.
                groups.Add(new GroupProgress { Key = levels[level], Figures = totals[level].Figures(schedulePct) });
            }
        }

        return groups;
    }

    // A loop rather than Enumerable.Contains, which allocated an enumerator per project and level.
    private static bool HasLevel(ProjectRecord project, string level)
    {
        IReadOnlyList<string>? levels = project.Levels;
        if (levels is null)
        {
            return false;
        }

        for (int i = 0; i < levels.Count; i++)
        {
            if (string.Equals(levels[i], level, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // One entry per metric name: when two departments report the same metric, the most recent
    // submission's figure is used and the office is told.
    private static (IReadOnlyList<MetricIndicator>, IReadOnlyList<Finding>) Metrics(IReadOnlyList<Dataset> newestFirst, Func<string, string> departmentName)
    {
        var chosen = new Dictionary<string, (MetricRecord Record, Dataset From)>(StringComparer.Ordinal);
        var warnings = new List<Finding>();
        foreach (Dataset dataset in newestFirst.Where(d => d.Kind == DatasetKind.Metrics))
        {
            foreach (MetricRecord record in dataset.Metrics)
            {
                string key = record.Name.Trim();
                if (chosen.TryGetValue(key, out (MetricRecord Record, Dataset From) earlier))
                {
                    string kept = departmentName(earlier.From.Department);
                    string where = earlier.From.Department == dataset.Department
                        ? $"在{kept}的报表中出现两次（{earlier.Record.Source.Sheet}第{earlier.Record.Source.Row}行、{record.Source.Sheet}第{record.Source.Row}行），采用第{earlier.Record.Source.Row}行。"
                        : $"同时由{kept}和{departmentName(dataset.Department)}报送，采用最近报送的{kept}的数据。";
                    warnings.Add(new Finding
                    {
                        Severity = Severity.Warning,
                        RuleId = MetricDuplicateRule,
                        Message = $"指标“{key}”{where}",
                        Sheet = record.Source.Sheet,
                        Header = "指标名称",
                        Value = key,
                    });
                    continue;
                }

                chosen[key] = (record, dataset);
            }
        }

        // Department order, then row order: the order the departments list their own metrics.
        List<MetricIndicator> metrics = chosen.Values
            .OrderBy(c => c.From.Department, StringComparer.Ordinal)
            .ThenBy(c => c.Record.Source.Sheet, StringComparer.Ordinal)
            .ThenBy(c => c.Record.Source.Row)
            .Select(c => MetricCalculator.Compute(c.Record, c.From.Department))
            .ToList();
        return (metrics, warnings);
    }

    private static IReadOnlyList<string> OrderOr(List<string> configured, IReadOnlyList<string> defaults) =>
        configured.Count > 0 ? configured : defaults;

    private static int RecordCount(Dataset dataset) => dataset.Kind switch
    {
        DatasetKind.Projects => dataset.Projects.Count,
        DatasetKind.Signings => dataset.Signings.Count,
        _ => dataset.Metrics.Count,
    };
}
