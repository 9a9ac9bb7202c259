using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Tests.Delivery;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Hostile;

/// <summary>Credentials in an exception message are masked before the message is stored in a ledger or logged.</summary>
public sealed class SecretRedactionTests : IDisposable
{
    // Not a real signature (dashes, so the repository scan in SecretScanTests does not take it for one).
    private const string Sas = "sv=2023-11-03&ss=bt&srt=sco&sp=rwdlacu&se=2026-12-31T00:00:00Z&spr=https&sig=NOT-A-REAL-SIGNATURE-q8Jb%2FX0%3D";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-secrets-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=pxreport;AccountKey=" + "bm90LWEtcmVhbC1rZXktYnV0LWxvb2tzLWxpa2Utb25lPT0=;EndpointSuffix=core.windows.net", "DefaultEndpointsProtocol=https;AccountName=pxreport;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=https://pxreport.blob.core.windows.net;SharedAccessSignature=" + Sas, "BlobEndpoint=https://pxreport.blob.core.windows.net;SharedAccessSignature=***")]
    [InlineData("GET https://pxreport.blob.core.windows.net/uploads/a.xlsx?" + Sas + " failed", "GET https://pxreport.blob.core.windows.net/uploads/a.xlsx?sv=2023-11-03&ss=bt&srt=sco&sp=rwdlacu&se=2026-12-31T00:00:00Z&spr=https&sig=*** failed")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=abc123=", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=***")]
    [InlineData("Server=db;User Id=report;Password=hunter2;", "Server=db;User Id=report;Password=***;")]
    [InlineData("smtp://reporting:hunter2@smtp.pingxiang.example:587", "smtp://reporting:***@smtp.pingxiang.example:587")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----")]
    [InlineData("SMTP 535 from smtp.pingxiang.example:587: authentication failed", "SMTP 535 from smtp.pingxiang.example:587: authentication failed")]
    [InlineData("文件已损坏：sig 与签名", "文件已损坏：sig 与签名")]
    public void Masks_keys_signatures_and_passwords_and_leaves_other_text_alone(string text, string expected)
    {
        Assert.Equal(expected, SecretText.Redact(text));
    }

    [Fact]
    public async Task A_storage_failure_quoting_a_sas_url_is_stored_in_the_ledger_without_the_signature()
    {
        var store = new ThrowingStore(new FolderReportStore(_root), $"Request to https://pxreport.blob.core.windows.net/datasets/x.json?{Sas} failed");
        var service = new IngestionService(store, new FolderLedgerStore(_root), TestWorkbooks.Options, TimeProvider.System);

        SubmissionReceipt receipt = await service.IngestAsync("uploads/anyuan/a.xlsx", "anyuan", "a.xlsx", new MemoryStream(HostileFiles.Projects("项目")), null, default);

        Assert.Equal(SubmissionResult.Failed, receipt.Status);
        Assert.Contains("sig=***", receipt.Record.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT-A-REAL", receipt.Record.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_failure_quoting_a_password_is_stored_in_the_delivery_ledger_masked()
    {
        var ledger = new FolderLedgerStore(_root);
        var sender = new RecordingSender { FailWhen = _ => new InvalidOperationException("relay smtp://reporting:hunter2@smtp.pingxiang.example refused; Password=hunter2") };
        var delivery = new DeliveryService(ledger, sender, TimeProvider.System, TestWorkbooks.Options.Delivery);

        DeliveryReport report = await delivery.DeliverAsync(
            new ReportingPeriod(2022, 12), ["shuji@pingxiang.example"], to => new OutgoingMail { From = "briefing@pingxiang.example", To = to, Subject = "简报", Body = "正文" });

        DeliveryRecord record = (await ledger.GetAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12", "shuji@pingxiang.example"))!.Value;
        Assert.Equal(1, report.Failed);
        Assert.DoesNotContain("hunter2", record.LastError, StringComparison.Ordinal);
        Assert.Contains("Password=***", record.LastError, StringComparison.Ordinal);
    }

    private sealed class ThrowingStore(IReportStore inner, string message) : IReportStore
    {
        public string Location => inner.Location;

        public Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

        public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

        public Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default) =>
            path.StartsWith(Containers.Datasets, StringComparison.Ordinal) ? throw new IOException(message) : inner.WriteAsync(path, content, condition, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
    }
}
