using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Infrastructure;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.Portal;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// 报送平台 as `reporting serve --connection … --config demo-settings.json` runs it: <see cref="PortalServer"/> on a free
/// loopback port, configured by <see cref="CliEnvironment.BuildConfiguration"/> exactly as the CLI builds it (the
/// development sign-in as serve's own default, the demo's contacts as a --config file, Azurite as --connection), plus
/// what only a test sets: a container and table prefix of its own (a fresh store), the loopback SMTP server, and a
/// clock the test holds (3 January 2023, 10:00 Beijing time: the departments are reporting 2022-12, deadline the 5th).
/// </summary>
public sealed class PortalFixture : IAsyncDisposable
{
    /// <summary>3 January 2023, 10:00 in Beijing: 2022-12 is the period being reported, two days before its deadline.</summary>
    public static readonly DateTimeOffset Now = new(2023, 1, 3, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly ReportingPeriod Period = new(2022, 12);

    private PortalFixture(PortalServer server, ManualClock clock, CapturingLoggerProvider logs, string prefix)
    {
        Server = server;
        Clock = clock;
        Logs = logs;
        NamePrefix = prefix;
    }

    public PortalServer Server { get; }

    public ManualClock Clock { get; }

    /// <summary>Every log line the server wrote (an unexpected error shows here).</summary>
    public CapturingLoggerProvider Logs { get; }

    public string NamePrefix { get; }

    /// <summary>http://127.0.0.1:{port}/portal/</summary>
    public Uri Address => Server.Address;

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Origin => new(Address.GetLeftPart(UriPartial.Authority));

    public IServiceProvider Services => Server.Services;

    public static async Task<PortalFixture> StartAsync(AzuriteFixture azurite, SmtpFixture smtp, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(smtp);
        string prefix = AzuriteFixture.UniquePrefix();
        IConfiguration configuration = Configuration(azurite.ConnectionString, prefix, smtp.Settings(), settings);
        var clock = new ManualClock(Now);
        var logs = new CapturingLoggerProvider();
        PortalServer server = await PortalServer.StartAsync(configuration, port: 0, clock, logging => logging.AddProvider(logs));
        return new PortalFixture(server, clock, logs, prefix);
    }

    /// <summary>
    /// The configuration `reporting serve --connection {connection} --config demo-settings.json` builds, then the test's
    /// own settings on top (store prefix, SMTP server, limits).
    /// </summary>
    public static IConfiguration Configuration(
        string connection, string prefix, IEnumerable<KeyValuePair<string, string?>> smtp, IReadOnlyDictionary<string, string?>? settings = null)
    {
        IConfiguration cli = CliEnvironment.BuildConfiguration(
            StoreSelection.DefaultStoreDirectory,
            [Path.Combine(AppContext.BaseDirectory, "demo-settings.json")],
            connection,
            new Dictionary<string, string?> { [PortalOptions.SectionName + ":" + nameof(PortalOptions.SignIn)] = nameof(PortalSignIn.Development) });
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [ReportingStores.NamePrefixKey] = prefix };
        foreach (KeyValuePair<string, string?> setting in smtp.Concat(settings ?? new Dictionary<string, string?>()))
        {
            overrides[setting.Key] = setting.Value;
        }

        return new ConfigurationBuilder().AddConfiguration(cli).AddInMemoryCollection(overrides).Build();
    }

    /// <summary>A browser-less user: an HTTP client with its own cookies, not yet signed in.</summary>
    public PortalClient Client() => new(Address);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Every row of the submissions ledger.</summary>
    public async Task<List<SubmissionRecord>> SubmissionsAsync()
    {
        List<SubmissionRecord> rows = [];
        await foreach (LedgerRow<SubmissionRecord> row in Get<ILedgerStore>().QueryAsync<SubmissionRecord>(LedgerTables.Submissions, null))
        {
            rows.Add(row.Value);
        }

        return rows;
    }

    /// <summary>Every row of the reminders ledger (one per department and Beijing day).</summary>
    public async Task<List<DeliveryRecord>> RemindersAsync()
    {
        List<DeliveryRecord> rows = [];
        await foreach (LedgerRow<DeliveryRecord> row in Get<ILedgerStore>().QueryAsync<DeliveryRecord>(LedgerTables.Reminders, null))
        {
            rows.Add(row.Value);
        }

        return rows;
    }

    public async Task<List<StoredObject>> ListAsync(string prefix)
    {
        List<StoredObject> items = [];
        await foreach (StoredObject item in Get<IReportStore>().ListAsync(prefix))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Logs.Dispose();
    }
}

/// <summary>
/// A test class that talks to the portal: a fresh server and store per test (<see cref="PortalFixture"/>) on the
/// collection's Azurite and SMTP server, the SMTP server reset before and after.
/// </summary>
public abstract class PortalTests(AzuriteFixture azurite, SmtpFixture smtp) : IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;

    protected SmtpFixture Smtp { get; } = smtp;

    protected PortalFixture Portal { get; private set; } = null!;

    /// <summary>Settings a test class changes for every one of its tests (a smaller upload limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        await Smtp.ResetAsync();
        Portal = await PortalFixture.StartAsync(Azurite, Smtp, Settings);
    }

    public async Task DisposeAsync()
    {
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        await Smtp.ResetAsync();
    }
}
