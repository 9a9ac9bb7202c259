using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
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
public sealed class DuplicateTriggerTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    private static readonly DateTimeOffset s_briefingTick = new(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);
    private static readonly ReportingPeriod s_period = new(2022, 12);

    [Fact]
    public async Task One_blob_created_event_delivered_twice_at_once_is_ingested_and_answered_once()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        BlobClient blob = await Host.UploadAsync("anyuan", name, content);

        await Task.WhenAll(
            Task.Run(() => Host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None)),
            Task.Run(() => Host.Create<IngestUploadFunction>().RunAsync(blob, "anyuan", name, CancellationToken.None)));

        SubmissionRecord record = Assert.Single(await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Value;
        Assert.True(record.IsAccepted);
        Assert.Single(await Host.ListAsync("archive/"));
        Assert.Single(await Host.ListAsync("datasets/"));
        CapturedMail receipt = Assert.Single(Smtp.Messages);
        Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
        Assert.Equal(
            (DeliveryStatus.Sent, 1),
            Assert.Single(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("anyuan"))).Value is var r ? (r.Status, r.Attempts) : default);
    }

    [Fact]
    public async Task The_briefing_timer_firing_twice_at_once_drafts_one_issue_and_tells_the_reviewers_once()
    {
        await IngestSamplesAsync();
        Host.Clock.Now = s_briefingTick;
        Smtp.Clear();

        await Task.WhenAll(
            Task.Run(() => Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None)),
            Task.Run(() => Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None)));

        CapturedMail notice = Assert.Single(Smtp.Messages);
        Assert.Equal(Host.Options.Delivery.Reviewers, notice.EnvelopeTo);
        IssueNumbering.IssueRecord issue = Assert.Single(await Host.RowsAsync<IssueNumbering.IssueRecord>(LedgerTables.Issues)).Value;
        Assert.Equal(1, issue.Number);
        BriefingIssue row = Assert.Single(await Host.Services.GetRequiredService<BriefingReview>().ListAsync(2022));
        Assert.Equal((IssueState.Draft, 1), (row.State, row.DraftVersion));
        StoredObject draft = Assert.Single(await Host.ListAsync("briefings/2022-12/drafts/"), o => o.Path == "briefings/2022-12/drafts/1-v1.pdf");
        Assert.Equal((await Host.Stores.Store.ReadBytesAsync(draft.Path))!, Attachment(notice));
        Assert.Empty(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"));
    }

    [Fact]
    public async Task Two_signers_at_once_sign_once_and_each_leader_gets_one_mail()
    {
        await IngestSamplesAsync();
        Host.Clock.Now = s_briefingTick;
        await Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView view = (await review.GetAsync(s_period))!;
        Smtp.Clear();

        ReviewResult[] results = await Task.WhenAll(
            Task.Run(() => review.SignAsync(s_period, view.Issue.Number, view.Issue.DraftVersion, "张主任")),
            Task.Run(() => review.SignAsync(s_period, view.Issue.Number, view.Issue.DraftVersion, "李副主任")));

        Assert.Single(results, r => r.Outcome == ReviewOutcome.Done);
        Assert.Single(results, r => r.Outcome == ReviewOutcome.AlreadySigned);
        string signer = results.Single(r => r.Succeeded).View!.Issue.SignedBy!;
        Assert.Equal(signer, (await review.GetAsync(s_period))!.Issue.SignedBy);
        Assert.Equal(Host.Options.Delivery.Leaders().Select(l => l.Address).Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task The_mail_server_going_down_mid_run_leaves_the_rest_failed_and_the_next_run_delivers_each_exactly_once()
    {
        await IngestSamplesAsync();
        Host.Clock.Now = s_briefingTick;
        await Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView view = (await review.GetAsync(s_period))!;
        Smtp.Clear();
        Smtp.GoDownAtMessage = 2;

        ReviewResult signed = await review.SignAsync(s_period, view.Issue.Number, view.Issue.DraftVersion, "张主任");
        List<LedgerRow<DeliveryRecord>> afterOutage = await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12");
        int deliveredBeforeOutage = Smtp.Messages.Count;
        await Smtp.StartAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await Host.Create<SendBriefingFunction>().RunAsync(new TimerInfo(), CancellationToken.None);

        string[] leaders = [.. Host.Options.Delivery.Leaders().Select(l => l.Address)];
        Assert.True(signed.Succeeded, signed.Message);
        Assert.True(leaders.Length >= 3);
        Assert.Equal(1, deliveredBeforeOutage);
        Assert.Equal(1, afterOutage.Count(r => r.Value.Status == DeliveryStatus.Sent));
        Assert.Equal(leaders.Length - 1, afterOutage.Count(r => r.Value.Status == DeliveryStatus.Failed));
        // The mail in flight gets 421 or loses its connection (whichever the shutdown reaches first); the rest find nobody listening.
        Assert.Contains(afterOutage, r => r.Value.LastError?.StartsWith("cannot connect to 127.0.0.1:", StringComparison.Ordinal) == true);
        Assert.All(afterOutage.Where(r => r.Value.Status == DeliveryStatus.Failed), r => Assert.False(string.IsNullOrEmpty(r.Value.LastError)));
        Assert.Equal(leaders.Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal(DeliveryStatus.Sent, row.Value.Status));
    }

    private async Task IngestSamplesAsync()
    {
        foreach ((string department, string path) in Samples.Bundled())
        {
            string name = Path.GetFileName(path);
            BlobClient blob = await Host.UploadAsync(department, name, await File.ReadAllBytesAsync(path));
            await Host.Create<IngestUploadFunction>().RunAsync(blob, department, name, CancellationToken.None);
        }
    }

    private static byte[] Attachment(CapturedMail mail)
    {
        using var content = new MemoryStream();
        Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.FileName?.EndsWith(".pdf", StringComparison.Ordinal) == true).Content!.DecodeTo(content);
        return content.ToArray();
    }
}
