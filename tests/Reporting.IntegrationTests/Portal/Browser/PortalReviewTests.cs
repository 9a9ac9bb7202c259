using Microsoft.Playwright;
using MimeKit;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Reporting.IntegrationTests.Portal.Browser;

/// <summary>
/// 审核签发 in chromium against `reporting serve` on Azurite with the SMTP server: the office opens the timer's draft,
/// sees it in the page, writes 编者按 and 下步工作 and sees them in the re-rendered PDF; a department's resubmission
/// lands while the page is open, so signing the version on screen is refused and the newer one is shown; signing that
/// one mails every leader exactly the bytes the page showed, and nothing reached a leader before.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalReviewTests(AzuriteFixture azurite, SmtpFixture smtp, BrowserFixture browser)
    : PortalTests(azurite, smtp), IClassFixture<BrowserFixture>
{
    private const string EditorsNote = "请各县区对照滞后项目清单逐项销号，月底前报送整改情况。";
    private const string NextStep = "下月重点调度计划新开工但尚未开工的项目。";

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_office_reviews_annotates_and_signs_the_draft_and_the_leaders_receive_exactly_what_it_saw(string viewport)
    {
        await PortalScenes.SeedOtherDepartmentsAsync(Portal);
        var review = Portal.Get<BriefingReview>();
        Assert.NotNull((await review.RunScheduledAsync(PortalFixture.Period)).Briefing);
        string[] leaders = [.. Portal.Get<Core.Configuration.ReportingOptions>().Delivery.Leaders().Select(l => l.Address)];
        Assert.DoesNotContain(Smtp.Messages, m => m.EnvelopeTo.Any(leaders.Contains));
        Smtp.Clear();

        await using Person office = await Person.OpenAsync(browser, Portal, viewport);
        await office.SignInAsync("office");
        await office.Page.Locator("nav.site a", new() { HasText = "简报" }).ClickAsync();
        await office.Page.WaitForURLAsync("**/portal/office/briefings");
        Assert.Contains("草稿第1版 · 待签发", await office.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await office.ShotAsync("14-office-briefing-list");

        await office.Page.Locator("main a", new() { HasText = "审核与签发" }).First.ClickAsync();
        await office.Page.WaitForURLAsync("**/portal/office/briefings/2022-12/1/review");
        Assert.Equal(1, await office.Page.Locator("iframe[src='/portal/office/briefings/2022-12/1/pdf']").CountAsync());
        Assert.Equal(await DraftBytesAsync(1), await PdfOnScreenAsync(office));
        // Chromium's PDF viewer draws the pages a moment after the frame loads; the screenshot is for people to look at.
        await office.Page.WaitForTimeoutAsync(3000);
        await office.ShotAsync("15-office-review");

        // The office's words go into the draft: saved, checked, re-rendered as version 2.
        await office.Page.Locator("#editorsNote").FillAsync(EditorsNote);
        await office.Page.Locator("#nextSteps").FillAsync(NextStep);
        IResponse saved = await office.SubmitConfirmedAsync("form.notes", "/notes");
        Assert.Equal(200, saved.Status);
        Assert.Contains("已生成草稿第2版", await office.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        string printed = Text(await PdfOnScreenAsync(office));
        Assert.Contains(Compact(EditorsNote), printed, StringComparison.Ordinal);
        Assert.Contains(Compact(NextStep), printed, StringComparison.Ordinal);

        // 萍乡经开区 reports while the page is open: the draft follows (version 3), the page still shows version 2.
        (string name, byte[] content) = PortalSamples.Bundled("jingkai");
        using (var upload = new MemoryStream(content))
        {
            Assert.True((await Portal.Get<UploadPipeline>().ProcessAsync($"uploads/jingkai/{name}", "jingkai", name, upload, PortalFixture.Period)).Accepted);
        }

        IResponse refused = await office.SubmitConfirmedAsync("section.sign form[action$='/sign']", "/sign");
        Assert.Equal(409, refused.Status);
        string stale = await office.Page.Locator("main").InnerTextAsync();
        Assert.Contains("您看到的是草稿第2版，现在已是第3版", stale, StringComparison.Ordinal);
        Assert.Contains("萍乡经开区", stale, StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Messages, m => m.EnvelopeTo.Any(leaders.Contains));
        Assert.Equal(EditorsNote, await office.Page.Locator("#editorsNote").InputValueAsync());
        await office.ShotAsync("16-office-review-stale");

        // Signing what is now on screen.
        byte[] seen = await PdfOnScreenAsync(office);
        Assert.Equal(await DraftBytesAsync(3), seen);
        IResponse signed = await office.SubmitConfirmedAsync("section.sign form[action$='/sign']", "/sign");
        Assert.Equal(200, signed.Status);
        string after = await office.Page.Locator("main").InnerTextAsync();
        Assert.Contains("已签发并发送", after, StringComparison.Ordinal);
        Assert.Contains("已签发 · 已发送", after, StringComparison.Ordinal);
        Assert.Contains("推进办（开发模式）", after, StringComparison.Ordinal);
        await office.ShotAsync("17-office-signed");

        Assert.Equal(leaders.Order(), Smtp.Messages.Where(m => m.EnvelopeTo.Any(leaders.Contains)).SelectMany(m => m.EnvelopeTo).Order());
        foreach (CapturedMail mail in Smtp.Messages.Where(m => m.EnvelopeTo.Any(leaders.Contains)))
        {
            MimePart pdf = Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.FileName == mail.Message.Subject + ".pdf");
            using var attached = new MemoryStream();
            await pdf.Content!.DecodeToAsync(attached);
            Assert.Equal(seen, attached.ToArray());
        }

        IssueView view = (await review.GetAsync(PortalFixture.Period))!;
        Assert.Equal((IssueState.Delivered, 3, "推进办（开发模式）"), (view.Issue.State, view.Issue.SignedVersion, view.Issue.SignedBy));
        Assert.Equal(seen, await Portal.Get<IReportStore>().ReadBytesAsync("briefings/2022-12/1.pdf"));
        office.AssertNoScriptOrPolicyErrors();
    }

    private async Task<byte[]> DraftBytesAsync(int version) =>
        (await Portal.Get<IReportStore>().ReadBytesAsync($"briefings/2022-12/drafts/1-v{version}.pdf"))!;

    /// <summary>The PDF the review page's frame shows, fetched with the office's own session.</summary>
    private static async Task<byte[]> PdfOnScreenAsync(Person office)
    {
        string source = (await office.Page.Locator(".preview iframe").GetAttributeAsync("src"))!;
        IAPIResponse response = await office.Context.APIRequest.GetAsync(source);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        return await response.BodyAsync();
    }

    private static string Text(byte[] pdf)
    {
        using PdfDocument document = PdfDocument.Open(pdf);
        return Compact(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
