using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators;

/// <summary>Totals, completion and the gap to 序时进度 for groups of projects, and ranks by completion.</summary>
internal static class ProgressCalculator
{
    public static ProgressFigures Figures(IEnumerable<ProjectRecord> projects, decimal schedulePct)
    {
        int count = 0;
        decimal plan = 0m;
        decimal completed = 0m;
        foreach (ProjectRecord project in projects)
        {
            count++;
            plan += project.AnnualPlan;
            completed += project.Completed;
        }

        decimal? completion = Percentages.Of(completed, plan);
        return new ProgressFigures
        {
            Count = count,
            AnnualPlan = plan,
            Completed = completed,
            CompletionPct = completion,
            ScheduleGapPp = Percentages.Points(completion, schedulePct),
        };
    }

    /// <summary>
    /// Groups by <paramref name="keyOf"/>, in <paramref name="order"/> first and then ordinal order, with
    /// competition ranks by unrounded completion (1, 2, 2, 4); a group without a plan has no rank.
    /// </summary>
    public static IReadOnlyList<GroupProgress> Grouped(
        IReadOnlyList<ProjectRecord> projects, Func<ProjectRecord, string> keyOf, IReadOnlyList<string> order, decimal schedulePct)
    {
        List<(string Key, ProgressFigures Figures)> groups = projects
            .GroupBy(keyOf, StringComparer.Ordinal)
            .Select(g => (g.Key, Figures(g, schedulePct)))
            .OrderBy(g => OrderIndex(order, g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return Ranked(groups);
    }

    public static IReadOnlyList<GroupProgress> Ranked(IReadOnlyList<(string Key, ProgressFigures Figures)> groups)
    {
        var result = new List<GroupProgress>(groups.Count);
        foreach ((string key, ProgressFigures figures) in groups)
        {
            int? rank = figures.CompletionPct is { } pct
                ? 1 + groups.Count(other => other.Figures.CompletionPct is { } o && o > pct)
                : null;
            result.Add(new GroupProgress { Key = key, Figures = figures, Rank = rank });
        }

        return result;
    }

    private static int OrderIndex(IReadOnlyList<string> order, string key)
    {
        for (int i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
