using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;
using Reporting.Infrastructure;
using Reporting.Portal;
using Reporting.Portal.Identity;

namespace Reporting.Tests.Portal;

/// <summary>
/// Who a sign-in makes someone (<see cref="PortalClaims.ToUser"/>): with Entra ID the role and department come from the
/// token's groups and the configured mapping alone; the development sign-in's own claims count only in development mode.
/// </summary>
public sealed class PortalClaimsTests
{
    private const string OfficeGroup = "0f1e2d3c-office";
    private const string AnyuanGroup = "a1a1a1a1-anyuan";
    private const string SwjGroup = "b2b2b2b2-swj";

    private static readonly ReportingOptions s_reporting = ReportingConfiguration.Bind(new ConfigurationBuilder().AddReportingDefaults().Build());

    private static PortalOptions Entra => new()
    {
        SignIn = PortalSignIn.EntraId,
        OfficeGroups = [OfficeGroup],
        DepartmentGroups = new(StringComparer.OrdinalIgnoreCase) { ["anyuan"] = AnyuanGroup, ["swj"] = SwjGroup },
    };

    [Fact]
    public void A_member_of_an_office_group_is_the_office_even_if_also_in_a_department_group()
    {
        (PortalUser? user, string? refusal) = PortalClaims.ToUser(Signed("王主任", OfficeGroup, AnyuanGroup), Entra, s_reporting);
        Assert.Null(refusal);
        Assert.Equal(new PortalUser("王主任", PortalRole.Office, null, null, Development: false), user);
    }

    [Fact]
    public void A_member_of_one_department_group_is_that_departments_clerk()
    {
        (PortalUser? user, string? refusal) = PortalClaims.ToUser(Signed("李填报", "some-other-group", AnyuanGroup.ToUpperInvariant()), Entra, s_reporting);
        Assert.Null(refusal);
        Assert.Equal(new PortalUser("李填报", PortalRole.Clerk, "anyuan", "安源区", Development: false), user);
    }

    [Fact]
    public void A_sign_in_with_no_mapped_group_is_refused_with_a_reason()
    {
        (PortalUser? user, string? refusal) = PortalClaims.ToUser(Signed("张三", "some-other-group"), Entra, s_reporting);
        Assert.Null(user);
        Assert.Contains("尚未分配到任何报送单位或推进办", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_of_two_department_groups_is_refused_naming_both()
    {
        (PortalUser? user, string? refusal) = PortalClaims.ToUser(Signed("赵六", AnyuanGroup, SwjGroup), Entra, s_reporting);
        Assert.Null(user);
        Assert.Contains("2个报送单位", refusal, StringComparison.Ordinal);
        Assert.Contains("安源区", refusal, StringComparison.Ordinal);
        Assert.Contains("市商务局", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PortalRole.Office, null)]
    [InlineData(PortalRole.Clerk, "anyuan")]
    public void Development_claims_are_refused_in_entra_id_mode(PortalRole role, string? department)
    {
        ClaimsPrincipal development = PortalClaims.Development("cookie", role, department is null ? null : s_reporting.FindDepartment(department));
        (PortalUser? user, string? refusal) = PortalClaims.ToUser(development, Entra, s_reporting);
        Assert.Null(user);
        Assert.Contains("开发模式的登录在此环境无效", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_claims_name_the_office_or_a_configured_department_in_development_mode()
    {
        var development = new PortalOptions { SignIn = PortalSignIn.Development };
        Assert.Equal(PortalRole.Office, PortalClaims.ToUser(PortalClaims.Development("cookie", PortalRole.Office, null), development, s_reporting).User!.Role);
        PortalUser clerk = PortalClaims.ToUser(PortalClaims.Development("cookie", PortalRole.Clerk, s_reporting.FindDepartment("swj")), development, s_reporting).User!;
        Assert.Equal(("swj", "市商务局", true), (clerk.DepartmentId, clerk.DepartmentName, clerk.Development));

        ClaimsPrincipal unknown = PortalClaims.Development("cookie", PortalRole.Clerk, new DepartmentOptions { Id = "nosuch", Name = "不存在" });
        Assert.Equal((null, "所选单位不在配置中。"), PortalClaims.ToUser(unknown, development, s_reporting));
    }

    [Fact]
    public void Group_claims_in_development_mode_still_map_through_the_configured_groups()
    {
        // A sign-in without the development marker is judged by its groups in every mode: a role claim of its own counts for nothing.
        ClaimsPrincipal forged = Signed("伪造", "some-other-group");
        ((ClaimsIdentity)forged.Identity!).AddClaim(new Claim(PortalClaims.RoleClaim, nameof(PortalRole.Office)));
        PortalOptions portal = Entra;
        portal.SignIn = PortalSignIn.Development;
        Assert.Null(PortalClaims.ToUser(forged, portal, s_reporting).User);
    }

    [Fact]
    public void An_unauthenticated_principal_is_nobody_without_a_reason()
    {
        Assert.Equal((null, null), PortalClaims.ToUser(new ClaimsPrincipal(new ClaimsIdentity()), Entra, s_reporting));
    }

    private static ClaimsPrincipal Signed(string name, params string[] groups) =>
        new(new ClaimsIdentity([new Claim("name", name), .. groups.Select(g => new Claim("groups", g))], "EntraId"));
}
