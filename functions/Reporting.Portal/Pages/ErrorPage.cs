using Reporting.Portal.Html;
using Reporting.Portal.Identity;

namespace Reporting.Portal.Pages;

internal static class ErrorPage
{
    public static HtmlText Render(string title, string message, PortalUser? user) =>
        Layout.Page(title, user, HtmlText.Of($"""<p class="notice error">{message}</p><p><a href="/portal/">返回首页</a></p>"""));
}
