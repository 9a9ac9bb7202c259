using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators;

/// <summary>A project row together with the department whose submission it came from.</summary>
public sealed record CountedProject(ProjectRecord Record, string Department);

/// <summary>
/// Counts a project reported in two submissions once, by <see cref="ProjectIdentity"/>'s rule (the one the
/// in-file check uses). Rows within one submission are not merged here: ingestion already counted a row
/// repeated in one file once (or refused the file when the copies disagreed). Across submissions the copy
/// from the most recent submission wins and a <see cref="RuleIds.ProjectDuplicate"/> warning names both departments.
/// </summary>
internal static class ProjectDeduplicator
{
    /// <param name="newestFirst">The projects datasets, most recent submission first.</param>
    public static (IReadOnlyList<CountedProject> Kept, IReadOnlyList<Finding> Warnings) Deduplicate(
        IReadOnlyList<Dataset> newestFirst, Func<string, string> departmentName)
    {
        // Sized once: growing to 100,000 keys rehashes every key many times over.
        int total = newestFirst.Sum(d => d.Projects.Count);
        var kept = new List<CountedProject>(total);
        var warnings = new List<Finding>();
        var seen = new ProjectIndex<CountedProject>(total);

        for (int d = 0; d < newestFirst.Count; d++)
        {
            Dataset dataset = newestFirst[d];

            // Keys registered by this submission become visible only to later (older) ones; the oldest
            // registers nothing, and the newest has nothing to look up.
            bool register = d < newestFirst.Count - 1;
            bool lookUp = !seen.IsEmpty;
            var pending = new List<(ProjectKey, CountedProject)>(register ? dataset.Projects.Count : 0);
            foreach (ProjectRecord record in dataset.Projects)
            {
                ProjectKey key = ProjectIdentity.KeyOf(record);
                CountedProject? winner = null;
                IdentityMatch match = lookUp ? seen.Find(key, out winner) : IdentityMatch.None;
                if (ProjectIdentity.IsSameProject(match))
                {
                    warnings.Add(DuplicateWarning(record, dataset.Department, winner!, match, departmentName));
                    continue;
                }

                var counted = new CountedProject(record, dataset.Department);
                kept.Add(counted);
                if (register)
                {
                    pending.Add((key, counted));
                }
            }

            foreach ((ProjectKey key, CountedProject counted) in pending)
            {
                seen.Add(key, counted);
            }
        }

        return (kept, warnings);
    }

    private static Finding DuplicateWarning(ProjectRecord dropped, string droppedDepartment, CountedProject winner, IdentityMatch match, Func<string, string> departmentName)
    {
        string keptBy = departmentName(winner.Department);
        string droppedBy = departmentName(droppedDepartment);
        string how = match == IdentityMatch.SameCode ? $"项目代码相同（{dropped.Code}）" : "项目名称和县区相同";
        return new Finding
        {
            Severity = Severity.Warning,
            RuleId = RuleIds.ProjectDuplicate,
            Message = $"项目“{dropped.Name}”同时出现在{keptBy}（{winner.Record.Source.Sheet}第{winner.Record.Source.Row}行）"
                + $"和{droppedBy}（{dropped.Source.Sheet}第{dropped.Source.Row}行）的报表中，{how}，"
                + $"只计一次，采用最近报送的{keptBy}的数据。",
            Sheet = dropped.Source.Sheet,
            Header = "项目名称",
            Value = dropped.Name,
        };
    }
}
