using Microsoft.Extensions.Configuration;
using Reporting.Core.Storage;
using Reporting.Infrastructure.Storage;

namespace Reporting.Infrastructure;

/// <summary>
/// Where the report store and the ledgers live, read from configuration: a folder (the local default,
/// <c>Reporting:Store:Folder</c>) or Azure Storage through the Functions-style connection setting
/// <c>ReportingStorage</c> (a connection string, or the identity-based <c>ReportingStorage__blobServiceUri</c>
/// / <c>__tableServiceUri</c> / <c>__accountName</c> / <c>__clientId</c>).
/// </summary>
public sealed class ReportingStores
{
    /// <summary>The connection setting for blobs and tables, as the blob trigger's Connection.</summary>
    public const string ConnectionName = "ReportingStorage";

    /// <summary>A folder laid out like the containers; when set it wins, so a stray ReportingStorage variable never redirects a local run.</summary>
    public const string FolderKey = "Reporting:Store:Folder";

    /// <summary>Prefixes every container and table name: two deployments (or test runs) sharing one account never see each other's data.</summary>
    public const string NamePrefixKey = "Reporting:Store:NamePrefix";

    private ReportingStores(IReportStore store, ILedgerStore ledger, AzureStores? azure)
    {
        Store = store;
        Ledger = ledger;
        Azure = azure;
    }

    public IReportStore Store { get; }

    public ILedgerStore Ledger { get; }

    /// <summary>The Azure clients behind the stores; null on a folder.</summary>
    public AzureStores? Azure { get; }

    /// <summary>Opens the stores the configuration names; throws naming the settings when it names none.</summary>
    public static ReportingStores Open(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? folder = configuration[FolderKey];
        if (!string.IsNullOrWhiteSpace(folder))
        {
            return new ReportingStores(new FolderReportStore(folder), new FolderLedgerStore(folder), azure: null);
        }

        if (string.IsNullOrWhiteSpace(configuration[ConnectionName]) && !configuration.GetSection(ConnectionName).GetChildren().Any())
        {
            throw new InvalidOperationException(
                $"No store is configured: set {FolderKey} to a folder, or {ConnectionName} to an Azure Storage connection string, "
                + $"or {ConnectionName}__blobServiceUri and {ConnectionName}__tableServiceUri for an identity-based connection.");
        }

        AzureStores azure = AzureStorage.FromConfiguration(configuration, ConnectionName, namePrefix: configuration[NamePrefixKey] ?? string.Empty);
        return new ReportingStores(azure.Store, azure.Ledger, azure);
    }
}
