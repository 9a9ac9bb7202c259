using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Reporting.Core;
using Reporting.Core.Pipeline;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class TimerFunctionTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    // Uploads arrive on 2 January (Beijing); the briefing timer fires on the 5th at 00:30 UTC = 08:30 Beijing.
    private static readonly DateTimeOffset s_briefingTick = new(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_briefing_timer_drafts_once_and_tells_only_the_reviewers_and_no_leader_gets_anything_unsigned()
    {
        await IngestBundledAsync();
        Host.Clock.Now = s_briefingTick;
        Smtp.Clear();

        await TickAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await TickAsync();

        CapturedMail notice = Assert.Single(Smtp.Messages);
        Assert.Equal(Host.Options.Delivery.Reviewers, notice.EnvelopeTo);
        Assert.Equal("【待审核】萍乡市重大项目推进情况简报（2022年第1期）草稿第1版", notice.Message.Subject);
        Assert.Contains("审核无误后请在报送平台签发", notice.Message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/portal/office/briefings/2022-12/1/review", notice.Message.TextBody!, StringComparison.Ordinal);
        Assert.Empty(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"));
        Assert.DoesNotContain(await Host.ListAsync("briefings/2022-12/"), o => o.Path == "briefings/2022-12/1.pdf");
        Assert.Contains(await Host.ListAsync("briefings/2022-12/drafts/"), o => o.Path == "briefings/2022-12/drafts/1-v1.pdf");
    }

    [Fact]
    public async Task Once_signed_each_leader_gets_the_signed_bytes_with_the_workbook_and_the_county_leader_the_appendix_exactly_once()
    {
        await IngestBundledAsync();
        Host.Clock.Now = s_briefingTick;
        await TickAsync();
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView draft = (await review.GetAsync(s_period))!;
        byte[] seen = (await Host.Stores.Store.ReadBytesAsync(draft.Draft!.PdfPath))!;
        Smtp.Clear();

        ReviewResult signed = await review.SignAsync(s_period, draft.Issue.Number, draft.Issue.DraftVersion, "张主任");
        await TickAsync();
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync();

        Assert.True(signed.Succeeded, signed.Message);
        string[] leaders = [.. Host.Options.Delivery.Leaders().Select(l => l.Address)];
        Assert.Equal(leaders.Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        byte[] issued = (await Host.Stores.Store.ReadBytesAsync("briefings/2022-12/1.pdf"))!;
        Assert.Equal(seen, issued);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(seen)), signed.View!.Issue.SignedSha256);
        foreach (CapturedMail mail in Smtp.Messages)
        {
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第1期）", mail.Message.Subject);
            Assert.Contains("134.8%", mail.Message.TextBody!, StringComparison.Ordinal);
            Assert.Equal(seen, Attachment(mail, mail.Message.Subject + ".pdf"));
            Assert.NotEmpty(Attachment(mail, "滞后项目清单.xlsx"));
            bool county = mail.EnvelopeTo.Contains("anyuan-quzhang@pingxiang.example");
            Assert.Equal(county ? 3 : 2, mail.Message.Attachments.Count());
        }

        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task Data_after_signing_leaves_the_signed_issue_alone_and_a_correction_goes_out_numbered_and_labelled_after_its_own_sign_off()
    {
        await IngestBundledAsync();
        Host.Clock.Now = s_briefingTick;
        await TickAsync();
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView first = (await review.GetAsync(s_period))!;
        Assert.True((await review.SignAsync(s_period, 1, first.Issue.DraftVersion, "张主任")).Succeeded);
        byte[] signedBytes = (await Host.Stores.Store.ReadBytesAsync("briefings/2022-12/1.pdf"))!;
        Smtp.Clear();

        // 安源区 sends a corrected table after the signature.
        Host.Clock.Advance(TimeSpan.FromHours(2));
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        await TickAsync();
        IssueView flagged = (await review.GetAsync(s_period, 1))!;
        ReviewResult correction = await review.CorrectAsync(s_period, "张主任");
        await TickAsync();
        int leaderMailBeforeSigning = Smtp.Messages.Count(m => m.EnvelopeTo.Any(Leaders().Contains));
        IssueView draft = correction.View!;
        ReviewResult signed = await review.SignAsync(s_period, draft.Issue.Number, draft.Issue.DraftVersion, "张主任");

        Assert.Contains("安源区", flagged.Issue.DataChangedAfterSigning, StringComparison.Ordinal);
        Assert.Equal(signedBytes, (await Host.Stores.Store.ReadBytesAsync("briefings/2022-12/1.pdf"))!);
        Assert.True(correction.Succeeded, correction.Message);
        Assert.Equal((2, 1), (draft.Issue.Number, draft.Issue.Corrects));
        Assert.Equal(0, leaderMailBeforeSigning);
        CapturedMail notice = Assert.Single(Smtp.Messages, m => m.EnvelopeTo.SequenceEqual(Host.Options.Delivery.Reviewers));
        Assert.Contains("【更正第1期】", notice.Message.Subject, StringComparison.Ordinal);
        Assert.True(signed.Succeeded, signed.Message);
        List<CapturedMail> corrected = [.. Smtp.Messages.Where(m => m.EnvelopeTo.Any(Leaders().Contains))];
        Assert.Equal(Leaders().Order(), corrected.SelectMany(m => m.EnvelopeTo).Order());
        byte[] issued = (await Host.Stores.Store.ReadBytesAsync("briefings/2022-12/2.pdf"))!;
        Assert.All(corrected, mail =>
        {
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第2期）【更正第1期】", mail.Message.Subject);
            Assert.Equal(issued, Attachment(mail, mail.Message.Subject + ".pdf"));
        });
        using (PdfDocument pdf = PdfDocument.Open(issued))
        {
            Assert.Contains("更正", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }

        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12-c2"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
        Assert.Equal(Leaders().Length, (await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12")).Count);
    }

    [Fact]
    public async Task Without_sign_off_the_briefing_timer_sends_each_leader_exactly_once_across_two_runs()
    {
        UseSettings(WithoutSignOff());
        await IngestBundledAsync();
        Host.Clock.Now = s_briefingTick;
        Smtp.Clear();

        await TickAsync();
        IReadOnlyList<CapturedMail> first = Smtp.Messages;
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await TickAsync();

        Assert.Equal(Host.Options.Delivery.Leaders().Select(l => l.Address).Order(), first.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(first.Count, Smtp.Messages.Count);
        byte[] stored = (await Host.Stores.Store.ReadBytesAsync("briefings/2022-12/1.pdf"))!;
        Assert.All(first, mail => Assert.Equal(stored, Attachment(mail, mail.Message.Subject + ".pdf")));
        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task An_smtp_outage_while_signing_marks_the_deliveries_failed_and_the_next_timer_run_delivers_them()
    {
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        Host.Clock.Now = s_briefingTick;
        await TickAsync();
        var review = Host.Services.GetRequiredService<BriefingReview>();
        IssueView draft = (await review.GetAsync(s_period))!;
        await Smtp.StopAsync();
        Smtp.Clear();

        ReviewResult signed = await review.SignAsync(s_period, draft.Issue.Number, draft.Issue.DraftVersion, "张主任");
        List<LedgerRow<DeliveryRecord>> failed = await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12");
        await Smtp.StartAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await TickAsync();
        await TickAsync();

        // The signature stands: the issue is signed, only its mail waits for the server.
        Assert.True(signed.Succeeded, signed.Message);
        Assert.Equal(IssueState.SignedOff, signed.View!.Issue.State);
        Assert.Equal(Host.Options.Delivery.Leaders().Count, failed.Count);
        Assert.All(failed, row =>
        {
            Assert.Equal(DeliveryStatus.Failed, row.Value.Status);
            Assert.StartsWith("cannot connect to 127.0.0.1:", row.Value.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(Host.Options.Delivery.Leaders().Select(l => l.Address).Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 2), (row.Value.Status, row.Value.Attempts)));
        Assert.Equal(IssueState.Delivered, (await review.GetAsync(s_period))!.Issue.State);
    }

    [Fact]
    public async Task With_nothing_submitted_the_briefing_timer_sends_nothing_and_does_not_throw()
    {
        Host.Clock.Now = s_briefingTick;
        Smtp.Clear();

        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Empty(Smtp.Messages);
        Assert.Empty(await Host.ListAsync("briefings/"));
    }

    [Fact]
    public async Task Reminders_go_to_every_department_still_missing_once_a_day()
    {
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        await IngestAsync("swj", Samples.Signings(Host.Options));
        Host.Clock.Now = new DateTimeOffset(2023, 1, 4, 1, 0, 0, TimeSpan.Zero);
        Smtp.Clear();
        string[] missing = Host.Options.Departments.Where(d => d.Id is not ("anyuan" or "swj")).Select(d => d.Contact!).Order().ToArray();

        await Host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        string[] firstDay = Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order().ToArray();
        await Host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        int afterRepeat = Smtp.Messages.Count;
        Host.Clock.Advance(TimeSpan.FromDays(1));
        await Host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(missing, firstDay);
        Assert.Equal(missing.Length, afterRepeat);
        Assert.Equal(2 * missing.Length, Smtp.Messages.Count);
        Assert.All(Smtp.Messages, m => Assert.StartsWith("【催报】请于2023年1月5日前报送2022年1-12月", m.Message.Subject, StringComparison.Ordinal));
    }

    private async Task IngestAsync(string department, (string Name, byte[] Content) file)
    {
        Azure.Storage.Blobs.BlobClient blob = await Host.UploadAsync(department, file.Name, file.Content);
        await Host.Create<IngestUploadFunction>().RunAsync(blob, department, file.Name, CancellationToken.None);
    }

    private static readonly ReportingPeriod s_period = new(2022, 12);

    private string[] Leaders() => [.. Host.Options.Delivery.Leaders().Select(l => l.Address)];

    private Task TickAsync() => Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

    private async Task IngestBundledAsync()
    {
        foreach ((string department, string path) in Samples.Bundled())
        {
            await IngestAsync(department, (Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }
    }

    private static byte[] Attachment(CapturedMail mail, string fileName)
    {
        using var content = new MemoryStream();
        Assert.Single(mail.Message.Attachments.OfType<MimePart>(), p => p.FileName == fileName).Content!.DecodeTo(content);
        return content.ToArray();
    }
}
