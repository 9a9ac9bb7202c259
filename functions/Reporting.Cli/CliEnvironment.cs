using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;

namespace Reporting.Cli;

/// <summary>What every command needs: configuration and a store.</summary>
public sealed class CliEnvironment
{
    private CliEnvironment(ReportingOptions options, IReportStore store, ILedgerStore ledger)
    {
        Options = options;
        Store = store;
        Ledger = ledger;
    }

    public ReportingOptions Options { get; }

    public IReportStore Store { get; }

    public ILedgerStore Ledger { get; }

    /// <summary>SMTP when Reporting:Delivery:Smtp:Host is configured, otherwise .eml files in the store's outbox/.</summary>
    public DeliveryService CreateDelivery(TimeProvider clock) =>
        new(Ledger, MailSenders.Create(Options.Delivery, Store), clock, Options.Delivery);

    public BriefingPublisher CreatePublisher(TimeProvider clock) => new(Store, Ledger, Options, CreateDelivery(clock), clock);

    /// <summary>
    /// Loads reporting.json from the binaries' folder, then an optional --config file, then
    /// environment variables (Reporting__…), and opens the folder store at <paramref name="storeDirectory"/>,
    /// or, when <paramref name="connection"/> is given, the Azure store (blobs and tables) it names:
    /// a connection string (Azurite: "UseDevelopmentStorage=true"), an account name or a blob service URI
    /// (the last two sign in with DefaultAzureCredential).
    /// </summary>
    public static CliEnvironment Open(string storeDirectory, string? configFile = null, string? connection = null) =>
        Open(storeDirectory, configFile is null ? [] : [configFile], connection);

    /// <summary>As <see cref="Open(string, string?, string?)"/> with several configuration files, later ones overriding earlier ones.</summary>
    public static CliEnvironment Open(string storeDirectory, IReadOnlyList<string> configFiles, string? connection)
    {
        ReportingOptions options = LoadOptionsFrom(configFiles);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            AzureStores azure = AzureStorage.Create(connection);
            return new CliEnvironment(options, azure.Store, azure.Ledger);
        }

        return new CliEnvironment(options, new FolderReportStore(storeDirectory), new FolderLedgerStore(storeDirectory));
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

    public static ReportingOptions LoadOptions(string? configFile) => LoadOptionsFrom(configFile is null ? [] : [configFile]);

    /// <summary>reporting.json, then each file in order, then environment variables.</summary>
    public static ReportingOptions LoadOptionsFrom(IReadOnlyList<string> configFiles)
    {
        ArgumentNullException.ThrowIfNull(configFiles);
        IConfigurationBuilder builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, ReportingConfiguration.DefaultsFileName), optional: false);
        foreach (string configFile in configFiles)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return ReportingConfiguration.Bind(builder.AddEnvironmentVariables().Build());
    }
}
