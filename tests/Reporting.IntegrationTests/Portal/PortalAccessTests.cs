using System.Net;
using System.Text.RegularExpressions;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.Portal.Hosting;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// Who may call what, over HTTP against `reporting serve` on Azurite: every route of <see cref="PortalRoutes"/> with
/// nobody, a clerk and the office signed in; and department isolation — a clerk of 安源区 (A) never reads, lists or
/// downloads anything of 湘东区 (B), whatever the URL says. The store is seeded once for the class: A has an accepted
/// and a rejected upload, B the same.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed partial class PortalAccessTests(AzuriteFixture azurite, SmtpFixture smtp, SharedPortal shared) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private const string A = "anyuan";
    private const string B = "xiangdong";

    /// <summary>
    /// Who each route is for, written down here rather than read from the route table: a route that changes its access,
    /// or a new route open to anonymous callers, fails <see cref="Every_route_is_open_only_to_whom_this_table_says"/>.
    /// </summary>
    private static readonly Dictionary<(string Method, string Template), PortalAccess> s_expected = new()
    {
        [("GET", "/")] = PortalAccess.SignedIn,
        [("GET", "/signin")] = PortalAccess.Anonymous,
        [("POST", "/signin")] = PortalAccess.Anonymous,
        [("POST", "/signout")] = PortalAccess.SignedIn,
        [("GET", "/assets/{name}")] = PortalAccess.Anonymous,
        [("GET", "/templates/{kind}")] = PortalAccess.SignedIn,
        [("POST", "/uploads")] = PortalAccess.Clerk,
        [("GET", "/history")] = PortalAccess.Clerk,
        [("GET", "/submissions/{key}")] = PortalAccess.Clerk,
        [("GET", "/submissions/{key}/original")] = PortalAccess.Clerk,
        [("GET", "/submissions/{key}/annotated")] = PortalAccess.Clerk,
        [("GET", "/office")] = PortalAccess.Office,
        [("POST", "/office/reminders")] = PortalAccess.Office,
        [("GET", "/office/submissions/{department}/{key}")] = PortalAccess.Office,
        [("GET", "/office/submissions/{department}/{key}/original")] = PortalAccess.Office,
        [("GET", "/office/submissions/{department}/{key}/annotated")] = PortalAccess.Office,
        [("POST", "/office/mailbox/{key}/assign")] = PortalAccess.Office,
        [("GET", "/office/indicators")] = PortalAccess.Office,
        [("GET", "/office/briefings")] = PortalAccess.Office,
        [("GET", "/office/briefings/{period}/{issue}")] = PortalAccess.Office,
        [("GET", "/office/briefings/{period}/{issue}/review")] = PortalAccess.Office,
        [("GET", "/office/briefings/{period}/{issue}/pdf")] = PortalAccess.Office,
        [("POST", "/office/briefings/{period}/{issue}/notes")] = PortalAccess.Office,
        [("POST", "/office/briefings/{period}/{issue}/render")] = PortalAccess.Office,
        [("POST", "/office/briefings/{period}/{issue}/sign")] = PortalAccess.Office,
        [("POST", "/office/briefings/{period}/{issue}/correct")] = PortalAccess.Office,
        [("POST", "/office/briefings/{period}/{issue}/resend")] = PortalAccess.Office,
        [("GET", "/api/me")] = PortalAccess.SignedIn,
        [("GET", "/api/submissions")] = PortalAccess.Clerk,
        [("POST", "/api/uploads")] = PortalAccess.Clerk,
        [("GET", "/api/office/status")] = PortalAccess.Office,
        [("GET", "/api/office/indicators")] = PortalAccess.Office,
        [("GET", "/api/office/briefings/{period}/{issue}")] = PortalAccess.Office,
        [("POST", "/api/office/briefings/{period}/{issue}/sign")] = PortalAccess.Office,
    };

    private PortalFixture _portal = null!;
    private PortalClient _anonymous = null!;
    private PortalClient _clerkA = null!;
    private PortalClient _office = null!;

    public async Task InitializeAsync()
    {
        await smtp.ResetAsync();
        _portal = await shared.StartOnceAsync(azurite, smtp, SeedAsync);
        _anonymous = _portal.Client();
        _clerkA = await _portal.Client().SignInAsync(A);
        _office = await _portal.Client().SignInAsync("office");
    }

    public Task DisposeAsync()
    {
        _anonymous.Dispose();
        _clerkA.Dispose();
        _office.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Every_route_is_open_only_to_whom_this_table_says()
    {
        IReadOnlyList<PortalRoute> routes = new PortalRoutes().All;
        foreach (((string method, string template), PortalAccess access) in s_expected)
        {
            PortalRoute route = Assert.Single(routes, r => r.Method == method && r.Template == template);
            Assert.True(access == route.Access, $"{method} {template} is {route.Access}, expected {access}");
        }

        // A route added later may be for clerks, the office or anyone signed in; open to everybody only when listed above.
        Assert.All(routes.Where(r => !s_expected.ContainsKey((r.Method, r.Template))), route =>
            Assert.True(route.Access != PortalAccess.Anonymous, $"{route.Method} {route.Template} is open to anonymous callers: add it to the table if it must be"));
    }

    [Fact]
    public async Task Every_route_refuses_whom_its_access_excludes_and_admits_whom_it_includes()
    {
        Dictionary<string, string> values = new()
        {
            ["key"] = (await SubmissionAsync(A, accepted: true)).LedgerKey(),
            ["department"] = A,
            ["kind"] = "projects",
            ["name"] = "portal.css",
            ["period"] = "2022-12",
            ["issue"] = "1",
        };
        var failures = new List<string>();
        foreach (PortalRoute route in new PortalRoutes().All)
        {
            string path = "/portal" + Placeholder().Replace(route.Template, m => values.TryGetValue(m.Groups[1].Value, out string? v) ? v : "x");
            foreach ((string who, PortalClient client) in new[] { ("anonymous", _anonymous), ("clerk", _clerkA), ("office", _office) })
            {
                // POSTs go without a token: the access check comes first, so an admitted caller meets the CSRF check (400) and nothing changes.
                using HttpResponseMessage response = route.Method == "POST"
                    ? await client.PostFormAsync(path, [], token: null)
                    : await client.GetAsync(path);
                string outcome = Outcome(response);
                bool admitted = route.Access switch
                {
                    PortalAccess.Anonymous => true,
                    PortalAccess.SignedIn => who != "anonymous",
                    PortalAccess.Clerk => who == "clerk",
                    _ => who == "office",
                };
                string expected = admitted ? "admitted"
                    : who == "anonymous" ? (route.Json ? "401" : "sign-in")
                    : "403";
                if (expected == "admitted" ? outcome is "401" or "403" or "sign-in" : outcome != expected)
                {
                    failures.Add($"{route.Method} {path} as {who}: {outcome} ({(int)response.StatusCode}), expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_anonymous_page_request_is_sent_to_sign_in_and_a_json_request_gets_401_in_json()
    {
        using HttpResponseMessage page = await _anonymous.GetAsync("/portal/");
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/portal/signin", page.Headers.Location!.OriginalString);

        using HttpResponseMessage json = await _anonymous.GetAsync("/portal/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请先登录", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A page asked for by a script (Accept: application/json) is answered like one, not with a redirect.
        using HttpResponseMessage download = await _anonymous.GetAsync("/portal/history", accept: "application/json");
        Assert.Equal(HttpStatusCode.SeeOther, download.StatusCode);
    }

    [Theory]
    [InlineData("/portal/office")]
    [InlineData("/portal/office/indicators")]
    [InlineData("/portal/office/briefings")]
    public async Task An_office_page_is_refused_to_a_clerk_with_a_403_page(string path)
    {
        using HttpResponseMessage response = await _clerkA.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("此页面仅供推进办使用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/portal/api/office/status")]
    [InlineData("/portal/api/office/indicators")]
    public async Task Office_json_is_refused_to_a_clerk_with_a_403_in_json(string path)
    {
        using HttpResponseMessage response = await _clerkA.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(B, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/original")]
    [InlineData("/annotated")]
    public async Task A_clerk_gets_404_for_another_departments_submission_by_its_key(string suffix)
    {
        SubmissionRecord theirs = await SubmissionAsync(B, accepted: false);
        using HttpResponseMessage response = await _clerkA.GetAsync($"/portal/submissions/{theirs.LedgerKey()}{suffix}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(theirs.FileName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("湘东区", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/original")]
    [InlineData("/annotated")]
    public async Task A_clerk_is_refused_the_office_address_of_another_departments_submission(string suffix)
    {
        SubmissionRecord theirs = await SubmissionAsync(B, accepted: false);
        using HttpResponseMessage response = await _clerkA.GetAsync($"/portal/office/submissions/{B}/{theirs.LedgerKey()}{suffix}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.DoesNotContain(theirs.FileName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/portal/")]
    [InlineData("/portal/?department=xiangdong")]
    [InlineData("/portal/history")]
    [InlineData("/portal/history?department=xiangdong")]
    [InlineData("/portal/api/submissions")]
    [InlineData("/portal/api/submissions?department=xiangdong")]
    public async Task A_clerks_history_and_lists_hold_only_their_own_departments_rows(string path)
    {
        SubmissionRecord mine = await SubmissionAsync(A, accepted: true);
        string body = await _clerkA.GetStringAsync(path);
        Assert.Contains(mine.LedgerKey(), body, StringComparison.Ordinal);
        foreach (SubmissionRecord theirs in (await _portal.SubmissionsAsync()).Where(r => r.Department == B))
        {
            Assert.DoesNotContain(theirs.LedgerKey(), body, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.FileName, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_clerk_opens_and_downloads_their_own_submission_and_the_office_any()
    {
        SubmissionRecord mine = await SubmissionAsync(A, accepted: false);
        string links = $"/portal/submissions/{mine.LedgerKey()}";
        Assert.Contains("未通过", await _clerkA.GetStringAsync(links), StringComparison.Ordinal);
        using (HttpResponseMessage original = await _clerkA.GetAsync(links + "/original"))
        {
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal(mine.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await original.Content.ReadAsByteArrayAsync())));
        }

        using (HttpResponseMessage annotated = await _clerkA.GetAsync(links + "/annotated"))
        {
            Assert.Equal(HttpStatusCode.OK, annotated.StatusCode);
            Assert.EndsWith("-校验结果.xlsx", annotated.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        }

        SubmissionRecord theirs = await SubmissionAsync(B, accepted: false);
        string office = $"/portal/office/submissions/{B}/{theirs.LedgerKey()}";
        Assert.Contains("湘东区", await _office.GetStringAsync(office), StringComparison.Ordinal);
        using HttpResponseMessage theirAnnotated = await _office.GetAsync(office + "/annotated");
        Assert.Equal(HttpStatusCode.OK, theirAnnotated.StatusCode);
    }

    [Theory]
    [InlineData(A)]
    [InlineData("..")]
    [InlineData("..%2F..%2Fportal")]
    [InlineData("nosuchdepartment")]
    public async Task The_office_address_of_a_submission_under_another_department_finds_nothing(string department)
    {
        SubmissionRecord theirs = await SubmissionAsync(B, accepted: false);
        using HttpResponseMessage response = await _office.GetAsync($"/portal/office/submissions/{department}/{theirs.LedgerKey()}/original");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Every_answer_carries_the_content_security_policy_and_pages_are_never_stored_by_the_browser()
    {
        SubmissionRecord mine = await SubmissionAsync(A, accepted: false);
        SubmissionRecord theirs = await SubmissionAsync(B, accepted: false);
        (PortalClient Client, string Path)[] requests =
        [
            (_anonymous, "/portal/signin"), (_anonymous, "/portal/"), (_anonymous, "/portal/api/me"), (_anonymous, "/portal/nowhere"),
            (_clerkA, "/portal/"), (_clerkA, "/portal/history"), (_clerkA, "/portal/api/submissions"), (_clerkA, "/portal/api/me"),
            (_clerkA, $"/portal/submissions/{mine.LedgerKey()}"), (_clerkA, $"/portal/submissions/{mine.LedgerKey()}/original"),
            (_clerkA, $"/portal/submissions/{mine.LedgerKey()}/annotated"), (_clerkA, "/portal/templates/projects?period=2022-12"),
            (_clerkA, $"/portal/submissions/{theirs.LedgerKey()}"), (_clerkA, "/portal/office"), (_clerkA, "/portal/api/office/status"),
            (_office, "/portal/office"), (_office, "/portal/office/indicators"), (_office, "/portal/office/briefings"),
            (_office, $"/portal/office/submissions/{B}/{theirs.LedgerKey()}"), (_office, $"/portal/office/submissions/{B}/{theirs.LedgerKey()}/annotated"),
            (_office, "/portal/api/office/status"), (_office, "/portal/api/office/indicators"), (_office, "/portal/uploads"),
        ];
        foreach ((PortalClient client, string path) in requests)
        {
            using HttpResponseMessage response = await client.GetAsync(path);
            AssertSecurityHeaders(response, path);
            AssertNotStored(response, path);
        }

        using HttpResponseMessage refused = await _clerkA.PostFormAsync("/portal/uploads", [], token: null);
        AssertSecurityHeaders(refused, "POST /portal/uploads");
        AssertNotStored(refused, "POST /portal/uploads");

        // The stylesheet and script are the same for everybody: the browser may keep them.
        foreach (string asset in new[] { "/portal/assets/portal.css", "/portal/assets/portal.js" })
        {
            using HttpResponseMessage response = await _anonymous.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response, asset);
            Assert.True(response.Headers.CacheControl!.Public, asset);
        }
    }

    internal static void AssertNotStored(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false, MaxAge: null }, $"{what}: Cache-Control {response.Headers.CacheControl}");
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.True(csp.Contains("default-src 'none'", StringComparison.Ordinal), $"{what}: {csp}");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    private static string Outcome(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        401 => "401",
        403 => "403",
        303 when response.Headers.Location?.OriginalString == "/portal/signin" => "sign-in",
        _ => "admitted",
    };

    private async Task<SubmissionRecord> SubmissionAsync(string department, bool accepted) =>
        (await _portal.SubmissionsAsync()).First(r => r.Department == department && r.IsAccepted == accepted);

    private static async Task SeedAsync(PortalFixture portal)
    {
        ReportingOptions options = portal.Get<ReportingOptions>();
        foreach (string department in new[] { A, B })
        {
            using PortalClient clerk = await portal.Client().SignInAsync(department);
            (string name, byte[] content) = PortalSamples.Bundled(department);
            Assert.True((await clerk.UploadJsonAsync(name, content)).Accepted);
            Assert.False((await clerk.UploadJsonAsync($"{department}-有误.xlsx", PortalSamples.Broken(options))).Accepted);
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
