using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators;

/// <summary>A project row together with the department whose submission it came from.</summary>
public sealed record CountedProject(ProjectRecord Record, string Department);

/// <summary>
/// Counts a project reported in two submissions once. Rows within one submission are not
/// merged here: ingestion already warned the clerk about those, and the engine counts what
/// the department confirmed. Across submissions the copy from the most recent submission
/// wins and a <see cref="RuleIds.ProjectDuplicate"/> warning names both departments.
/// </summary>
internal static class ProjectDeduplicator
{
    /// <param name="newestFirst">The projects datasets, most recent submission first.</param>
    public static (IReadOnlyList<CountedProject> Kept, IReadOnlyList<Finding> Warnings) Deduplicate(
        IReadOnlyList<Dataset> newestFirst, Func<string, string> departmentName)
    {
        var kept = new List<CountedProject>();
        var warnings = new List<Finding>();
        var byCode = new Dictionary<string, CountedProject>(StringComparer.Ordinal);
        var byName = new Dictionary<(string Name, string County), CountedProject>();

        foreach (Dataset dataset in newestFirst)
        {
            // Keys registered by this submission become visible only to later (older) ones.
            var pendingCodes = new List<(string, CountedProject)>();
            var pendingNames = new List<((string, string), CountedProject)>();
            foreach (ProjectRecord record in dataset.Projects)
            {
                string? code = ProjectIdentity.NormalizeCode(record.Code);
                (string, string) nameKey = (ProjectIdentity.NormalizeName(record.Name), record.County);
                CountedProject? winner = FindEarlier(code, nameKey, byCode, byName);
                if (winner is not null)
                {
                    warnings.Add(DuplicateWarning(record, dataset.Department, winner, departmentName));
                    continue;
                }

                var counted = new CountedProject(record, dataset.Department);
                kept.Add(counted);
                if (code is not null)
                {
                    pendingCodes.Add((code, counted));
                }

                pendingNames.Add((nameKey, counted));
            }

            foreach ((string code, CountedProject counted) in pendingCodes)
            {
                byCode.TryAdd(code, counted);
            }

            foreach (((string, string) key, CountedProject counted) in pendingNames)
            {
                byName.TryAdd(key, counted);
            }
        }

        return (kept, warnings);
    }

    // Same code, or else (when either row lacks a code) the same normalised name and county.
    // Two different codes are two projects even when the names match.
    private static CountedProject? FindEarlier(
        string? code,
        (string, string) nameKey,
        Dictionary<string, CountedProject> byCode,
        Dictionary<(string, string), CountedProject> byName)
    {
        if (code is not null && byCode.TryGetValue(code, out CountedProject? sameCode))
        {
            return sameCode;
        }

        if (nameKey.Item1.Length > 0 && byName.TryGetValue(nameKey, out CountedProject? sameName))
        {
            string? otherCode = ProjectIdentity.NormalizeCode(sameName.Record.Code);
            if (code is null || otherCode is null)
            {
                return sameName;
            }
        }

        return null;
    }

    private static Finding DuplicateWarning(ProjectRecord dropped, string droppedDepartment, CountedProject winner, Func<string, string> departmentName)
    {
        string keptBy = departmentName(winner.Department);
        string droppedBy = departmentName(droppedDepartment);
        string how = ProjectIdentity.NormalizeCode(dropped.Code) is { } code && code == ProjectIdentity.NormalizeCode(winner.Record.Code)
            ? $"项目代码相同（{dropped.Code}）"
            : "项目名称和县区相同";
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
