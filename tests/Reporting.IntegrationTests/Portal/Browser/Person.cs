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
    private readonly ConcurrentQueue<string> _lostDialogs = new();
    private volatile bool _confirming;
    private TaskCompletionSource? _confirmationLost;

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
        page.Dialog += (_, dialog) => _ = AnswerAsync(dialog);
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

    /// <summary>
    /// Presses the submit button of a form, answers OK when it asks for confirmation first (signing, reminding,
    /// correcting) as the office would, and returns the response to the POST once the page it answers with has loaded.
    /// </summary>
    /// <remarks>
    /// Chromium may close a dialog itself before the answer reaches it (its "No dialog is showing"); confirm() then
    /// returned false and nothing was posted, so the button is pressed again, as a person whose dialog vanished would.
    /// </remarks>
    public async Task<IResponse> SubmitConfirmedAsync(string form, string action)
    {
        Task<IResponse> posted = Page.WaitForResponseAsync(
            r => r.Request.Method == "POST" && r.Url.EndsWith(action, StringComparison.Ordinal), new() { Timeout = 60_000 });
        _confirming = true;
        try
        {
            for (int press = 1; ; press++)
            {
                var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _confirmationLost, lost);
                await Page.Locator(form + " button[type=submit]").ClickAsync();
                // Should the answer have reached the page after all, its POST follows at once: give it a moment before
                // pressing again, so that a form is never posted twice.
                if (await Task.WhenAny(posted, lost.Task) == posted || await Task.WhenAny(posted, Task.Delay(2_000)) == posted)
                {
                    break;
                }

                if (press == 3)
                {
                    throw new InvalidOperationException($"{form} was pressed three times and never posted: {string.Join("\n", _lostDialogs)}");
                }
            }

            IResponse response = await posted;
            await Page.WaitForLoadStateAsync(LoadState.Load);
            return response;
        }
        finally
        {
            _confirming = false;
            Volatile.Write(ref _confirmationLost, null);
        }
    }

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

    // Runs from the page's event, so nothing may escape it: an exception in an event handler is unobserved and ends the
    // whole test process. A confirmation is accepted while SubmitConfirmedAsync presses its button; any other dialog
    // is a defect of the page, dismissed and reported by AssertNoScriptOrPolicyErrors.
    private async Task AnswerAsync(IDialog dialog)
    {
        bool expected = _confirming && dialog.Type == "confirm";
        if (!expected)
        {
            _errors.Enqueue($"unexpected {dialog.Type} dialog: {dialog.Message}");
        }

        try
        {
            await (expected ? dialog.AcceptAsync() : dialog.DismissAsync());
        }
        catch (PlaywrightException exception)
        {
            _lostDialogs.Enqueue($"{dialog.Type} “{dialog.Message}”: {exception.Message}");
            Volatile.Read(ref _confirmationLost)?.TrySetResult();
        }
    }

    // The upload is answered when its request has come back and the page's script is no longer busy (the answer and the
    // refreshed history are in place). A generous limit: this is a functional wait, not a timing.
    private async Task AwaitAnswerAsync(Func<Task> upload)
    {
        await Page.RunAndWaitForResponseAsync(upload, r => r.Url.EndsWith("/portal/uploads", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await Page.Locator("#upload-form:not([aria-busy=true])").WaitForAsync(new() { Timeout = 60_000 });
    }
}
