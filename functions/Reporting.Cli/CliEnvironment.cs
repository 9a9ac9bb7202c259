using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;
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

    /// <summary>
    /// Loads reporting.json from the binaries' folder, then an optional --config file, then
    /// environment variables (Reporting__…), and opens the folder store at <paramref name="storeDirectory"/>,
    /// or, when <paramref name="connection"/> is given, the Azure store (blobs and tables) it names:
    /// a connection string (Azurite: "UseDevelopmentStorage=true"), an account name or a blob service URI
    /// (the last two sign in with DefaultAzureCredential).
    /// </summary>
    public static CliEnvironment Open(string storeDirectory, string? configFile = null, string? connection = null)
    {
        ReportingOptions options = LoadOptions(configFile);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            AzureStores azure = AzureStorage.Create(connection);
            return new CliEnvironment(options, azure.Store, azure.Ledger);
        }

        return new CliEnvironment(options, new FolderReportStore(storeDirectory), new FolderLedgerStore(storeDirectory));
    }

    /// <summary>The shared <c>--connection</c> option: target an Azure store instead of the folder given by --store.</summary>
    public static Option<string?> CreateConnectionOption() => new("--connection")
    {
        Description = "Azure Storage instead of the --store folder: a connection string (UseDevelopmentStorage=true for Azurite), "
            + "an account name or a blob service URI (signs in with DefaultAzureCredential)",
    };

    public static ReportingOptions LoadOptions(string? configFile)
    {
        IConfigurationBuilder builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, ReportingConfiguration.DefaultsFileName), optional: false);
        if (configFile is not null)
        {
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }

        return ReportingConfiguration.Bind(builder.AddEnvironmentVariables().Build());
    }
}
