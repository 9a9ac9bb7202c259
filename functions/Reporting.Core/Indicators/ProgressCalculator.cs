using System.Runtime.InteropServices;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Indicators;

/// <summary>Totals, completion and the gap to 序时进度 for groups of projects, and ranks by completion.</summary>
internal static class ProgressCalculator
{
    public static ProgressFigures Figures(IEnumerable<ProjectRecord> projects, decimal schedulePct)
    {
        var totals = default(Totals);
        foreach (ProjectRecord project in projects)
        {
            totals.Add(project);
        }

        return totals.Figures(schedulePct);
    }

    /// <summary>
    /// Groups by <paramref name="keyOf"/>, in <paramref name="order"/> first and then ordinal order, with
    /// competition ranks by unrounded completion (1, 2, 2, 4); a group without a plan has no rank.
    /// </summary>
    public static IReadOnlyList<GroupProgress> Grouped(
        IReadOnlyList<ProjectRecord> projects, Func<ProjectRecord, string> keyOf, IReadOnlyList<string> order, decimal schedulePct)
    {
        // One pass adding into running totals (in list order, so every sum is the same decimal as before),
        // rather than GroupBy materialising every group.
        var totals = new Dictionary<string, Totals>(StringComparer.Ordinal);
        for (int i = 0; i < projects.Count; i++)
        {
            ProjectRecord project = projects[i];
            CollectionsMarshal.GetValueRefOrAddDefault(totals, keyOf(project), out _).Add(project);
        }

        List<(string Key, ProgressFigures Figures)> groups = totals
            .Select(g => (g.Key, g.Value.Figures(schedulePct)))
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

    /// <summary>Count and sums of a group, added project by project.</summary>
    internal struct Totals
    {
        private int _count;
        private decimal _plan;
        private decimal _completed;

        public void Add(ProjectRecord project)
        {
            _count++;
            _plan += project.AnnualPlan;
            _completed += project.Completed;
        }

        public readonly ProgressFigures Figures(decimal schedulePct)
        {
            decimal? completion = Percentages.Of(_completed, _plan);
            return new ProgressFigures
            {
                Count = _count,
                AnnualPlan = _plan,
                Completed = _completed,
                CompletionPct = completion,
                ScheduleGapPp = Percentages.Points(completion, schedulePct),
            };
        }
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
