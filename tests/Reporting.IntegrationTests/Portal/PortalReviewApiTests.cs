using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Reporting.Core.Configuration;
using Reporting.Core.Pipeline;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.IntegrationTests.Portal.Browser;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// 审核签发 as the office's HTTP endpoints (`/portal/api/office/briefings/{period}/{issue}` and `…/sign`) against
/// `reporting serve` on Azurite with the SMTP server: the version is the one the caller read, a newer draft or a second
/// signature is a 409 with the reason, and the leaders receive the issue once.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalReviewApiTests(AzuriteFixture azurite, SmtpFixture smtp) : PortalTests(azurite, smtp)
{
    [Fact]
    public async Task The_office_signs_the_version_it_read_once_and_a_stale_or_second_signature_is_a_conflict_with_the_reason()
    {
        await PortalScenes.SeedOtherDepartmentsAsync(Portal);
        Assert.NotNull((await Portal.Get<BriefingReview>().RunScheduledAsync(PortalFixture.Period)).Briefing);
        string[] leaders = [.. Portal.Get<ReportingOptions>().Delivery.Leaders().Select(l => l.Address)];
        using PortalClient office = await Portal.Client().SignInAsync("office");

        JsonElement issue = await IssueAsync(office);
        Assert.Equal(("draft", 1), (issue.GetProperty("state").GetString(), issue.GetProperty("draftVersion").GetInt32()));

        // 萍乡经开区 reports after the office read version 1: the draft is now version 2.
        (string name, byte[] content) = PortalSamples.Bundled("jingkai");
        using (var upload = new MemoryStream(content))
        {
            Assert.True((await Portal.Get<UploadPipeline>().ProcessAsync($"uploads/jingkai/{name}", "jingkai", name, upload, PortalFixture.Period)).Accepted);
        }

        (HttpStatusCode staleStatus, JsonElement stale) = await SignAsync(office, version: 1);
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal("stale", stale.GetProperty("outcome").GetString());
        Assert.StartsWith("您看到的是草稿第1版，现在已是第2版", stale.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Messages, m => m.EnvelopeTo.Any(leaders.Contains));

        (HttpStatusCode signedStatus, JsonElement signed) = await SignAsync(office, version: 2);
        (HttpStatusCode againStatus, JsonElement again) = await SignAsync(office, version: 2);
        (HttpStatusCode badStatus, _) = await SignAsync(office, version: 0);

        Assert.Equal(HttpStatusCode.OK, signedStatus);
        Assert.Equal(leaders.Length, signed.GetProperty("delivery").GetProperty("sentNow").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Equal("alreadySigned", again.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal(leaders.Order(), Smtp.Messages.Where(m => m.EnvelopeTo.Any(leaders.Contains)).SelectMany(m => m.EnvelopeTo).Order());
        JsonElement after = await IssueAsync(office);
        Assert.Equal(("delivered", 2, "推进办（开发模式）"), (after.GetProperty("state").GetString(), after.GetProperty("signedVersion").GetInt32(), after.GetProperty("signedBy").GetString()));
    }

    private static async Task<JsonElement> IssueAsync(PortalClient office)
    {
        string json = await office.GetStringAsync("/portal/api/office/briefings/2022-12/1");
        return JsonDocument.Parse(json).RootElement.GetProperty("issue").Clone();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SignAsync(PortalClient office, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/portal/api/office/briefings/2022-12/1/sign")
        {
            Content = new StringContent($"{{\"version\": {version}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-TOKEN", office.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using HttpResponseMessage response = await office.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
