using System.Diagnostics;
using System.Reflection;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Hostile;

/// <summary>
/// What must hold for every file, however broken: reading returns (never throws), the answer is
/// accepted or names its rule, and what is accepted is sound. Returns the violations, empty when none.
/// </summary>
internal static class IngestionInvariants
{
    private static readonly HashSet<string> s_ruleIds = [.. typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    /// <param name="wellFormed">The package itself is valid (only cell values were changed): a file.unreadable answer is then a bug.</param>
    public static List<string> Violations(IngestionOutcome outcome, ReportingOptions options, bool wellFormed = false)
    {
        var problems = new List<string>();
        if (outcome.Accepted)
        {
            CheckAccepted(outcome, options, problems);
        }
        else
        {
            if (outcome.ErrorCount < 1 || !outcome.Findings.Any(f => f.Severity == Severity.Error))
            {
                problems.Add($"rejected without an error finding ({outcome.ErrorCount} errors)");
            }
        }

        foreach (Finding finding in outcome.Findings)
        {
            if (!s_ruleIds.Contains(finding.RuleId))
            {
                problems.Add($"finding with unknown rule id '{finding.RuleId}'");
            }

            if (string.IsNullOrWhiteSpace(finding.Message) || !finding.Message.Any(c => c >= '\u4E00' && c <= '\u9FFF'))
            {
                problems.Add($"finding {finding.RuleId} without a Chinese message: '{finding.Message}'");
            }
        }

        if (outcome.Fault is Exception fault && OurOwn(fault))
        {
            problems.Add($"our code threw {fault.GetType().Name}: {fault.Message}\n{fault.StackTrace}");
        }

        if (wellFormed && outcome.Findings.Any(f => f.RuleId == RuleIds.FileUnreadable))
        {
            problems.Add($"a well-formed package was answered file.unreadable ({outcome.Fault?.GetType().Name}: {outcome.Fault?.Message})");
        }

        return problems;
    }

    private static void CheckAccepted(IngestionOutcome outcome, ReportingOptions options, List<string> problems)
    {
        if (outcome.ErrorCount != 0 || outcome.Findings.Any(f => f.Severity == Severity.Error))
        {
            problems.Add("accepted with errors");
        }

        if (outcome.Period is null || outcome.DepartmentId is null)
        {
            problems.Add("accepted without period or department");
        }

        if (outcome.Projects.Count + outcome.Signings.Count + outcome.Metrics.Count == 0)
        {
            problems.Add("accepted without records");
        }

        HashSet<string> counties = [.. options.Ingestion.EffectiveCounties().Select(c => c.Name)];
        HashSet<string> fields = [.. options.Ingestion.EffectiveFields().Select(f => f.Name)];
        foreach (ProjectRecord p in outcome.Projects)
        {
            Amount(problems, "annualPlan", p.AnnualPlan, p.Source);
            Amount(problems, "completed", p.Completed, p.Source);
            Amount(problems, "totalInvestment", p.TotalInvestment, p.Source);
            if (!counties.Contains(p.County) || !fields.Contains(p.Field) || string.IsNullOrWhiteSpace(p.Name))
            {
                problems.Add($"project at {p.Source} with county '{p.County}', field '{p.Field}', name '{p.Name}'");
            }
        }

        foreach (SigningRecord s in outcome.Signings)
        {
            Amount(problems, "amount", s.Amount, s.Source);
            Amount(problems, "foreignAmountUsd", s.ForeignAmountUsd, s.Source);
            if (!counties.Contains(s.County) || string.IsNullOrWhiteSpace(s.Name))
            {
                problems.Add($"signing at {s.Source} with county '{s.County}', name '{s.Name}'");
            }
        }

        foreach (MetricRecord m in outcome.Metrics)
        {
            foreach (decimal? value in (decimal?[])[m.Value, m.Prior, m.YoyReported, m.Share, m.SharePrior])
            {
                if (value is decimal v && Math.Abs(v) >= 1_000_000_000_000m)
                {
                    problems.Add($"metric '{m.Name}' at {m.Source} with value {v} beyond 10^12");
                }
            }

            if (string.IsNullOrWhiteSpace(m.Name))
            {
                problems.Add($"metric at {m.Source} without a name");
            }
        }
    }

    // An amount is a decimal, so finite by construction; the rules say investment and signed amounts are never negative.
    private static void Amount(List<string> problems, string field, decimal? value, SourceRef source)
    {
        if (value is decimal v && (v < 0m || v >= 1_000_000_000_000m))
        {
            problems.Add($"{field} {v} at {source}");
        }
    }

    /// <summary>
    /// Whether the exception came from Reporting.Core rather than from a parser refusing corrupt bytes:
    /// the first frame outside the runtime's own assemblies decides.
    /// </summary>
    public static bool OurOwn(Exception exception)
    {
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            string? assembly = frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name;
            if (assembly is null || assembly.StartsWith("System.", StringComparison.Ordinal) || assembly is "System" or "netstandard" or "mscorlib")
            {
                continue;
            }

            return assembly == "Reporting.Core";
        }

        return false;
    }
}
