using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Reporting.Core;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Portal.Html;
using Reporting.Portal.Identity;

namespace Reporting.Portal.Hosting;

/// <summary>What a handler gets: the HTTP context, the signed-in user, the route values, and ways to answer.</summary>
public sealed class PortalRequest(HttpContext context, PortalUser? user, IReadOnlyDictionary<string, string> values, PortalHost host)
{
    private static readonly JsonSerializerOptions s_json = new(ReportingJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public HttpContext Context { get; } = context;

    public PortalHost Host { get; } = host;

    /// <summary>The signed-in user; routes that are not anonymous never run without one.</summary>
    public PortalUser User => user ?? throw new InvalidOperationException("This route requires a signed-in user.");

    public PortalUser? UserOrNull => user;

    public CancellationToken Aborted => Context.RequestAborted;

    public T Service<T>()
        where T : notnull => Context.RequestServices.GetRequiredService<T>();

    public string Value(string name) => values.TryGetValue(name, out string? value) ? value : string.Empty;

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The period named by ?period=YYYY-MM, else the one being reported now (the month before, Beijing time).</summary>
    public ReportingPeriod PeriodOrCurrent(TimeProvider clock) =>
        ReportingPeriod.TryParse(Query("period") ?? string.Empty, out ReportingPeriod period)
            ? period
            : ChinaTime.PeriodReportedOn(ChinaTime.Today(clock));

    /// <summary>A fresh anti-forgery token for the forms and scripts of the page being written.</summary>
    public string CsrfToken() => Service<IAntiforgery>().GetAndStoreTokens(Context).RequestToken ?? string.Empty;

    public Task HtmlAsync(HtmlText page, int status = StatusCodes.Status200OK)
    {
        Context.Response.StatusCode = status;
        Context.Response.ContentType = "text/html; charset=utf-8";
        return Context.Response.WriteAsync(page.Value, Encoding.UTF8, Aborted);
    }

    public Task JsonAsync(object value, int status = StatusCodes.Status200OK)
    {
        Context.Response.StatusCode = status;
        Context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(Context.Response.Body, value, value.GetType(), s_json, Aborted);
    }

    public Task ErrorJsonAsync(int status, string message) => JsonAsync(new ErrorAnswer(message), status);

    /// <summary>A redirect within the portal (the path is always ours: never a URL taken from the request).</summary>
    public Task RedirectAsync(string portalPath)
    {
        Context.Response.StatusCode = StatusCodes.Status303SeeOther;
        Context.Response.Headers.Location = PortalOptions.BasePath + portalPath;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends a file for download. The name goes out sanitised (no path, no control characters, no quotes) in
    /// both the ASCII fallback and the RFC 5987 form, so no uploaded name can break or inject a header.
    /// </summary>
    public async Task FileAsync(Stream content, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        string safe = UploadNames.SanitizeFileName(fileName);
        string ascii = new([.. safe.Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' and not ';' ? c : '_')]);
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = ascii, FileNameStar = safe };
        Context.Response.StatusCode = StatusCodes.Status200OK;
        Context.Response.ContentType = contentType;
        Context.Response.Headers.ContentDisposition = disposition.ToString();
        await using (content.ConfigureAwait(false))
        {
            await content.CopyToAsync(Context.Response.Body, Aborted).ConfigureAwait(false);
        }
    }

    public sealed record ErrorAnswer(string Error);
}
