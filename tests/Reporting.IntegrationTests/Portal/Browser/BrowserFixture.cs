using System.Reflection;
using Microsoft.Playwright;

namespace Reporting.IntegrationTests.Portal.Browser;

/// <summary>
/// Debian's chromium driven by Microsoft.Playwright (whose NuGet package ships its driver; its own browser download is
/// never used: the build machine cannot fetch one). The browser is found on the PATH; if it is missing the tests fail
/// with how to install it — in CI (CI=true) and everywhere else: browser tests are never skipped. One browser per test
/// class; every person in a test gets a fresh context (its own cookies), in Chinese and Beijing time.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>A desktop window and a phone, the two sizes every page is looked at in.</summary>
    public static readonly IReadOnlyDictionary<string, (int Width, int Height, bool Phone)> Viewports = new Dictionary<string, (int, int, bool)>
    {
        ["desktop"] = (1366, 900, false),
        ["phone"] = (390, 844, true),
    };

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the screenshots go: docs/portal/ in the repository.</summary>
    public static string ScreenshotDirectory =>
        Path.GetFullPath(Path.Combine(
            typeof(BrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "IntegrationTestsDirectory").Value!,
            "..", "..", "docs", "portal"));

    /// <summary>Debian's chromium on the PATH, or why there is none.</summary>
    public static string FindChromium()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        string ci = Environment.GetEnvironmentVariable("CI") is "true" or "1" ? " (CI=true: a missing browser is a failure)" : string.Empty;
        throw new InvalidOperationException(
            $"No chromium on the PATH{ci}. The browser tests drive Debian's chromium: run ./test.sh, which installs the Debian packages "
            + "chromium and fonts-noto-cjk when they are missing, or `apt-get install chromium fonts-noto-cjk`. Never `playwright install`.");
    }

    public async Task InitializeAsync()
    {
        string chromium = FindChromium();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,

            // Playwright gives the browser a fresh temporary profile (user-data-dir) of its own and removes it on close.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser context (no cookies) for one person, at one of <see cref="Viewports"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri address, string viewport = "desktop")
    {
        ArgumentNullException.ThrowIfNull(address);
        (int width, int height, bool phone) = Viewports[viewport];
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.GetLeftPart(UriPartial.Authority),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
