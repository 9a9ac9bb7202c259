using ClosedXML.Excel;
using Microsoft.Playwright;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Pipeline;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal.Browser;

/// <summary>
/// 报送平台 as people use it, in Debian's chromium against `reporting serve` on a fresh Azurite store with the SMTP server
/// on loopback, at a desktop and a phone size: a clerk downloads the template, uploads a filled workbook and sees it
/// accepted; uploads a broken one, sees the cell findings and downloads the annotated workbook; a clerk of another
/// department sees neither; the office sees the status change and sends a reminder that arrives at the SMTP server.
/// Every page is written to docs/portal/ as a screenshot on the way.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalBrowserTests(AzuriteFixture azurite, SmtpFixture smtp, BrowserFixture browser)
    : PortalTests(azurite, smtp), IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_clerk_downloads_the_template_uploads_a_filled_workbook_with_the_file_picker_and_sees_it_accepted(string viewport)
    {
        await using Person clerk = await Person.OpenAsync(browser, Portal, viewport);
        await clerk.ShotAsync("01-signin");
        await clerk.SignInAsync("anyuan");
        Assert.Contains("未报送", await clerk.Page.Locator("section.status").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.ShotAsync("02-clerk-home-before");

        IDownload template = await clerk.Page.RunAndWaitForDownloadAsync(() => clerk.Page.Locator(".templates a").First.ClickAsync());
        Assert.Equal("重大项目调度表（2022年1-12月）.xlsx", template.SuggestedFilename);
        using (XLWorkbook workbook = await WorkbookAsync(template))
        {
            Assert.True(workbook.Worksheets.Contains("填报表"));
        }

        await clerk.UploadWithPickerAsync(PortalSamples.BundledPath("anyuan"));
        ILocator answer = clerk.Page.Locator("#upload-result section.answer");
        string text = await answer.InnerTextAsync();
        Assert.Contains("已通过校验并受理", text, StringComparison.Ordinal);
        Assert.Contains("个项目，年度计划投资合计", text, StringComparison.Ordinal);
        Assert.Contains("已收到", await clerk.Page.Locator("#upload-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("安源区2022年12月重大项目调度表.xlsx", await clerk.Page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.ShotAsync("03-clerk-accepted");

        await clerk.Page.ReloadAsync();
        Assert.Contains("已报送", await clerk.Page.Locator("section.status").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.ShotAsync("04-clerk-home-after");

        // The mailed receipt still goes out.
        Assert.Contains(Smtp.Messages, m => m.EnvelopeTo.Contains("anyuan@fgw.pingxiang.example"));
        clerk.AssertNoScriptOrPolicyErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_clerk_uploads_a_broken_workbook_sees_every_cell_finding_and_downloads_the_annotated_workbook(string viewport)
    {
        string files = PortalSamples.TempDirectory();
        try
        {
            string broken = PortalSamples.WriteBroken(Portal.Get<ReportingOptions>(), files);
            await using Person clerk = await Person.OpenAsync(browser, Portal, viewport);
            await clerk.SignInAsync("anyuan");

            // On the desktop the file is dropped on the upload area; a phone has no drag and drop, so it is picked.
            await (viewport == "desktop" ? clerk.DropAsync(broken) : clerk.UploadWithPickerAsync(broken));
            ILocator findings = clerk.Page.Locator("#upload-result table.findings tbody tr");
            Assert.True(await findings.CountAsync() >= 2);
            string table = await clerk.Page.Locator("#upload-result table.findings").InnerTextAsync();
            foreach (string expected in new[] { "填报表", "累计完成投资", "-500", "白云新区", "错误" })
            {
                Assert.Contains(expected, table, StringComparison.Ordinal);
            }

            Assert.Contains("未通过校验", await clerk.Page.Locator("#upload-result").InnerTextAsync(), StringComparison.Ordinal);
            await clerk.ShotAsync("05-clerk-rejected");

            IDownload annotated = await clerk.Page.RunAndWaitForDownloadAsync(() => clerk.Page.Locator("#upload-result a", new() { HasText = "下载标注副本" }).ClickAsync());
            Assert.EndsWith("-校验结果.xlsx", annotated.SuggestedFilename, StringComparison.Ordinal);
            using (XLWorkbook workbook = await WorkbookAsync(annotated))
            {
                Assert.True(workbook.Worksheets.Contains(WorkbookIngestor.FindingsSheetName));
            }

            await clerk.Page.Locator("#history a", new() { HasText = "详情" }).First.ClickAsync();
            await clerk.Page.WaitForURLAsync("**/portal/submissions/*");
            Assert.Contains("白云新区", await clerk.Page.Locator("table.findings").InnerTextAsync(), StringComparison.Ordinal);
            await clerk.ShotAsync("06-clerk-submission");
            clerk.AssertNoScriptOrPolicyErrors();
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task A_clerk_of_another_department_sees_neither_upload_in_lists_or_by_address(string viewport)
    {
        PortalUpload good;
        PortalUpload bad;
        using (PortalClient anyuan = await Portal.Client().SignInAsync("anyuan"))
        {
            (string name, byte[] content) = PortalSamples.Bundled("anyuan");
            good = await anyuan.UploadJsonAsync(name, content);
            bad = await anyuan.UploadJsonAsync("安源区（有误）.xlsx", PortalSamples.Broken(Portal.Get<ReportingOptions>()));
        }

        await using Person other = await Person.OpenAsync(browser, Portal, viewport);
        await other.SignInAsync("xiangdong");
        string home = await other.Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("安源区", home, StringComparison.Ordinal);
        Assert.Contains("还没有报送记录", home, StringComparison.Ordinal);

        foreach (string path in new[] { good.Details, bad.Details, bad.Annotated!, good.Original })
        {
            IResponse? response = await other.Page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            Assert.DoesNotContain("安源区", await other.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        }

        await other.Page.GotoAsync(good.Details);
        await other.ShotAsync("13-not-found-404");

        IResponse? office = await other.Page.GotoAsync($"/portal/office/submissions/anyuan/{bad.Id}");
        Assert.Equal(403, office!.Status);
        Assert.Contains("此页面仅供推进办使用", await other.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await other.ShotAsync("12-forbidden-403");
        other.AssertNoScriptOrPolicyErrors();
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_office_sees_the_status_change_and_sends_a_reminder_that_arrives_at_the_smtp_server(string viewport)
    {
        await PortalScenes.SeedOtherDepartmentsAsync(Portal);
        await using Person office = await Person.OpenAsync(browser, Portal, viewport);
        await office.SignInAsync("office");
        Assert.Contains("未报送", await Row(office, "安源区"), StringComparison.Ordinal);

        await using (Person clerk = await Person.OpenAsync(browser, Portal, viewport))
        {
            await clerk.SignInAsync("anyuan");
            await clerk.UploadWithPickerAsync(PortalSamples.BundledPath("anyuan"));
            Assert.Contains("已通过校验并受理", await clerk.Page.Locator("#upload-result").InnerTextAsync(), StringComparison.Ordinal);
        }

        await PortalScenes.PublishBriefingAsync(Portal);
        Smtp.Clear();
        await office.Page.ReloadAsync();
        Assert.Contains("已报送", await Row(office, "安源区"), StringComparison.Ordinal);
        Assert.Contains("已退回", await Row(office, "湘东区"), StringComparison.Ordinal);
        Assert.Contains("未报送", await Row(office, "萍乡经开区"), StringComparison.Ordinal);
        await office.ShotAsync("07-office-status");

        await office.SubmitConfirmedAsync("form[action='/portal/office/reminders']", "/portal/office/reminders");
        await office.Page.WaitForURLAsync("**/portal/office/reminders");
        string result = await office.Page.Locator("main").InnerTextAsync();
        Assert.Contains("本次发出3封催报邮件", result, StringComparison.Ordinal);
        await office.ShotAsync("08-office-reminder-result");

        string[] reminded = ["xiangdong@fgw.pingxiang.example", "jingkai@fgw.pingxiang.example", "wugongshan@fgw.pingxiang.example"];
        Assert.Equal(reminded.Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(Smtp.Messages, m => Assert.StartsWith("【催报】", m.Message.Subject, StringComparison.Ordinal));

        await office.Page.GotoAsync("/portal/office");
        ILocator jingkai = office.Page.Locator("table.status tbody tr", new() { Has = office.Page.Locator("th", new() { HasTextString = "萍乡经开区" }) });
        Assert.StartsWith("2023-01-03 ", (await jingkai.Locator("td[data-label='最近催报']").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        await office.Page.Locator("details summary", new() { HasText = "湘东区" }).ClickAsync();
        await office.Page.Locator("details[open] a", new() { HasText = "详情与问题" }).First.ClickAsync();
        await office.Page.WaitForURLAsync("**/portal/office/submissions/xiangdong/*");
        Assert.Contains("白云新区", await office.Page.Locator("table.findings").InnerTextAsync(), StringComparison.Ordinal);
        await office.ShotAsync("11-office-submission");

        await office.Page.Locator("nav.site a", new() { HasText = "指标" }).ClickAsync();
        await office.Page.WaitForURLAsync("**/portal/office/indicators");
        Assert.Contains("安源区", await office.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await office.ShotAsync("09-office-indicators");

        await office.Page.Locator("nav.site a", new() { HasText = "简报" }).ClickAsync();
        await office.Page.WaitForURLAsync("**/portal/office/briefings");
        string briefings = await office.Page.Locator("main").InnerTextAsync();
        Assert.Contains("shizhang@pingxiang.example", briefings, StringComparison.Ordinal);
        Assert.Contains("已发送", briefings, StringComparison.Ordinal);
        await office.ShotAsync("10-office-briefings");
        office.AssertNoScriptOrPolicyErrors();
    }

    /// <summary>A downloaded workbook, opened as Excel would (Playwright's download stream reads only asynchronously).</summary>
    private static async Task<XLWorkbook> WorkbookAsync(IDownload download)
    {
        var copy = new MemoryStream();
        await using (Stream stream = await download.CreateReadStreamAsync())
        {
            await stream.CopyToAsync(copy);
        }

        copy.Position = 0;
        return new XLWorkbook(copy);
    }

    private static async Task<string> Row(Person office, string department) =>
        await office.Page.Locator("table.status tbody tr", new() { Has = office.Page.Locator("th", new() { HasTextString = department }) }).InnerTextAsync();
}

/// <summary>What the office's pages need to have something to show: the other departments' uploads, a published briefing.</summary>
internal static class PortalScenes
{
    /// <summary>Five departments accepted, 湘东区 rejected; 安源区 (the browser's clerk), 萍乡经开区 and 武功山 not yet.</summary>
    public static async Task SeedOtherDepartmentsAsync(PortalFixture portal)
    {
        var pipeline = portal.Get<UploadPipeline>();
        foreach (string department in new[] { "lianhua", "shangli", "luxi", "swj", "gxj", "jrb", "scjgj" })
        {
            (string name, byte[] content) = PortalSamples.Bundled(department);
            using var stream = new MemoryStream(content);
            UploadAnswer answer = await pipeline.ProcessAsync($"uploads/{department}/{name}", department, name, stream, PortalFixture.Period);
            Assert.True(answer.Accepted, $"{department}: {answer.Record.FindingsJson}");
            portal.Clock.Advance(TimeSpan.FromMinutes(7));
        }

        using var broken = new MemoryStream(PortalSamples.Broken(portal.Get<ReportingOptions>()));
        Assert.False((await pipeline.ProcessAsync("uploads/xiangdong/湘东区重大项目推进情况表.xlsx", "xiangdong", "湘东区重大项目推进情况表.xlsx", broken, PortalFixture.Period)).Accepted);
        portal.Clock.Advance(TimeSpan.FromMinutes(7));
    }

    /// <summary>
    /// The period's briefing drafted by the monthly timer, signed by the office and mailed to the leaders: what the
    /// briefings page shows once a month is done.
    /// </summary>
    public static async Task PublishBriefingAsync(PortalFixture portal)
    {
        var review = portal.Get<BriefingReview>();
        BriefingRun run = await review.RunScheduledAsync(PortalFixture.Period);
        Assert.NotNull(run.Briefing);
        IssueView view = (await review.GetAsync(PortalFixture.Period))!;
        ReviewResult signed = await review.SignAsync(PortalFixture.Period, view.Issue.Number, view.Issue.DraftVersion, "推进办（测试）");
        Assert.True(signed.Succeeded, signed.Message);
        Assert.Equal(0, signed.Delivery!.Outcomes.Count(o => o.Result != Core.Delivery.DeliveryResult.Sent));
    }
}
