using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using MimeKit;
using Reporting.Core.Briefings;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// At-least-once triggers fired at the same moment: Event Grid delivering one BlobCreated twice to two
/// instances, the briefing timer firing twice for one period on two instances, and the mail server
/// going down in the middle of a delivery run.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class DuplicateTriggerTests(AzuriteFixture azurite, SmtpFixture smtp) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset s_uploadTime = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_briefingTick = new(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);
    private FunctionsTestHost _host = null!;

    public async Task InitializeAsync()
    {
        await smtp.StartAsync();
        smtp.Mode = SmtpMode.Accept;
        smtp.GoDownAtMessage = null;
        smtp.Clear();
        _host = new FunctionsTestHost(azurite, smtp, new ManualClock(s_uploadTime));
    }

    public async Task DisposeAsync()
    {
        smtp.GoDownAtMessage = null;
        await smtp.StartAsync();
        Dispose();
    }

    public void Dispose() => _host?.Dispose();

    [Fact]
    public async Task One_blob_created_event_delivered_twice_at_once_is_ingested_and_answered_once()
    {
        (string name, byte[] content) = Samples.Projects(_host.Options);
        BlobClient blob = await _host.UploadAsync("anyuan", name, content);

        await Task.WhenAll(
            Task.Run(() => _host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None)),
            Task.Run(() => _host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None)));

        SubmissionRecord record = Assert.Single(await _host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value;
        Assert.True(record.IsAccepted);
        Assert.Single(await _host.ListAsync("archive/"));
        Assert.Single(await _host.ListAsync("datasets/"));
        CapturedMail receipt = Assert.Single(smtp.Messages);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
        Assert.Equal(
            (DeliveryStatus.Sent, 1),
            Assert.Single(await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("anyuan"))).Value is var r ? (r.Status, r.Attempts) : default);
    }

    [Fact]
    public async Task The_briefing_timer_firing_twice_at_once_renders_one_issue_and_mails_each_leader_once()
    {
        await IngestSamplesAsync();
        _host.Clock.Now = s_briefingTick;
        smtp.Clear();

        await Task.WhenAll(
            Task.Run(() => _host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None)),
            Task.Run(() => _host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None)));

        IReadOnlyList<CapturedMail> mails = smtp.Messages;
        Assert.Equal(_host.Options.Delivery.Recipients.Order(), mails.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Single(await _host.RowsAsync<IssueNumbering.IssueRecord>(LedgerTables.Issues));
        StoredObject pdf = Assert.Single(await _host.ListAsync("briefings/2022-12/"), o => o.Path.EndsWith(".pdf", StringComparison.Ordinal));
        byte[] stored = (await _host.Stores.Store.ReadBytesAsync(pdf.Path))!;
        Assert.All(mails, mail => Assert.Equal(stored, Attachment(mail)));
        Assert.All(await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task The_mail_server_going_down_mid_run_leaves_the_rest_failed_and_the_next_run_delivers_each_exactly_once()
    {
        await IngestSamplesAsync();
        _host.Clock.Now = s_briefingTick;
        smtp.Clear();
        smtp.GoDownAtMessage = 2;

        await _host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        List<LedgerRow<DeliveryRecord>> afterOutage = await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12");
        int deliveredBeforeOutage = smtp.Messages.Count;
        await smtp.StartAsync();
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await _host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        int recipients = _host.Options.Delivery.Recipients.Count;
        Assert.True(recipients >= 3);
        Assert.Equal(1, deliveredBeforeOutage);
        Assert.Equal(1, afterOutage.Count(r => r.Value.Status == DeliveryStatus.Sent));
        Assert.Equal(recipients - 1, afterOutage.Count(r => r.Value.Status == DeliveryStatus.Failed));
        // The mail in flight gets 421 or loses its connection (whichever the shutdown reaches first); the rest find nobody listening.
        Assert.Contains(afterOutage, r => r.Value.LastError?.StartsWith("cannot connect to 127.0.0.1:", StringComparison.Ordinal) == true);
        Assert.All(afterOutage.Where(r => r.Value.Status == DeliveryStatus.Failed), r => Assert.False(string.IsNullOrEmpty(r.Value.LastError)));
        Assert.Equal(_host.Options.Delivery.Recipients.Order(), smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal(DeliveryStatus.Sent, row.Value.Status));
    }

    private async Task IngestSamplesAsync()
    {
        foreach ((string department, string path) in Samples.Bundled())
        {
            string name = Path.GetFileName(path);
            BlobClient blob = await _host.UploadAsync(department, name, await File.ReadAllBytesAsync(path));
            await _host.Create<IngestUploadFunction>().RunAsync(blob, department, name, CancellationToken.None);
        }
    }

    private static byte[] Attachment(CapturedMail mail)
    {
        using var content = new MemoryStream();
        Assert.Single(mail.Message.Attachments.OfType<MimePart>()).Content!.DecodeTo(content);
        return content.ToArray();
    }
}
