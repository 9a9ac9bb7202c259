using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class TimerFunctionTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    // Uploads arrive on 2 January (Beijing); the briefing timer fires on the 5th at 00:30 UTC = 08:30 Beijing.
    private static readonly DateTimeOffset s_briefingTick = new(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_briefing_timer_sends_each_recipient_exactly_once_across_two_runs()
    {
        foreach ((string department, string path) in Samples.Bundled())
        {
            await IngestAsync(department, (Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }

        Host.Clock.Now = s_briefingTick;
        Smtp.Clear();

        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        IReadOnlyList<CapturedMail> first = Smtp.Messages;
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(Host.Options.Delivery.Recipients.Order(), first.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(first.Count, Smtp.Messages.Count);
        StoredObject pdf = Assert.Single(await Host.ListAsync("briefings/2022-12/"), o => o.Path.EndsWith(".pdf", StringComparison.Ordinal));
        byte[] stored = (await Host.Stores.Store.ReadBytesAsync(pdf.Path))!;
        foreach (CapturedMail mail in first)
        {
            Assert.StartsWith("萍乡市重大项目推进情况简报（2022年第", mail.Message.Subject, StringComparison.Ordinal);
            Assert.Contains("134.8%", mail.Message.TextBody!, StringComparison.Ordinal);
            MimePart attachment = Assert.Single(mail.Message.Attachments.OfType<MimePart>());
            Assert.Equal(mail.Message.Subject + ".pdf", attachment.FileName);
            using var attached = new MemoryStream();
            attachment.Content!.DecodeTo(attached);
            Assert.Equal(stored, attached.ToArray());
        }

        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task An_smtp_outage_marks_the_deliveries_failed_and_the_next_run_delivers_them()
    {
        await IngestAsync("anyuan", Samples.Projects(Host.Options));
        Host.Clock.Now = s_briefingTick;
        await Smtp.StopAsync();
        Smtp.Clear();

        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        List<LedgerRow<DeliveryRecord>> failed = await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12");
        await Smtp.StartAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        await Host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(Host.Options.Delivery.Recipients.Count, failed.Count);
        Assert.All(failed, row =>
        {
            Assert.Equal(DeliveryStatus.Failed, row.Value.Status);
            Assert.StartsWith("cannot connect to 127.0.0.1:", row.Value.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(Host.Options.Delivery.Recipients.Order(), Smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 2), (row.Value.Status, row.Value.Attempts)));
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
}
