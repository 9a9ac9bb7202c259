using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Reporting.Infrastructure.Storage;

/// <summary>The report store and the ledger on one storage account, with the clients behind them.</summary>
public sealed record AzureStores(AzureBlobReportStore Store, AzureTableLedgerStore Ledger, BlobServiceClient Blobs, TableServiceClient Tables);

/// <summary>
/// Opens the Azure stores. In Azure the app authenticates with its managed identity
/// (<see cref="DefaultAzureCredential"/>) against the account's service URIs, so no key is ever
/// in configuration; locally and against Azurite a connection string is used.
/// </summary>
public static class AzureStorage
{
    /// <summary>
    /// Opens the stores from a connection string ("UseDevelopmentStorage=true", or one with
    /// AccountKey= or SharedAccessSignature=), an account name, or a service URI
    /// (https://acct.blob.core.windows.net: the table URI is derived from it).
    /// Anything but a connection string authenticates with <paramref name="credential"/>, by default <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static AzureStores Create(string connection, TokenCredential? credential = null, string namePrefix = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        connection = connection.Trim();
        if (IsConnectionString(connection))
        {
            return Build(new BlobServiceClient(connection), new TableServiceClient(connection), namePrefix);
        }

        (Uri blobUri, Uri tableUri) = ServiceUris(connection);
        return Create(blobUri, tableUri, credential, namePrefix);
    }

    /// <summary>Opens the stores on explicit service URIs with an identity (identity-based connection).</summary>
    public static AzureStores Create(Uri blobServiceUri, Uri tableServiceUri, TokenCredential? credential = null, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        credential ??= new DefaultAzureCredential();
        return Build(new BlobServiceClient(blobServiceUri, credential), new TableServiceClient(tableServiceUri, credential), namePrefix);
    }

    /// <summary>
    /// Opens the stores from a Functions-style connection setting named <paramref name="connectionName"/>:
    /// either a value (a connection string, as locally) or the identity-based form
    /// <c>{name}__serviceUri</c> / <c>{name}__blobServiceUri</c> and <c>{name}__tableServiceUri</c>
    /// (or <c>{name}__accountName</c>), with an optional <c>{name}__clientId</c> for a user-assigned identity.
    /// </summary>
    public static AzureStores FromConfiguration(IConfiguration configuration, string connectionName, TokenCredential? credential = null, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? value = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Create(value, credential, namePrefix);
        }

        IConfigurationSection section = configuration.GetSection(connectionName);
        string? accountName = section["accountName"];
        string? blobUri = section["blobServiceUri"] ?? section["serviceUri"];
        string? tableUri = section["tableServiceUri"];
        if (blobUri is null && accountName is not null)
        {
            blobUri = $"https://{accountName}.blob.core.windows.net";
        }

        if (tableUri is null && accountName is not null)
        {
            tableUri = $"https://{accountName}.table.core.windows.net";
        }

        if (blobUri is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured: set {connectionName} to a connection string, "
                + $"or {connectionName}__blobServiceUri and {connectionName}__tableServiceUri for an identity-based connection.");
        }

        tableUri ??= ServiceUris(blobUri).Table.ToString();
        string? clientId = section["clientId"];
        credential ??= clientId is null
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return Create(new Uri(blobUri), new Uri(tableUri), credential, namePrefix);
    }

    /// <summary>Whether <paramref name="value"/> is a storage connection string rather than an account name or URI.</summary>
    public static bool IsConnectionString(string value) =>
        value.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase);

    internal static void ValidateNamePrefix(string prefix, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        if (prefix.Length > 0
            && (prefix.Length > 24 || !char.IsAsciiLetterLower(prefix[0]) || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
        {
            throw new ArgumentException("A name prefix is at most 24 lower-case ASCII letters and digits, starting with a letter.", parameterName);
        }
    }

    private static AzureStores Build(BlobServiceClient blobs, TableServiceClient tables, string namePrefix) =>
        new(new AzureBlobReportStore(blobs, namePrefix), new AzureTableLedgerStore(tables, namePrefix), blobs, tables);

    private static (Uri Blob, Uri Table) ServiceUris(string accountOrUri)
    {
        if (Uri.TryCreate(accountOrUri, UriKind.Absolute, out Uri? uri) && uri.Scheme is "https" or "http")
        {
            string host = uri.Host;
            if (!host.Contains(".blob.", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{uri}' is not a blob service URI (https://<account>.blob.core.windows.net).", nameof(accountOrUri));
            }

            var table = new UriBuilder(uri) { Host = host.Replace(".blob.", ".table.", StringComparison.OrdinalIgnoreCase) };
            return (uri, table.Uri);
        }

        if (accountOrUri.Length is < 3 or > 24 || !accountOrUri.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException(
                "Expected a storage connection string, an account name or a blob service URI.", nameof(accountOrUri));
        }

        return (new Uri($"https://{accountOrUri}.blob.core.windows.net"), new Uri($"https://{accountOrUri}.table.core.windows.net"));
    }
}
