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
    /// environment variables (Reporting__…), and opens the folder store at <paramref name="storeDirectory"/>.
    /// </summary>
    public static CliEnvironment Open(string storeDirectory, string? configFile = null)
    {
        ReportingOptions options = LoadOptions(configFile);
        return new CliEnvironment(options, new FolderReportStore(storeDirectory), new FolderLedgerStore(storeDirectory));
    }

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
