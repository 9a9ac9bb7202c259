using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// One portal and store for a whole test class whose tests only read (many requests against the same submissions):
/// started by the first test with the collection's Azurite and SMTP server and seeded once, stopped after the class.
/// </summary>
public sealed class SharedPortal : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PortalFixture? _portal;

    public async Task<PortalFixture> StartOnceAsync(AzuriteFixture azurite, SmtpFixture smtp, Func<PortalFixture, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await _gate.WaitAsync();
        try
        {
            if (_portal is null)
            {
                PortalFixture portal = await PortalFixture.StartAsync(azurite, smtp);
                await seed(portal);
                _portal = portal;
            }

            return _portal;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _gate.Dispose();
}
