namespace Reporting.Portal;

/// <summary>How people sign in to the portal.</summary>
public enum PortalSignIn
{
    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web inside the app (the only mode in Azure).</summary>
    EntraId,

    /// <summary>Pick a department or the office on a page: `reporting serve` on loopback only, never in Azure.</summary>
    Development,
}

/// <summary>
/// The portal's settings (<c>Reporting:Portal</c>). Who is who comes from Entra security groups: the office's
/// groups and one group per department. A clerk's department always comes from their sign-in, never from a
/// form field or a URL.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Reporting:Portal";

    /// <summary>Where the portal lives in both hosts; links and cookies are scoped to it.</summary>
    public const string BasePath = "/portal";

    public PortalSignIn SignIn { get; set; } = PortalSignIn.EntraId;

    /// <summary>Entra group object ids whose members are the office (推进办): status, reminders, indicators, briefings.</summary>
    public List<string> OfficeGroups { get; set; } = [];

    /// <summary>Department id → Entra group object id: the members are that department's clerks (填报人).</summary>
    public Dictionary<string, string> DepartmentGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
