using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Reporting.Infrastructure.Storage;

namespace Reporting.Tests.Storage;

/// <summary>Which connection form opens which clients; nothing here talks to a server.</summary>
public sealed class AzureStorageTests
{
    private const string AzuriteConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private static readonly TokenCredential s_credential = new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData(AzuriteConnection, true)]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2024&sig=x", true)]
    [InlineData("pxreporting", false)]
    [InlineData("https://pxreporting.blob.core.windows.net", false)]
    public void Tells_a_connection_string_from_an_account_name_or_uri(string value, bool expected)
    {
        Assert.Equal(expected, AzureStorage.IsConnectionString(value));
    }

    [Fact]
    public void A_connection_string_opens_both_services_of_that_account()
    {
        AzureStores stores = AzureStorage.Create(AzuriteConnection);

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", stores.Blobs.Uri.ToString().TrimEnd('/'));
        Assert.Equal("devstoreaccount1", stores.Tables.AccountName);
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", stores.Store.Location);
    }

    [Theory]
    [InlineData("pxreporting")]
    [InlineData("https://pxreporting.blob.core.windows.net")]
    [InlineData("https://pxreporting.blob.core.windows.net/")]
    public void An_account_name_or_blob_uri_signs_in_with_an_identity_at_both_service_uris(string value)
    {
        AzureStores stores = AzureStorage.Create(value, s_credential);

        Assert.Equal("https://pxreporting.blob.core.windows.net/", stores.Blobs.Uri.ToString());
        Assert.Equal("pxreporting", stores.Tables.AccountName);
        Assert.False(stores.Blobs.CanGenerateAccountSasUri, "no key: identity only");
    }

    [Theory]
    [InlineData("not a name!")]
    [InlineData("https://example.com/x")]
    public void Refuses_what_is_neither(string value)
    {
        Assert.Throws<ArgumentException>(() => AzureStorage.Create(value, s_credential));
    }

    [Fact]
    public void Reads_the_identity_based_functions_settings()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReportingStorage:blobServiceUri"] = "https://pxreporting.blob.core.windows.net",
            ["ReportingStorage:tableServiceUri"] = "https://pxreporting.table.core.windows.net",
            ["ReportingStorage:credential"] = "managedidentity",
            ["ReportingStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        AzureStores stores = AzureStorage.FromConfiguration(configuration, "ReportingStorage");

        Assert.Equal("https://pxreporting.blob.core.windows.net/", stores.Blobs.Uri.ToString());
        Assert.Equal("pxreporting", stores.Tables.AccountName);
    }

    [Fact]
    public void Reads_a_connection_string_setting_and_explains_a_missing_one()
    {
        IConfiguration withString = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReportingStorage"] = AzuriteConnection }).Build();
        IConfiguration without = new ConfigurationBuilder().Build();

        Assert.Equal("devstoreaccount1", AzureStorage.FromConfiguration(withString, "ReportingStorage").Blobs.AccountName);
        InvalidOperationException missing = Assert.Throws<InvalidOperationException>(() => AzureStorage.FromConfiguration(without, "ReportingStorage"));
        Assert.Contains("ReportingStorage__blobServiceUri", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Test")]
    [InlineData("1abc")]
    [InlineData("a-b")]
    public void Refuses_a_name_prefix_azure_would_refuse(string prefix)
    {
        Assert.Throws<ArgumentException>(() => AzureStorage.Create(AzuriteConnection, namePrefix: prefix));
    }
}
