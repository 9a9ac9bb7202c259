using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reporting.Core.Configuration;
using Reporting.Core.Pipeline;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal.Browser;

/// <summary>
/// The portal for someone who uses the keyboard or a screen reader: the clerk's page can be worked through with Tab
/// alone (skip link, navigation, templates, period, file picker, history) with the focus always visible, and an upload
/// can be made from the keyboard; every page passes axe-core without a serious or critical violation and every form
/// field has a label.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalAccessibilityTests(AzuriteFixture azurite, SmtpFixture smtp, BrowserFixture browser)
    : PortalTests(azurite, smtp), IClassFixture<BrowserFixture>
{
    // What the focused element is, and whether a sighted keyboard user can see where the focus is: its own outline, or
    // for the hidden file input, the outline the upload area draws around it.
    private const string DescribeFocus = """
        () => {
          const e = document.activeElement;
          const visible = el => { const s = getComputedStyle(el); return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0; };
          const box = e.getBoundingClientRect();
          return {
            tag: e.tagName.toLowerCase(), id: e.id || "", text: (e.innerText || e.value || "").trim().slice(0, 40),
            focusVisible: visible(e) || (e.closest(".dropzone") !== null && visible(e.closest(".dropzone"))),
            onScreen: box.right > 0 && box.bottom > 0 && box.left < window.innerWidth
          };
        }
        """;

    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
          .map(e => e.outerHTML)
        """;

    private sealed record Focus(string Tag, string Id, string Text, bool FocusVisible, bool OnScreen);

    [Fact]
    public async Task The_clerk_page_is_worked_through_with_the_keyboard_alone_and_the_focus_is_always_visible()
    {
        using (PortalClient earlier = await Portal.Client().SignInAsync("anyuan"))
        {
            (string name, byte[] content) = PortalSamples.Bundled("anyuan");
            Assert.True((await earlier.UploadJsonAsync(name, content)).Accepted);
        }

        await using Person clerk = await Person.OpenAsync(browser, Portal, "desktop");
        await clerk.SignInAsync("anyuan");
        var stops = new List<Focus>();
        for (int i = 0; i < 30; i++)
        {
            await clerk.Page.Keyboard.PressAsync("Tab");
            JsonElement e = await clerk.Page.EvaluateAsync<JsonElement>(DescribeFocus);
            var focus = new Focus(
                e.GetProperty("tag").GetString()!, e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!,
                e.GetProperty("focusVisible").GetBoolean(), e.GetProperty("onScreen").GetBoolean());
            if (focus.Tag == "body")
            {
                break;
            }

            stops.Add(focus);
        }

        string seen = string.Join(" → ", stops.Select(s => $"{s.Tag}#{s.Id}「{s.Text}」"));
        string[] expected = ["跳到正文", "重大项目调度报送平台", "退出", "本月报送", "重大项目调度表（2022年1-12月）.xlsx", "#upload-period", "#upload-file", "详情", "原件"];
        int at = 0;
        foreach (Focus stop in stops)
        {
            if (at < expected.Length && (expected[at].StartsWith('#') ? "#" + stop.Id == expected[at] : stop.Text == expected[at]))
            {
                at++;
            }
        }

        Assert.True(at == expected.Length, $"Tab reached {at} of {expected.Length} expected stops in order; it went: {seen}");
        Assert.All(stops, s => Assert.True(s.FocusVisible && s.OnScreen, $"focus not visible on {s.Tag}#{s.Id}「{s.Text}」"));

        // The skip link takes the focus to the page's content.
        await clerk.Page.ReloadAsync();
        await clerk.Page.Keyboard.PressAsync("Tab");
        await clerk.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await clerk.Page.EvaluateAsync<string>("() => document.activeElement.id"));

        // An upload from the keyboard: Tab to the file picker, Space opens it; the answer takes the focus.
        await clerk.Page.Locator("#upload-period").FocusAsync();
        await clerk.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("upload-file", await clerk.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        IFileChooser chooser = await KeyboardFileChooser(clerk.Page);
        string files = PortalSamples.TempDirectory();
        try
        {
            string broken = PortalSamples.WriteBroken(Portal.Get<ReportingOptions>(), files);
            await clerk.Page.RunAndWaitForResponseAsync(() => chooser.SetFilesAsync(broken), r => r.Url.EndsWith("/portal/uploads", StringComparison.Ordinal));
            await clerk.Page.Locator("#upload-form:not([aria-busy=true])").WaitForAsync();
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }

        Assert.Equal("answer-title", await clerk.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(2, await clerk.Page.Locator("#history tbody tr").CountAsync());
        clerk.AssertNoScriptOrPolicyErrors();
    }

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation_and_every_form_field_has_a_label()
    {
        await PortalScenes.SeedOtherDepartmentsAsync(Portal);
        await PortalScenes.PublishBriefingAsync(Portal);
        PortalUpload accepted;
        PortalUpload rejected;
        using (PortalClient anyuan = await Portal.Client().SignInAsync("anyuan"))
        {
            (string name, byte[] content) = PortalSamples.Bundled("anyuan");
            accepted = await anyuan.UploadJsonAsync(name, content);
            rejected = await anyuan.UploadJsonAsync("安源区（有误）.xlsx", PortalSamples.Broken(Portal.Get<ReportingOptions>()));
        }

        // 安源区's upload came after the signature: the office starts a correction, a draft with every review form on it.
        ReviewResult correction = await Portal.Get<BriefingReview>().CorrectAsync(PortalFixture.Period, "推进办（测试）");
        Assert.True(correction.Succeeded, correction.Message);

        var problems = new List<string>();
        await using (Person visitor = await Person.OpenAsync(browser, Portal, "desktop"))
        {
            await CheckAsync(visitor.Page, "sign-in", problems);
        }

        await using (Person clerk = await Person.OpenAsync(browser, Portal, "desktop"))
        {
            await clerk.SignInAsync("anyuan");
            await CheckAsync(clerk.Page, "clerk home", problems);
            foreach ((string what, string path) in new[] { ("accepted submission", accepted.Details), ("rejected submission", rejected.Details), ("404", "/portal/submissions/" + new string('0', 64)), ("403", "/portal/office") })
            {
                await clerk.Page.GotoAsync(path);
                await CheckAsync(clerk.Page, what, problems);
            }
        }

        await using (Person office = await Person.OpenAsync(browser, Portal, "desktop"))
        {
            await office.SignInAsync("office");
            await CheckAsync(office.Page, "office status", problems);
            foreach ((string what, string path) in new[]
            {
                ("office indicators", "/portal/office/indicators"), ("office briefings", "/portal/office/briefings"), ("office submission", $"/portal/office/submissions/anyuan/{rejected.Id}"),
                ("office review (signed)", "/portal/office/briefings/2022-12/1/review"),
                ("office review (draft of the correction)", $"/portal/office/briefings/2022-12/{correction.View!.Issue.Number}/review"),
            })
            {
                await office.Page.GotoAsync(path);
                await CheckAsync(office.Page, what, problems);
            }

            await office.Page.GotoAsync("/portal/office");
            await office.SubmitConfirmedAsync("form[action='/portal/office/reminders']", "/portal/office/reminders");
            await office.Page.WaitForURLAsync("**/portal/office/reminders");
            await CheckAsync(office.Page, "reminder result", problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string what, List<string> problems)
    {
        AxeResult result = await page.RunAxe();
        foreach (AxeResultItem violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            problems.Add($"{what}: {violation.Impact} {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(n => JsonSerializer.Serialize(n.Target)))}");
        }

        foreach (string field in await page.EvaluateAsync<string[]>(UnlabelledFields))
        {
            problems.Add($"{what}: a form field without a label: {field}");
        }
    }

    // Space on the focused file input opens the picker. The driver starts intercepting the picker when the wait begins, and
    // on a loaded machine the key can win that race (a picker nobody intercepts, a wait that times out): the key is pressed
    // again once, the focus still on the input, which is what a clerk whose first press did nothing does too.
    private static async Task<IFileChooser> KeyboardFileChooser(IPage page)
    {
        try
        {
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.Equal("upload-file", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            return await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        }
    }
}
