using Reporting.Portal.Hosting;
using Reporting.Portal.Html;
using Reporting.Portal.Identity;

namespace Reporting.Portal.Pages;

internal static class ErrorPage
{
    /// <summary>An error page in the frame of the signed-in user's pages (their navigation and the sign-out button).</summary>
    public static HtmlText Render(PortalRequest request, string title, string message) =>
        Render(title, message, request.UserOrNull, request.UserOrNull is null ? null : request.CsrfToken());

    public static HtmlText Render(string title, string message, PortalUser? user, string? csrfToken = null) =>
        Layout.Page(title, user, HtmlText.Of($"""<p class="notice error" role="alert">{message}</p><p><a href="/portal/">返回首页</a></p>"""), csrfToken);
}
