using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reporting.Core.Configuration;
using Reporting.Portal.Identity;
using Reporting.Portal.Pages;

namespace Reporting.Portal.Hosting;

/// <summary>
/// The portal as one request handler, called by both hosts with the raw <see cref="HttpContext"/>: the Functions
/// app's HTTP trigger and `reporting serve` on Kestrel. What a web framework's middleware would do is done here,
/// once, so neither host can forget a step: security headers, the sign-in callback, authentication, the route
/// table, who may call what, cross-site request forgery checks, and a Chinese error page instead of a stack trace.
/// </summary>
public sealed class PortalApp
{
    private readonly IReadOnlyList<PortalRoute> _routes;
    private readonly PortalOptions _portal;
    private readonly ILogger<PortalApp> _logger;

    public PortalApp(PortalRoutes routes, PortalOptions portal, ILogger<PortalApp> logger)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = routes.All;
        _portal = portal;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context, PortalHost host)
    {
        ArgumentNullException.ThrowIfNull(context);
        SecurityHeaders.Apply(context.Response, context.Request.Path);
        try
        {
            await DispatchAsync(context, host).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(e, "Portal request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SecurityHeaders.Apply(context.Response, context.Request.Path);
                var request = new PortalRequest(context, null, new Dictionary<string, string>(), host);
                await (WantsJson(context)
                    ? request.ErrorJsonAsync(StatusCodes.Status500InternalServerError, "服务器内部错误，已记录日志，请稍后重试。")
                    : request.HtmlAsync(ErrorPage.Render("出错了", "服务器内部错误，已记录日志，请稍后重试。如一直出现，请联系推进办。", null), StatusCodes.Status500InternalServerError))
                    .ConfigureAwait(false);
            }
        }
    }

    private async Task DispatchAsync(HttpContext context, PortalHost host)
    {
        // The sign-in callback (/portal/signin-oidc) is handled by its authentication handler, as ASP.NET Core's
        // authentication middleware would do.
        var schemes = context.RequestServices.GetService(typeof(IAuthenticationSchemeProvider)) as IAuthenticationSchemeProvider;
        var handlers = context.RequestServices.GetService(typeof(IAuthenticationHandlerProvider)) as IAuthenticationHandlerProvider;
        if (schemes is not null && handlers is not null)
        {
            foreach (AuthenticationScheme scheme in await schemes.GetRequestHandlerSchemesAsync().ConfigureAwait(false))
            {
                if (await handlers.GetHandlerAsync(context, scheme.Name).ConfigureAwait(false) is IAuthenticationRequestHandler handler
                    && await handler.HandleRequestAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        string path = RelativePath(context.Request.Path);
        PortalRoute? route = null;
        Dictionary<string, string> values = [];
        foreach (PortalRoute candidate in _routes)
        {
            if (candidate.TryMatch(context.Request.Method, path, out values))
            {
                route = candidate;
                break;
            }
        }

        PortalUser? user = null;
        string? refusal = null;
        AuthenticateResult authentication = await context.AuthenticateAsync(PortalAuthentication.CookieScheme).ConfigureAwait(false);
        if (authentication.Succeeded)
        {
            context.User = authentication.Principal;
            var reporting = (ReportingOptions)context.RequestServices.GetService(typeof(ReportingOptions))!;
            (user, refusal) = PortalClaims.ToUser(authentication.Principal, _portal, reporting);

            // The key ring that signs the cookie lives in the store, which `reporting serve` may share with the Functions
            // app: a development sign-in's cookie counts only where it can be issued.
            if (user is { Development: true } && SignInPages.DevelopmentRefusal(host) is not null)
            {
                (user, refusal) = (null, "开发模式的登录在此环境无效，请重新登录。");
            }
        }

        var request = new PortalRequest(context, user, values, host);
        if (route is null)
        {
            await NotFoundAsync(request, WantsJson(context)).ConfigureAwait(false);
            return;
        }

        if (route.Access != PortalAccess.Anonymous && user is null)
        {
            if (route.Json)
            {
                await request.ErrorJsonAsync(StatusCodes.Status401Unauthorized, refusal ?? "请先登录。").ConfigureAwait(false);
            }
            else if (refusal is not null)
            {
                await request.HtmlAsync(ErrorPage.Render("无法使用报送平台", refusal, null), StatusCodes.Status403Forbidden).ConfigureAwait(false);
            }
            else
            {
                await request.RedirectAsync("/signin").ConfigureAwait(false);
            }

            return;
        }

        if ((route.Access == PortalAccess.Office && user is { IsOffice: false }) || (route.Access == PortalAccess.Clerk && user is { IsOffice: true }))
        {
            string message = route.Access == PortalAccess.Office ? "此页面仅供推进办使用。" : "此页面供各报送单位的填报人使用。";
            await (route.Json
                ? request.ErrorJsonAsync(StatusCodes.Status403Forbidden, message)
                : request.HtmlAsync(ErrorPage.Render(request, "没有权限", message), StatusCodes.Status403Forbidden)).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && await CsrfRefusalAsync(context).ConfigureAwait(false) is { } csrf)
        {
            _logger.LogWarning("Portal refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, csrf);
            await (route.Json || WantsJson(context)
                ? request.ErrorJsonAsync(StatusCodes.Status400BadRequest, "页面已过期或请求来源不明，请刷新页面后重试。")
                : request.HtmlAsync(ErrorPage.Render(request, "请刷新页面", "页面已过期或请求来源不明，请刷新页面后重试。"), StatusCodes.Status400BadRequest)).ConfigureAwait(false);
            return;
        }

        await route.Handle(request).ConfigureAwait(false);
    }

    /// <summary>
    /// State-changing requests must come from our own pages: the Origin (when the browser sends one) is this
    /// site, and the anti-forgery token (header for scripts, form field for forms) matches the signed cookie.
    /// </summary>
    private static async Task<string?> CsrfRefusalAsync(HttpContext context)
    {
        string? origin = context.Request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin) && origin != "null"
            && (!Uri.TryCreate(origin, UriKind.Absolute, out Uri? originUri)
                || !string.Equals(originUri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return $"cross-site origin {origin}";
        }

        // A script's request carries the token in a header. A multipart body without one is refused unread: looking for a
        // form field would make the anti-forgery check buffer the whole upload before the size limit is applied.
        if (context.Request.HasFormContentType && !context.Request.Headers.ContainsKey(PortalAuthentication.CsrfHeaderName)
            && context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "multipart request without the anti-forgery header";
        }

        var antiforgery = (IAntiforgery)context.RequestServices.GetService(typeof(IAntiforgery))!;
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
            return null;
        }
        catch (AntiforgeryValidationException e)
        {
            return e.Message;
        }
    }

    private static Task NotFoundAsync(PortalRequest request, bool json) => json
        ? request.ErrorJsonAsync(StatusCodes.Status404NotFound, "没有这个页面。")
        : request.HtmlAsync(ErrorPage.Render(request, "没有这个页面", "地址可能有误，请从首页进入。"), StatusCodes.Status404NotFound);

    private static bool WantsJson(HttpContext context) =>
        context.Request.Path.StartsWithSegments(PortalOptions.BasePath + "/api", StringComparison.Ordinal)
        || context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static string RelativePath(PathString path) =>
        path.StartsWithSegments(PortalOptions.BasePath, StringComparison.Ordinal, out PathString rest) ? (rest.HasValue ? rest.Value! : "/") : path.Value ?? "/";
}
