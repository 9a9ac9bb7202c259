using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators.Comparison;

/// <summary>Reads a month's report against the previous month's: which figures to compare, and which lagging projects came and went.</summary>
internal static class ComparisonCalculator
{
    /// <param name="previous">The previous month of the same year, computed the same way; null in January.</param>
    public static PeriodComparison Compare(IndicatorReport current, IndicatorReport? previous)
    {
        if (current.Period.Month == 1 || previous is null)
        {
            return new PeriodComparison { Basis = ComparisonBasis.FirstMonthOfYear };
        }

        if (previous.Sources.Count == 0)
        {
            return new PeriodComparison { Basis = ComparisonBasis.NoPreviousData, PreviousPeriod = previous.Period };
        }

        bool hadProjects = previous.Sources.Any(s => s.Kind == DatasetKind.Projects);
        bool hasProjects = current.Sources.Any(s => s.Kind == DatasetKind.Projects);
        return new PeriodComparison
        {
            Basis = ComparisonBasis.Compared,
            PreviousPeriod = previous.Period,
            Overall = hadProjects ? previous.Overall : null,
            ByCounty = previous.ByCounty,
            ByField = previous.ByField,
            ByLevel = previous.ByLevel,
            Lagging = hadProjects ? LaggingCounts.Of(previous.Lagging) : null,

            // Without this month's or last month's projects, "newly lagging" would only restate one side.
            NewlyLagging = hadProjects && hasProjects ? Unmatched(current.Lagging, previous.Lagging) : [],
            NoLongerLagging = hadProjects && hasProjects ? Unmatched(previous.Lagging, current.Lagging) : [],
            Signings = previous.Signings,
        };
    }

    /// <summary>
    /// The projects of <paramref name="these"/> that are not in <paramref name="others"/>, in their own order. Two
    /// rows are one project by the rule the engine counts duplicates with: the same normalised 项目代码, or else
    /// (when either lacks a code) the same normalised name and county.
    /// </summary>
    internal static IReadOnlyList<LaggingProject> Unmatched(IReadOnlyList<LaggingProject> these, IReadOnlyList<LaggingProject> others)
    {
        var byCode = new HashSet<string>(others.Count, StringComparer.Ordinal);
        var byName = new Dictionary<(string, string), bool>(others.Count);
        foreach (LaggingProject other in others)
        {
            string? code = ProjectIdentity.NormalizeCode(other.Code);
            if (code is not null)
            {
                byCode.Add(code);
            }

            // Remember whether some project of that name and county has no code: only then can a coded row match by name.
            (string, string) key = (ProjectIdentity.NormalizeNameIn(other.Name, other.County), other.County);
            byName[key] = byName.GetValueOrDefault(key) || code is null;
        }

        var unmatched = new List<LaggingProject>();
        foreach (LaggingProject project in these)
        {
            string? code = ProjectIdentity.NormalizeCode(project.Code);
            string name = ProjectIdentity.NormalizeNameIn(project.Name, project.County);
            bool found = (code is not null && byCode.Contains(code))
                || (name.Length > 0 && byName.TryGetValue((name, project.County), out bool uncodedThere) && (code is null || uncodedThere));
            if (!found)
            {
                unmatched.Add(project);
            }
        }

        return unmatched;
    }
}
