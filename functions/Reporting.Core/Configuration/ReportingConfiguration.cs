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
        ApplyContacts(options);
        Validate(options);
        return options;
    }

    private static void ApplyContacts(ReportingOptions options)
    {
        foreach ((string id, string contact) in options.Contacts)
        {
            if (options.FindDepartment(id) is { } department)
            {
                department.Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
            }
        }
    }

    public static void Validate(ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (string id in options.Contacts.Keys.Where(id => options.FindDepartment(id) is null))
        {
            problems.Add($"Contacts names department '{id}', which is not configured.");
        }

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
        problems.AddRange(options.Briefing.Problems());
        problems.AddRange(options.Mailbox.Problems(options));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid Reporting configuration: " + string.Join(" ", problems));
        }
    }
}
