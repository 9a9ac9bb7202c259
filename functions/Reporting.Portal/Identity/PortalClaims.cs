using System.Security.Claims;
using Reporting.Core.Configuration;

namespace Reporting.Portal.Identity;

/// <summary>
/// Turns a signed-in principal into a <see cref="PortalUser"/>. With Entra ID the role and department come
/// from the token's <c>groups</c> claim and the configured group mapping alone; the development sign-in's own
/// claims are honoured only when the portal runs in development mode.
/// </summary>
public static class PortalClaims
{
    public const string RoleClaim = "reporting:role";
    public const string DepartmentClaim = "reporting:department";
    public const string DevelopmentClaim = "reporting:development";

    private const string GroupsClaim = "groups";

    /// <summary>The user, or null with the reason (in Chinese, for the page) when the sign-in grants no access.</summary>
    public static (PortalUser? User, string? Refusal) ToUser(ClaimsPrincipal principal, PortalOptions portal, ReportingOptions reporting)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(reporting);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return (null, null);
        }

        string name = principal.FindFirst("name")?.Value ?? principal.FindFirst(ClaimTypes.Name)?.Value
            ?? principal.FindFirst("preferred_username")?.Value ?? "未知用户";
        bool development = principal.HasClaim(DevelopmentClaim, "true");
        if (development)
        {
            if (portal.SignIn != PortalSignIn.Development)
            {
                return (null, "开发模式的登录在此环境无效，请重新登录。");
            }

            string? role = principal.FindFirst(RoleClaim)?.Value;
            if (role == nameof(PortalRole.Office))
            {
                return (new PortalUser(name, PortalRole.Office, null, null, Development: true), null);
            }

            string? id = principal.FindFirst(DepartmentClaim)?.Value;
            return reporting.FindDepartment(id ?? string.Empty) is { } chosen
                ? (new PortalUser(name, PortalRole.Clerk, chosen.Id, chosen.Name, Development: true), null)
                : (null, "所选单位不在配置中。");
        }

        HashSet<string> groups = principal.FindAll(GroupsClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (portal.OfficeGroups.Any(groups.Contains))
        {
            return (new PortalUser(name, PortalRole.Office, null, null, Development: false), null);
        }

        List<DepartmentOptions> departments = [.. reporting.Departments.Where(d =>
            portal.DepartmentGroups.TryGetValue(d.Id, out string? group) && groups.Contains(group))];
        return departments.Count switch
        {
            1 => (new PortalUser(name, PortalRole.Clerk, departments[0].Id, departments[0].Name, Development: false), null),
            0 => (null, "您的账号尚未分配到任何报送单位或推进办，请联系推进办开通。"),
            _ => (null, $"您的账号同时属于{departments.Count}个报送单位（{string.Join("、", departments.Select(d => d.Name))}），无法确定代表哪个单位报送，请联系推进办调整。"),
        };
    }

    /// <summary>The principal the development sign-in issues for a department or the office.</summary>
    public static ClaimsPrincipal Development(string scheme, PortalRole role, DepartmentOptions? department)
    {
        string name = role == PortalRole.Office ? "推进办（开发模式）" : $"{department?.Name}填报人（开发模式）";
        var claims = new List<Claim>
        {
            new("name", name),
            new(RoleClaim, role.ToString()),
            new(DevelopmentClaim, "true"),
        };
        if (department is not null)
        {
            claims.Add(new Claim(DepartmentClaim, department.Id));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, "name", RoleClaim));
    }
}
