using System.Globalization;
using System.Text;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Tests.Indicators;

/// <summary>
/// 环比 written the obvious way, from <see cref="ReferenceIndicators"/> of this month and of the previous month of
/// the same year: a change is this month's figure minus last month's, null when either is missing; January is
/// never compared (December belongs to another year's cumulative series); a previous month without any accepted
/// submission gives no change at all; a lagging project is "new" when no project lagging last month is the same
/// project (same normalised code, or else — when either lacks a code — the same normalised name and county).
/// Slow on purpose. <see cref="Describe"/> writes every change as the engine's JSON ids would carry it.
/// </summary>
internal static class ReferenceComparison
{
    public static string Describe(ReportingPeriod period, IReadOnlyList<Dataset> datasets, IndicatorOptions options)
    {
        IndicatorReport current = ReferenceIndicators.Compute(period, datasets, options);
        bool HasAny(ReportingPeriod p) => datasets.Any(d => d.Period == p);
        bool HasProjects(ReportingPeriod p) => datasets.Any(d => d.Period == p && d.Kind == DatasetKind.Projects);

        string basis = period.Month == 1 ? "firstMonthOfYear" : HasAny(period.Previous) ? "compared" : "noPreviousData";
        IndicatorReport? previous = basis == "compared" && HasProjects(period.Previous) ? ReferenceIndicators.Compute(period.Previous, datasets, options) : null;

        var text = new StringBuilder();
        text.AppendLine("basis " + basis);
        text.AppendLine("previous " + (period.Month == 1 ? "null" : period.Previous.ToString()));
        text.AppendLine("count " + N(previous is null ? null : current.Overall.Count - previous.Overall.Count));
        text.AppendLine("completed " + N(previous is null ? null : current.Overall.Completed - previous.Overall.Completed));
        text.AppendLine("completionPp " + N(previous is null ? null : current.Overall.CompletionPct - previous.Overall.CompletionPct));
        Groups(text, "county", current.ByCounty, previous?.ByCounty, ranked: true);
        Groups(text, "field", current.ByField, previous?.ByField, ranked: true);
        Groups(text, "level", current.ByLevel, previous?.ByLevel, ranked: false);

        int red = current.Lagging.Count(p => p.Severity == LagSeverity.Red);
        text.AppendLine(CultureInfo.InvariantCulture, $"lagging {current.Lagging.Count} {N(current.Lagging.Count - previous?.Lagging.Count)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"red {red} {N(red - previous?.Lagging.Count(p => p.Severity == LagSeverity.Red))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"yellow {current.Lagging.Count - red} {N(current.Lagging.Count - red - previous?.Lagging.Count(p => p.Severity == LagSeverity.Yellow))}");
        bool compareLists = previous is not null && HasProjects(period);
        text.AppendLine("newly " + (basis != "compared" ? "null" : string.Join("; ", compareLists ? current.Lagging.Where(p => !previous!.Lagging.Any(q => Same(p, q))).Select(Name) : [])));
        text.AppendLine("gone " + (basis != "compared" ? "null" : string.Join("; ", compareLists ? previous!.Lagging.Where(q => !current.Lagging.Any(p => Same(q, p))).Select(Name) : [])));

        for (int month = 1; month <= period.Month; month++)
        {
            var when = new ReportingPeriod(period.Year, month);
            ProgressFigures? figures = HasProjects(when) ? ReferenceIndicators.Compute(when, datasets, options).Overall : null;
            text.AppendLine(CultureInfo.InvariantCulture, $"series {when} {N(when.Month * 100m / 12m)} {N(figures?.Count)} {N(figures?.CompletionPct)}");
        }

        return text.ToString();
    }

    /// <summary>The same lines from the engine's flattened report (its JSON ids).</summary>
    public static string DescribeEngine(IndicatorReport report)
    {
        IReadOnlyDictionary<string, object?> values = IndicatorCatalog.Flatten(report);
        var text = new StringBuilder();
        text.AppendLine("basis " + values["change.basis"]);
        text.AppendLine("previous " + (values["change.previousPeriod"] ?? "null"));
        text.AppendLine("count " + V(values["projects.count.change"]));
        text.AppendLine("completed " + V(values["projects.completed.change"]));
        text.AppendLine("completionPp " + V(values["projects.completionPct.changePp"]));
        foreach (GroupProgress g in report.ByCounty)
        {
            string id = "projects.byCounty." + g.Key;
            text.AppendLine(CultureInfo.InvariantCulture, $"county {g.Key} {V(values[id + ".count.change"])} {V(values[id + ".completed.change"])} {V(values[id + ".completionPct.changePp"])} {V(values[id + ".rank.change"])}");
        }

        foreach (GroupProgress g in report.ByField)
        {
            string id = "projects.byField." + g.Key;
            text.AppendLine(CultureInfo.InvariantCulture, $"field {g.Key} {V(values[id + ".count.change"])} {V(values[id + ".completed.change"])} {V(values[id + ".completionPct.changePp"])} {V(values[id + ".rank.change"])}");
        }

        foreach (GroupProgress g in report.ByLevel)
        {
            string id = "projects.level." + g.Key;
            text.AppendLine(CultureInfo.InvariantCulture, $"level {g.Key} {V(values[id + ".count.change"])} {V(values[id + ".completed.change"])} {V(values[id + ".completionPct.changePp"])} null");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"lagging {values["projects.laggingCount"]} {V(values["projects.laggingCount.change"])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"red {values["projects.laggingRedCount"]} {V(values["projects.laggingRedCount.change"])}");
        text.AppendLine(CultureInfo.InvariantCulture, $"yellow {values["projects.laggingYellowCount"]} {V(values["projects.laggingYellowCount.change"])}");
        text.AppendLine("newly " + (values["projects.newlyLagging"] is IReadOnlyList<LaggingProject> newly ? string.Join("; ", newly.Select(Name)) : "null"));
        text.AppendLine("gone " + (values["projects.noLongerLagging"] is IReadOnlyList<LaggingProject> gone ? string.Join("; ", gone.Select(Name)) : "null"));
        foreach (IndicatorCatalog.SeriesPoint point in (IReadOnlyList<IndicatorCatalog.SeriesPoint>)values["projects.series"]!)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"series {point.Period} {V(point.SchedulePct)} {V(point.Count)} {V(point.CompletionPct)}");
        }

        return text.ToString();
    }

    private static void Groups(StringBuilder text, string what, IReadOnlyList<GroupProgress> now, IReadOnlyList<GroupProgress>? before, bool ranked)
    {
        foreach (GroupProgress g in now)
        {
            GroupProgress? p = before?.FirstOrDefault(b => b.Key == g.Key);
            string rank = !ranked || p is null || g.Rank is null || p.Rank is null ? "null" : N(p.Rank - g.Rank);
            text.AppendLine(CultureInfo.InvariantCulture, $"{what} {g.Key} {N(g.Figures.Count - p?.Figures.Count)} {N(g.Figures.Completed - p?.Figures.Completed)} {N(g.Figures.CompletionPct - p?.Figures.CompletionPct)} {rank}");
        }
    }

    private static bool Same(LaggingProject a, LaggingProject b)
    {
        string? codeA = Code(a.Code);
        string? codeB = Code(b.Code);
        if (codeA is not null && codeA == codeB)
        {
            return true;
        }

        string name = NameKey(a.Name);
        return name.Length > 0 && name == NameKey(b.Name) && a.County == b.County && (codeA is null || codeB is null);
    }

    private static string? Code(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : ProjectIdentity.NormalizeCodeGeneral(code) is { Length: > 0 } key ? key : null;

    private static string NameKey(string? name) => string.IsNullOrWhiteSpace(name) ? string.Empty : ProjectIdentity.NormalizeNameGeneral(name);

    private static string Name(LaggingProject p) => $"{p.Name}|{p.Code}|{p.County}|{N(p.CompletionPct)}";

    // Values as the catalog writes them: trailing zeros dropped (the catalog's one convention), null as "null".
    private static string N(decimal? value) => value is { } v ? Percentages.Trim(v).ToString(CultureInfo.InvariantCulture) : "null";

    private static string N(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string V(object? value) => value switch
    {
        null => "null",
        decimal d => N(d),
        int i => N(i),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
