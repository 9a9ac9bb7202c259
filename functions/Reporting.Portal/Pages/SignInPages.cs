using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Configuration;
using Reporting.Portal.Hosting;
using Reporting.Portal.Html;
using Reporting.Portal.Identity;

namespace Reporting.Portal.Pages;

/// <summary>
/// Signing in and out. With Entra ID the sign-in page hands over to Microsoft's sign-in; in development mode it
/// lets you pick a department or the office, and only on `reporting serve`, from this computer, outside Azure.
/// </summary>
internal static class SignInPages
{
    public static async Task ShowAsync(PortalRequest request)
    {
        var portal = request.Service<PortalOptions>();
        if (portal.SignIn == PortalSignIn.EntraId)
        {
            if (await request.Service<IAuthenticationSchemeProvider>().GetSchemeAsync(PortalAuthentication.EntraScheme).ConfigureAwait(false) is null)
            {
                await request.HtmlAsync(
                    ErrorPage.Render("尚未配置登录", "报送平台尚未配置统一身份认证（Microsoft Entra ID），请联系系统管理员。", null),
                    StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
                return;
            }

            await request.Context.ChallengeAsync(PortalAuthentication.EntraScheme, new AuthenticationProperties { RedirectUri = PortalOptions.BasePath + "/" })
                .ConfigureAwait(false);
            return;
        }

        if (DevelopmentRefusal(request) is { } refusal)
        {
            await request.HtmlAsync(ErrorPage.Render("无法登录", refusal, null), StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        var reporting = request.Service<ReportingOptions>();
        HtmlText options = HtmlText.Join(reporting.Departments.Select(d => HtmlText.Of($"<option value=\"{d.Id}\">{d.Name}</option>")));
        HtmlText content = HtmlText.Of($"""
            <p class="notice warning">开发模式：选择一个单位或推进办即可登录，不经过统一身份认证。此页面只在本机运行的 reporting serve 中出现，部署到 Azure 后不可用。</p>
            <form method="post" action="/portal/signin" class="card signin">
              <input type="hidden" name="__csrf" value="{request.CsrfToken()}">
              <label for="account">登录身份</label>
              <select id="account" name="account" required>
                <option value="office">推进办（查看各单位报送情况、指标和简报）</option>
                <optgroup label="报送单位（填报人）">{options}</optgroup>
              </select>
              <button type="submit" class="primary">登录</button>
            </form>
            """);
        await request.HtmlAsync(Layout.Page("登录", null, content)).ConfigureAwait(false);
    }

    public static async Task DevelopmentSignInAsync(PortalRequest request)
    {
        var portal = request.Service<PortalOptions>();
        if (portal.SignIn != PortalSignIn.Development || DevelopmentRefusal(request) is not null)
        {
            await request.HtmlAsync(ErrorPage.Render("无法登录", DevelopmentRefusal(request) ?? "此环境使用统一身份认证登录。", null), StatusCodes.Status403Forbidden)
                .ConfigureAwait(false);
            return;
        }

        IFormCollection form = await request.Context.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        string account = form["account"].ToString();
        var reporting = request.Service<ReportingOptions>();
        DepartmentOptions? department = reporting.FindDepartment(account);
        if (account != "office" && department is null)
        {
            await request.HtmlAsync(ErrorPage.Render("无法登录", "请选择一个单位。", null), StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        PortalRole role = account == "office" ? PortalRole.Office : PortalRole.Clerk;
        await request.Context.SignInAsync(PortalAuthentication.CookieScheme, PortalClaims.Development(PortalAuthentication.CookieScheme, role, department))
            .ConfigureAwait(false);
        await request.RedirectAsync(role == PortalRole.Office ? "/office" : "/").ConfigureAwait(false);
    }

    public static async Task SignOutAsync(PortalRequest request)
    {
        await request.Context.SignOutAsync(PortalAuthentication.CookieScheme).ConfigureAwait(false);
        await request.HtmlAsync(Layout.Page("已退出", null, HtmlText.Of($"""<p>您已退出报送平台。<a href="/portal/signin">重新登录</a></p>"""))).ConfigureAwait(false);
    }

    /// <summary>Why the development sign-in may not be offered here, or null when it may.</summary>
    internal static string? DevelopmentRefusal(PortalRequest request)
    {
        if (DevelopmentRefusal(request.Host) is { } refusal)
        {
            return refusal;
        }

        ConnectionInfo connection = request.Context.Connection;
        bool loopback = connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local);
        return loopback ? null : "开发模式登录只接受本机（127.0.0.1）的访问。";
    }

    /// <summary>Why this host may never offer the development sign-in (the Functions app, anything in Azure), or null.</summary>
    internal static string? DevelopmentRefusal(PortalHost host) =>
        AzureEnvironment.IsAzure || host != PortalHost.Kestrel
            ? "开发模式登录只能在本机运行的 reporting serve 中使用，Azure 中的报送平台使用统一身份认证。"
            : null;
}
