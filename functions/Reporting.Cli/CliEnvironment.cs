using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Configuration;
using Reporting.Core.Storage;
using Reporting.Infrastructure;

namespace Reporting.Cli;

/// <summary>
/// What every command works with: the services of the one composition root
/// (<see cref="ReportingServiceCollectionExtensions.AddReporting"/>), configured by reporting.json,
/// the --config files, environment variables and the store the command line names.
/// </summary>
public sealed class CliEnvironment : IDisposable
{
    private readonly ServiceProvider _services;

    private CliEnvironment(ServiceProvider services)
    {
        _services = services;
        Options = services.GetRequiredService<ReportingOptions>();
        Store = services.GetRequiredService<IReportStore>();
        Ledger = services.GetRequiredService<ILedgerStore>();
    }

    public ReportingOptions Options { get; }

    public IReportStore Store { get; }

    public ILedgerStore Ledger { get; }

    /// <summary>A service from the composition root (the upload pipeline, the briefing publisher, …).</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Loads reporting.json from the binaries' folder, then an optional --config file, then
    /// environment variables (Reporting__…), and opens the folder store at <paramref name="storeDirectory"/>,
    /// or, when <paramref name="connection"/> is given, the Azure store (blobs and tables) it names:
    /// a connection string (Azurite: "UseDevelopmentStorage=true"), an account name or a blob service URI
    /// (the last two sign in with DefaultAzureCredential).
    /// </summary>
    public static CliEnvironment Open(string storeDirectory, string? configFile = null, string? connection = null) =>
        Open(storeDirectory, configFile is null ? [] : [configFile], connection);

    /// <summary>
    /// As <see cref="Open(string, string?, string?)"/> with several configuration files, later ones overriding
    /// earlier ones, and a clock for the services (the demo runs on the office's calendar).
    /// </summary>
    public static CliEnvironment Open(string storeDirectory, IReadOnlyList<string> configFiles, string? connection, TimeProvider? clock = null)
    {
        IConfiguration configuration = BuildConfiguration(storeDirectory, configFiles, connection);
        var services = new ServiceCollection().AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        ServiceProvider provider = services.AddReporting(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            // Options and stores are opened now, so a broken --config or store fails here with its reason.
            return new CliEnvironment(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the environment, or explains in Chinese why it cannot (a broken --config, an unreadable
    /// store folder) and returns null, so a user's mistake is not reported as a bug.
    /// </summary>
    public static async Task<CliEnvironment?> TryOpenAsync(Func<CliEnvironment> open, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return open();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            await error.WriteLineAsync($"无法打开配置或存储目录：{e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The shared <c>--connection</c> option: target an Azure store instead of the folder given by --store.</summary>
    public static Option<string?> CreateConnectionOption() => new("--connection")
    {
        Description = "Azure Storage instead of the --store folder: a connection string (UseDevelopmentStorage=true for Azurite), "
            + "an account name or a blob service URI (signs in with DefaultAzureCredential)",
    };

    /// <summary>The options alone (no store is opened): what `template` and `ingest --dry-run` need.</summary>
    public static ReportingOptions LoadOptions(string? configFile) => LoadOptionsFrom(configFile is null ? [] : [configFile]);

    /// <summary>reporting.json, then each file in order, then environment variables.</summary>
    public static ReportingOptions LoadOptionsFrom(IReadOnlyList<string> configFiles) => ReportingConfiguration.Bind(Configure(configFiles).Build());

    public void Dispose() => _services.Dispose();

    /// <summary>
    /// The configuration every command runs on: reporting.json, then <paramref name="hostDefaults"/> (what a command
    /// changes for itself, such as `serve`'s development sign-in), then each --config file in order, then environment
    /// variables, then the store the command line names (--store, or --connection when given).
    /// </summary>
    public static IConfiguration BuildConfiguration(
        string storeDirectory, IReadOnlyList<string> configFiles, string? connection, IReadOnlyDictionary<string, string?>? hostDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(storeDirectory);
        var store = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(connection))
        {
            store[ReportingStores.FolderKey] = Path.GetFullPath(storeDirectory);
        }
        else
        {
            store[ReportingStores.ConnectionName] = connection.Trim();
        }

        return Configure(configFiles, hostDefaults).AddInMemoryCollection(store).Build();
    }

    private static IConfigurationBuilder Configure(IReadOnlyList<string> configFiles, IReadOnlyDictionary<string, string?>? hostDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(configFiles);
        IConfigurationBuilder builder = new ConfigurationBuilder().AddReportingDefaults();
        if (hostDefaults is not null)
        {
            builder.AddInMemoryCollection(hostDefaults);
        }

        foreach (string configFile in configFiles)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return builder.AddEnvironmentVariables();
    }
}
