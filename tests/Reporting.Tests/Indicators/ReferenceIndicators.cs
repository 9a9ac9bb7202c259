using System.Globalization;
using System.Text;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The project indicators written the obvious way, straight from their definitions (LINQ, a division per
/// project, a list search for duplicates), to check the engine's one-pass code against. Slow on purpose.
/// Rules restated here: the latest submission per department wins; across submissions a row is the
/// project first registered with the same normalised code, or else (when either lacks a code) the project
/// first registered with the same normalised name and county; rows of one submission see only earlier
/// submissions; completion = completed / plan × 100; red below <see cref="IndicatorOptions.RedGapPp"/>,
/// yellow from there to <see cref="IndicatorOptions.YellowGapPp"/> inclusive.
/// </summary>
internal static class ReferenceIndicators
{
    private sealed record Kept(ProjectRecord Record, string Department, string? Code, string Name);

    /// <summary>The project part of the report (signings, metrics and sources left empty).</summary>
    public static IndicatorReport Compute(
        ReportingPeriod period, IReadOnlyList<Dataset> datasets, IndicatorOptions options, Func<string, string>? departmentName = null)
    {
        departmentName ??= static id => id;
        decimal schedule = period.Month * 100m / 12m;

        List<Dataset> newestFirst = datasets
            .Where(d => d.Period == period && d.Kind == DatasetKind.Projects)
            .GroupBy(d => d.Department)
            .Select(g => g.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Sha256, StringComparer.Ordinal).First())
            .OrderByDescending(d => d.ReceivedAt)
            .ThenByDescending(d => d.Sha256, StringComparer.Ordinal)
            .ThenBy(d => d.Department, StringComparer.Ordinal)
            .ToList();

        var registered = new List<Kept>();
        var kept = new List<Kept>();
        var warnings = new List<Finding>();
        foreach (Dataset dataset in newestFirst)
        {
            var fromThis = new List<Kept>();
            foreach (ProjectRecord record in (dataset.Projects ?? []).Where(r => r is not null))
            {
                string? code = CodeKey(record.Code);
                string name = NameKey(record.Name);
                Kept? winner = code is null ? null : registered.FirstOrDefault(r => r.Code == code);
                if (winner is null && name.Length > 0
                    && registered.FirstOrDefault(r => r.Name == name && r.Record.County == record.County) is { } sameName
                    && (code is null || sameName.Code is null))
                {
                    winner = sameName;
                }

                if (winner is not null)
                {
                    warnings.Add(Duplicate(record, dataset.Department, code, winner, departmentName));
                    continue;
                }

                var entry = new Kept(record, dataset.Department, code, name);
                kept.Add(entry);
                fromThis.Add(entry);
            }

            registered.AddRange(fromThis);
        }

        List<ProjectRecord> projects = [.. kept.Select(k => k.Record)];
        List<ProjectRecord> planned = [.. projects.Where(p => p.PlannedStart is { } start
            ? start.Year == period.Year || (start.Year < period.Year && p.Nature?.Trim() == "新建")
            : p.Nature?.Trim() == "新建")];
        int started = planned.Count(p => p.Started == true || (p.ActualStart is { } start && start < period.EndExclusive));

        return new IndicatorReport
        {
            Period = period,
            SchedulePct = schedule,
            Overall = Figures(projects, schedule),
            ByCounty = Grouped(projects, p => p.County, Order(options.CountyOrder, IndicatorDefaults.Counties), schedule),
            ByField = Grouped(projects, p => p.Field, Order(options.FieldOrder, IndicatorDefaults.Fields), schedule),
            ByLevel = [.. ProjectLevels.All
                .Where(level => projects.Any(p => p.Levels?.Contains(level) == true))
                .Select(level => new GroupProgress { Key = level, Figures = Figures(projects.Where(p => p.Levels?.Contains(level) == true), schedule) })],
            StartRatePct = planned.Count > 0 ? Ratio(started, planned.Count) : null,
            PlannedNewStarts = planned.Count,
            StartedNewStarts = started,
            Lagging = Lagging(kept, schedule, options),
            Warnings = warnings,
        };
    }

    /// <summary>Every project figure of a report, decimals with their scale (134.80 is not 134.8), one line each.</summary>
    public static string Describe(IndicatorReport report)
    {
        var text = new StringBuilder();
        text.Append("schedule ").AppendLine(N(report.SchedulePct));
        Describe(text, "overall", report.Overall, null);
        foreach (GroupProgress group in report.ByCounty)
        {
            Describe(text, "county " + group.Key, group.Figures, group.Rank);
        }

        foreach (GroupProgress group in report.ByField)
        {
            Describe(text, "field " + group.Key, group.Figures, group.Rank);
        }

        foreach (GroupProgress group in report.ByLevel)
        {
            Describe(text, "level " + group.Key, group.Figures, group.Rank);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"start {report.PlannedNewStarts} {report.StartedNewStarts} {N(report.StartRatePct)}");
        foreach (LaggingProject p in report.Lagging)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"lagging {p.Severity} {N(p.ScheduleGapPp)} {N(p.CompletionPct)} {p.Name}|{p.County}|{p.Field}|{p.ResponsibleUnit}|{p.Owner}|{p.Issues}|{N(p.AnnualPlan)}|{N(p.Completed)}|{p.Department}");
        }

        foreach (Finding w in report.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"warning {w.Severity} {w.RuleId} {w.Message}|{w.Sheet}|{w.Cell}|{w.Header}|{w.Value}");
        }

        return text.ToString();
    }

    private static void Describe(StringBuilder text, string what, ProgressFigures f, int? rank) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{what}: {f.Count} {N(f.AnnualPlan)} {N(f.Completed)} {N(f.CompletionPct)} {N(f.ScheduleGapPp)} rank {rank}");

    private static IReadOnlyList<string> Order(List<string> configured, IReadOnlyList<string> defaults) => configured.Count > 0 ? configured : defaults;

    private static string N(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string? CodeKey(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : ProjectIdentity.NormalizeCodeGeneral(code) is { Length: > 0 } key ? key : null;

    private static string NameKey(string? name) => string.IsNullOrWhiteSpace(name) ? string.Empty : ProjectIdentity.NormalizeNameGeneral(name);

    // numerator / denominator × 100, "—" (null) without a positive denominator or when the ratio is absurd (beyond 10^24).
    private static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator > 0 && Math.Abs(numerator) / 1_000_000_000_000_000_000_000_000m <= denominator ? numerator / denominator * 100m : null;

    internal static ProgressFigures Figures(IEnumerable<ProjectRecord> members, decimal schedule)
    {
        List<ProjectRecord> list = [.. members];
        decimal plan = 0m;
        decimal completed = 0m;
        foreach (ProjectRecord p in list)
        {
            plan += p.AnnualPlan;
            completed += p.Completed;
        }

        decimal? pct = Ratio(completed, plan);
        return new ProgressFigures { Count = list.Count, AnnualPlan = plan, Completed = completed, CompletionPct = pct, ScheduleGapPp = pct - schedule };
    }

    private static List<GroupProgress> Grouped(List<ProjectRecord> projects, Func<ProjectRecord, string> keyOf, IReadOnlyList<string> order, decimal schedule)
    {
        var groups = projects
            .GroupBy(keyOf, StringComparer.Ordinal)
            .Select(g => (g.Key, Figures: Figures(g, schedule)))
            .OrderBy(g => order.Contains(g.Key) ? order.ToList().IndexOf(g.Key) : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return [.. groups.Select(g => new GroupProgress
        {
            Key = g.Key,
            Figures = g.Figures,
            Rank = g.Figures.CompletionPct is { } pct ? 1 + groups.Count(o => o.Figures.CompletionPct > pct) : null,
        })];
    }

    private static List<LaggingProject> Lagging(List<Kept> kept, decimal schedule, IndicatorOptions options) =>
        [.. kept
            .Where(k => Ratio(k.Record.Completed, k.Record.AnnualPlan) is not null)
            .Select(k => (k.Record, k.Department, Pct: Ratio(k.Record.Completed, k.Record.AnnualPlan)!.Value))
            .Select(x => (x.Record, x.Department, x.Pct, Gap: x.Pct - schedule))
            .Where(x => x.Gap < options.RedGapPp || x.Gap <= options.YellowGapPp)
            .Select(x => new LaggingProject
            {
                Name = x.Record.Name,
                Code = x.Record.Code,
                County = x.Record.County,
                Field = x.Record.Field,
                ResponsibleUnit = x.Record.ResponsibleUnit,
                Owner = x.Record.Owner,
                Issues = x.Record.Issues,
                AnnualPlan = x.Record.AnnualPlan,
                Completed = x.Record.Completed,
                CompletionPct = x.Pct,
                ScheduleGapPp = x.Gap,
                Severity = x.Gap < options.RedGapPp ? LagSeverity.Red : LagSeverity.Yellow,
                Department = x.Department,
            })
            .OrderByDescending(p => p.Severity)
            .ThenBy(p => p.ScheduleGapPp)
            .ThenBy(p => p.County, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];

    private static Finding Duplicate(ProjectRecord dropped, string droppedDepartment, string? code, Kept winner, Func<string, string> departmentName)
    {
        string keptBy = departmentName(winner.Department);
        string how = code is not null && code == winner.Code ? $"项目代码相同（{dropped.Code}）" : "项目名称和县区相同";
        return new Finding
        {
            Severity = Severity.Warning,
            RuleId = RuleIds.ProjectDuplicate,
            Message = $"项目“{dropped.Name}”同时出现在{keptBy}（{winner.Record.Source.Sheet}第{winner.Record.Source.Row}行）"
                + $"和{departmentName(droppedDepartment)}（{dropped.Source.Sheet}第{dropped.Source.Row}行）的报表中，{how}，"
                + $"只计一次，采用最近报送的{keptBy}的数据。",
            Sheet = dropped.Source.Sheet,
            Header = "项目名称",
            Value = dropped.Name,
        };
    }
}
