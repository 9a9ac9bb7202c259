using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Reporting.IntegrationTests.Portal.Browser;

/// <summary>
/// One person at the browser: a fresh context (cookies of their own) at a desktop or phone size, signed in through the
/// development sign-in page. Keeps every script error and every Content-Security-Policy refusal the page reports.
/// </summary>
internal sealed class Person : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    private Person(IBrowserContext context, IPage page, string viewport)
    {
        Context = context;
        Page = page;
        Viewport = viewport;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.Contains("Refused to", StringComparison.Ordinal)))
            {
                _errors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Enqueue(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string Viewport { get; }

    public static async Task<Person> OpenAsync(BrowserFixture browser, PortalFixture portal, string viewport)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(portal);
        IBrowserContext context = await browser.NewContextAsync(portal.Address, viewport);
        IPage page = await context.NewPageAsync();
        var person = new Person(context, page, viewport);
        await page.GotoAsync("/portal/signin");
        return person;
    }

    /// <summary>Picks "office" or a department on the development sign-in page and lands on their home page.</summary>
    public async Task SignInAsync(string account)
    {
        if (!Page.Url.EndsWith("/portal/signin", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/portal/signin");
        }

        await Page.Locator("#account").SelectOptionAsync(account);
        await Page.Locator("form.signin button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => !url.EndsWith("/signin", StringComparison.Ordinal));
    }

    /// <summary>Opens the file picker from the upload area (as a click or tap on 选择文件 does), picks the file, waits for the answer.</summary>
    public Task UploadWithPickerAsync(string path) => AwaitAnswerAsync(async () =>
    {
        IFileChooser chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Locator("label[for=upload-file]").ClickAsync());
        await chooser.SetFilesAsync(path);
    });

    /// <summary>Drops the file on the upload area: dragenter, dragover and drop carrying it, as a browser fires them.</summary>
    public Task DropAsync(string path) => AwaitAnswerAsync(() => Page.EvaluateAsync(
        """
        ({ name, data }) => {
          const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
          const zone = document.getElementById("dropzone");
          for (const type of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
          }
        }
        """,
        new { name = System.IO.Path.GetFileName(path), data = Convert.ToBase64String(File.ReadAllBytes(path)) }));

    /// <summary>A full-page screenshot into docs/portal/{name}-{viewport}.png.</summary>
    public async Task ShotAsync(string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = System.IO.Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{Viewport}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
            Type = ScreenshotType.Png,
        });
    }

    public void AssertNoScriptOrPolicyErrors() => Assert.True(_errors.IsEmpty, string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    // The upload is answered when its request has come back and the page's script is no longer busy (the answer and the
    // refreshed history are in place). A generous limit: this is a functional wait, not a timing.
    private async Task AwaitAnswerAsync(Func<Task> upload)
    {
        await Page.RunAndWaitForResponseAsync(upload, r => r.Url.EndsWith("/portal/uploads", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await Page.Locator("#upload-form:not([aria-busy=true])").WaitForAsync(new() { Timeout = 60_000 });
    }
}
