using Microsoft.AspNetCore.Http;

namespace Reporting.Portal.Hosting;

/// <summary>
/// Headers on every answer. A strict Content-Security-Policy: everything from this app, no inline script or style,
/// no frames, no plugins. Pages and data are never cached (a shared office computer must not show the next person
/// a department's submissions from the cache); only the static assets are.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void Apply(HttpResponse response, PathString path)
    {
        IHeaderDictionary headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (path.StartsWithSegments(PortalOptions.BasePath + "/assets", StringComparison.Ordinal))
        {
            headers.CacheControl = "public, max-age=3600";
        }
        else
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
