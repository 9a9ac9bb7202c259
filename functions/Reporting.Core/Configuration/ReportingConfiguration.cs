using Microsoft.Extensions.Configuration;

namespace Reporting.Core.Configuration;

public static class ReportingConfiguration
{
    /// <summary>The defaults file shipped next to the binaries.</summary>
    public const string DefaultsFileName = "reporting.json";

    /// <summary>
    /// Binds <see cref="ReportingOptions"/> from configuration and checks it, so a mistake in
    /// settings fails at start-up with a clear message rather than in a leader's briefing.
    /// </summary>
    public static ReportingOptions Bind(IConfiguration configuration)
    {
        var options = new ReportingOptions();
        configuration.GetSection(ReportingOptions.SectionName).Bind(options);
        Validate(options);
        return options;
    }

    public static void Validate(ReportingOptions options)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DepartmentOptions department in options.Departments)
        {
            if (!DepartmentOptions.IsValidId(department.Id))
            {
                problems.Add($"Department id '{department.Id}' must be lower-case ASCII letters, digits or '-'.");
            }
            else if (!seen.Add(department.Id))
            {
                problems.Add($"Department id '{department.Id}' appears twice.");
            }

            if (string.IsNullOrWhiteSpace(department.Name))
            {
                problems.Add($"Department '{department.Id}' has no name.");
            }
        }

        problems.AddRange(options.Indicators.Problems());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid Reporting configuration: " + string.Join(" ", problems));
        }
    }
}
