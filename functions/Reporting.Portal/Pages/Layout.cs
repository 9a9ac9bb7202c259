using Reporting.Portal.Html;
using Reporting.Portal.Identity;

namespace Reporting.Portal.Pages;

/// <summary>The frame of every page: title, who is signed in, the navigation for their role, and the page's content.</summary>
internal static class Layout
{
    public const string SiteName = "重大项目调度报送平台";

    public static HtmlText Page(string title, PortalUser? user, HtmlText content, string? csrfToken = null, string? current = null)
    {
        HtmlText banner = user is { Development: true }
            ? HtmlText.Of($"<div class=\"dev-banner\" role=\"note\">开发模式：本机演示登录，不经过统一身份认证，仅限本机访问。</div>")
            : HtmlText.Empty;
        HtmlText signOut = csrfToken is null
            ? HtmlText.Empty
            : HtmlText.Of($"""
                <form method="post" action="/portal/signout" class="inline">
                  <input type="hidden" name="__csrf" value="{csrfToken}">
                  <button type="submit" class="link">退出</button>
                </form>
                """);
        HtmlText account = user is null
            ? HtmlText.Empty
            : HtmlText.Of($"""<div class="account"><span class="who">{user.Name}{(user.DepartmentName is null || user.Name.StartsWith(user.DepartmentName, StringComparison.Ordinal) ? "" : "（" + user.DepartmentName + "）")}</span>{signOut}</div>""");
        HtmlText navigation = user is null ? HtmlText.Empty : Navigation(user, current);
        HtmlText csrfMeta = csrfToken is null ? HtmlText.Empty : HtmlText.Of($"<meta name=\"csrf-token\" content=\"{csrfToken}\">");
        return HtmlText.Of($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="no-referrer">
              {csrfMeta}
              <title>{title} · {SiteName}</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/portal/assets/portal.css">
              <script src="/portal/assets/portal.js" defer></script>
            </head>
            <body>
              <a class="skip" href="#main">跳到正文</a>
              {banner}
              <header class="site">
                <div class="brand"><a href="/portal/">{SiteName}</a></div>
                {account}
              </header>
              {navigation}
              <main id="main" tabindex="-1">
                <h1>{title}</h1>
                {content}
              </main>
              <footer class="site">数据来自各单位报送的调度表，以最后一次通过校验的报送为准。</footer>
            </body>
            </html>
            """);
    }

    private static HtmlText Navigation(PortalUser user, string? current)
    {
        (string Href, string Label, string Key)[] items = user.IsOffice
            ? [("/portal/office", "报送情况", "status"), ("/portal/office/indicators", "指标", "indicators"), ("/portal/office/briefings", "简报", "briefings")]
            : [("/portal/", "本月报送", "home")];
        return HtmlText.Of($"""
            <nav class="site" aria-label="主导航"><ul>{items.Select(i => HtmlText.Of(
                $"<li><a href=\"{i.Href}\"{(i.Key == current ? HtmlText.Trusted(" aria-current=\"page\"") : HtmlText.Empty)}>{i.Label}</a></li>"))}</ul></nav>
            """);
    }
}
