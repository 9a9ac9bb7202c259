using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reporting.IntegrationTests.Portal;

/// <summary>What the upload endpoint answered (POST /portal/api/uploads), as a script would read it.</summary>
public sealed record PortalUpload(
    string Id, string Status, bool AlreadyProcessed, int Projects, int Signings, int Metrics, IReadOnlyList<JsonElement> Findings, string Details, string? Annotated, string Original)
{
    public bool Accepted => Status is "accepted" or "acceptedWithWarnings";
}

/// <summary>
/// One person at one browser, without the browser: an HTTP client with its own cookie jar that never follows
/// redirects (the tests look at them), signs in through the development sign-in page as a person would
/// (anti-forgery token from the form), and keeps the page's anti-forgery token for its scripts' requests.
/// </summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public PortalClient(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _handler = new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false };
        Http = new HttpClient(_handler) { BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The anti-forgery token of the last page read after signing in (what portal.js sends as X-CSRF-TOKEN).</summary>
    public string Token { get; private set; } = string.Empty;

    /// <summary>Signs in as "office" or a department id, then reads the home page for a token bound to the new user.</summary>
    public async Task<PortalClient> SignInAsync(string account)
    {
        string page = await GetStringAsync("/portal/signin");
        using HttpResponseMessage signedIn = await PostFormAsync("/portal/signin", new() { ["account"] = account }, FormToken(page));
        Assert.True(signedIn.StatusCode == HttpStatusCode.SeeOther, $"sign-in as {account}: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        string home = await GetStringAsync(signedIn.Headers.Location!.OriginalString);
        Token = MetaToken(home);
        return this;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return SendAndDisposeAsync(request);
    }

    /// <summary>GET that must answer 200; the body.</summary>
    public async Task<string> GetStringAsync(string path)
    {
        using HttpResponseMessage response = await GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location} {body}");
        return body;
    }

    /// <summary>A form post as a page's form sends it: the token in the __csrf field (none when null).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? token, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (token is not null)
        {
            fields["__csrf"] = token;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return SendAndDisposeAsync(request);
    }

    /// <summary>
    /// An upload as portal.js sends it: multipart with the period first, then the file; the token in X-CSRF-TOKEN
    /// (<see cref="Token"/> unless given; none when <paramref name="withToken"/> is false).
    /// </summary>
    public Task<HttpResponseMessage> UploadAsync(
        string fileName, byte[] content, string? period = "2022-12", string path = "/portal/api/uploads", bool withToken = true, string? token = null,
        string? origin = null, IReadOnlyDictionary<string, string>? extraFields = null)
    {
        var form = new MultipartFormDataContent();
        if (period is not null)
        {
            form.Add(new StringContent(period), "period");
        }

        foreach (KeyValuePair<string, string> field in extraFields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(field.Value), field.Key);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", token ?? Token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        request.Headers.Accept.ParseAdd(path.Contains("/api/", StringComparison.Ordinal) ? "application/json" : "text/html");
        return SendAndDisposeAsync(request);
    }

    /// <summary>An upload that must be answered 200; the answer.</summary>
    public async Task<PortalUpload> UploadJsonAsync(string fileName, byte[] content, string? period = "2022-12")
    {
        using HttpResponseMessage response = await UploadAsync(fileName, content, period);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload {fileName}: {(int)response.StatusCode} {body}");
        return ReadUpload(body);
    }

    public static PortalUpload ReadUpload(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        return new PortalUpload(
            root.GetProperty("id").GetString()!,
            root.GetProperty("status").GetString()!,
            root.GetProperty("alreadyProcessed").GetBoolean(),
            root.GetProperty("projects").GetInt32(),
            root.GetProperty("signings").GetInt32(),
            root.GetProperty("metrics").GetInt32(),
            [.. root.GetProperty("findings").EnumerateArray().Select(f => f.Clone())],
            root.GetProperty("details").GetString()!,
            root.TryGetProperty("annotated", out JsonElement annotated) && annotated.ValueKind == JsonValueKind.String ? annotated.GetString() : null,
            root.GetProperty("original").GetString()!);
    }

    /// <summary>The anti-forgery token of a page's form (the hidden __csrf field).</summary>
    public static string FormToken(string page) =>
        WebUtility.HtmlDecode(FormTokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no __csrf field in the page"));

    /// <summary>The anti-forgery token a page gives its scripts (meta csrf-token).</summary>
    public static string MetaToken(string page) =>
        WebUtility.HtmlDecode(MetaTokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("no csrf-token meta in the page"));

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    private async Task<HttpResponseMessage> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Http.SendAsync(request);
        }
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex MetaTokenPattern();
}
