using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.Infrastructure;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// A SAS token in the storage connection string and the SMTP password never reach a log line, an
/// exception message, the ledger or a mail — on success, on a storage outage and on a refused login.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class SecretsInLogsTests(AzuriteFixture azurite, SmtpFixture smtp) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await smtp.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_sas_token_and_the_smtp_password_never_appear_in_logs_errors_or_the_ledger()
    {
        string sas = AccountSas();
        string signature = Uri.UnescapeDataString(sas.Split('&').Single(p => p.StartsWith("sig=", StringComparison.Ordinal))["sig=".Length..]);
        string connection = $"BlobEndpoint={azurite.BlobEndpoint};TableEndpoint={azurite.TableEndpoint};SharedAccessSignature={sas}";
        const string WrongPassword = "Tr0ub4dor&3-not-the-password";
        var logs = new CapturingLoggerProvider();
        var thrown = new List<Exception>();

        // 1. Everything works on the SAS connection: an upload is ingested and answered.
        using (FunctionsTestHost host = Host(connection, logs, smtpPassword: null))
        {
            (string name, byte[] content) = Samples.Projects(host.Options);
            BlobClient blob = await host.UploadAsync("anyuan", name, content);
            await host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None);
            Assert.True(Assert.Single(await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value.IsAccepted);
        }

        // 2. The mail server refuses the login: the receipt fails and says why.
        string ledgerText;
        using (FunctionsTestHost host = Host(connection, logs, WrongPassword))
        {
            (string name, byte[] content) = Samples.Signings(host.Options);
            BlobClient blob = await host.UploadAsync("swj", name, content);
            await host.Create<IngestUploadFunction>().RunAsync(blob, "swj", name, CancellationToken.None);
            DeliveryRecord receipt = Assert.Single(await host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("swj"))).Value;
            Assert.Equal(DeliveryStatus.Failed, receipt.Status);
            ledgerText = string.Join("\n", (await host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries)).Select(r => r.Value.LastError))
                + string.Join("\n", (await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Select(r => r.Value.FailureMessage + r.Value.FindingsJson));
        }

        // 3. Storage unreachable (the same SAS on a port nobody listens on) after the upload was read: the function fails for the host to retry.
        string deadConnection = connection.Replace(azurite.BlobEndpoint.Authority, "127.0.0.1:9", StringComparison.Ordinal)
            .Replace(azurite.TableEndpoint.Authority, "127.0.0.1:9", StringComparison.Ordinal);
        BlobClient upload;
        using (FunctionsTestHost live = Host(connection, logs, smtpPassword: null))
        {
            upload = await live.UploadAsync("anyuan", "安源区.xlsx", Samples.Projects(live.Options).Content);
        }

        using (FunctionsTestHost host = Host(deadConnection, logs, smtpPassword: null))
        {
            thrown.Add(await Assert.ThrowsAnyAsync<Exception>(() => host.Create<IngestUploadFunction>().RunAsync(upload, "anyuan", "安源区.xlsx", CancellationToken.None)));
        }

        string everything = logs.All + "\n" + string.Join("\n", thrown.Select(e => e.ToString())) + "\n" + ledgerText
            + "\n" + string.Join("\n", smtp.Messages.Select(m => System.Text.Encoding.UTF8.GetString(m.Raw)));
        Assert.Contains("SMTP authentication as", everything, StringComparison.Ordinal);
        Assert.Contains("Connection refused", everything, StringComparison.OrdinalIgnoreCase);
        Assert.True(logs.Lines.Count > 5, "the scenarios logged");
        foreach (string secret in (string[])[signature, Uri.EscapeDataString(signature), sas, WrongPassword, SmtpFixture.Password])
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    // An account SAS for the emulator, as an office would put in ReportingStorage instead of the key.
    private string AccountSas()
    {
        var builder = new AccountSasBuilder(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1), AccountSasServices.All, AccountSasResourceTypes.All)
        {
            Protocol = SasProtocol.HttpsAndHttp,
        };
        var key = new StorageSharedKeyCredential("devstoreaccount1", azurite.ConnectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..]);
        return builder.ToSasQueryParameters(key).ToString();
    }

    private FunctionsTestHost Host(string connection, CapturingLoggerProvider logs, string? smtpPassword)
    {
        var settings = new Dictionary<string, string?> { [ReportingStores.ConnectionName] = connection };
        if (smtpPassword is not null)
        {
            settings["Reporting:Delivery:Smtp:Password"] = smtpPassword;
        }

        return new FunctionsTestHost(azurite, smtp, new ManualClock(s_now), settings, services =>
        {
            services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        });
    }
}
