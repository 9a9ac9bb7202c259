using System.Net;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// Cross-site request forgery: a state-changing request counts only with the page's anti-forgery token and, when the
/// browser names its origin, from this site. Each refusal is shown to change nothing: no submission recorded, no
/// original archived, no mail at the SMTP server.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalForgeryTests(AzuriteFixture azurite, SmtpFixture smtp) : PortalTests(azurite, smtp)
{
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData("/portal/api/uploads")]
    [InlineData("/portal/uploads")]
    public async Task An_upload_without_the_token_is_refused_and_nothing_is_ingested(string path)
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (string name, byte[] content) = PortalSamples.Bundled("anyuan");
        using HttpResponseMessage response = await clerk.UploadAsync(name, content, path: path, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请刷新页面后重试", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task An_upload_from_a_foreign_origin_is_refused_even_with_a_valid_token()
    {
        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        (string name, byte[] content) = PortalSamples.Bundled("anyuan");
        using HttpResponseMessage response = await clerk.UploadAsync(name, content, origin: Evil);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync();

        // The same request from the portal's own origin is accepted: the token was good, the origin was not.
        using HttpResponseMessage same = await clerk.UploadAsync(name, content, origin: Portal.Origin.ToString().TrimEnd('/'));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task An_upload_with_another_users_token_is_refused()
    {
        using PortalClient mine = await Portal.Client().SignInAsync("anyuan");
        using PortalClient theirs = await Portal.Client().SignInAsync("xiangdong");
        (string name, byte[] content) = PortalSamples.Bundled("anyuan");
        using HttpResponseMessage response = await mine.UploadAsync(name, content, token: theirs.Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task A_reminder_without_the_token_or_from_a_foreign_origin_sends_nothing()
    {
        using PortalClient office = await Portal.Client().SignInAsync("office");
        using (HttpResponseMessage response = await office.PostFormAsync("/portal/office/reminders", new() { ["period"] = "2022-12" }, token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (HttpResponseMessage response = await office.PostFormAsync("/portal/office/reminders", new() { ["period"] = "2022-12" }, office.Token, origin: Evil))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        await AssertNothingChangedAsync();

        // With the token, from the page: every department is reminded.
        using HttpResponseMessage sent = await office.PostFormAsync("/portal/office/reminders", new() { ["period"] = "2022-12" }, office.Token);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(Portal.Get<ReportingOptions>().Departments.Count(d => !string.IsNullOrWhiteSpace(d.Contact)), Smtp.Messages.Count);
    }

    [Fact]
    public async Task Signing_in_or_out_without_the_token_is_refused()
    {
        using PortalClient visitor = Portal.Client();
        using (HttpResponseMessage response = await visitor.PostFormAsync("/portal/signin", new() { ["account"] = "office" }, token: null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("reporting.session=", StringComparison.Ordinal) && !v.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal)));
        }

        using (HttpResponseMessage me = await visitor.GetAsync("/portal/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using PortalClient clerk = await Portal.Client().SignInAsync("anyuan");
        using (HttpResponseMessage response = await clerk.PostFormAsync("/portal/signout", [], token: null, origin: Evil))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using HttpResponseMessage still = await clerk.GetAsync("/portal/api/me");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    private async Task AssertNothingChangedAsync()
    {
        List<SubmissionRecord> rows = await Portal.SubmissionsAsync();
        Assert.Empty(rows);
        Assert.Empty(await Portal.ListAsync("archive/"));
        Assert.Empty(await Portal.RemindersAsync());
        Assert.Empty(Smtp.Messages);
    }
}
