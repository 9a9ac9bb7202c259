namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>
/// A test class that calls the function classes: one <see cref="FunctionsTestHost"/> per test (its own
/// containers and tables) on the collection's Azurite and SMTP server, with the clock starting at
/// <paramref name="start"/>. The SMTP server is shared by the whole collection, so it is reset before
/// and after every test: a test that stops it or plans an outage cannot leave the next one without it.
/// </summary>
public abstract class FunctionHostTests(AzuriteFixture azurite, SmtpFixture smtp, DateTimeOffset start) : IAsyncLifetime, IDisposable
{
    /// <summary>2 January 2023, 10:00 in Beijing: the departments upload their 2022-12 reports.</summary>
    public static readonly DateTimeOffset UploadTime = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);

    protected AzuriteFixture Azurite { get; } = azurite;

    protected SmtpFixture Smtp { get; } = smtp;

    protected FunctionsTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.ResetAsync();
        Host = new FunctionsTestHost(Azurite, Smtp, new ManualClock(start));
    }

    /// <summary>A fresh host (its own containers and tables) with <paramref name="settings"/> on top, on the same clock time.</summary>
    protected void UseSettings(IDictionary<string, string?> settings)
    {
        DateTimeOffset now = Host.Clock.GetUtcNow();
        Host.Dispose();
        Host = new FunctionsTestHost(Azurite, Smtp, new ManualClock(now), settings);
    }

    /// <summary>The office's setting for leaders to receive the briefing straight from the timer, unreviewed (审核签发 off).</summary>
    protected static Dictionary<string, string?> WithoutSignOff() => new() { ["Reporting:Briefing:RequireSignOff"] = "false" };

    public async Task DisposeAsync()
    {
        await Smtp.ResetAsync();
        Dispose();
    }

    public void Dispose()
    {
        Host?.Dispose();
        GC.SuppressFinalize(this);
    }
}
