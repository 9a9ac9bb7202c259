using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class TimerFunctionTests : IAsyncLifetime, IDisposable
{
    // Uploads arrive on 2 January (Beijing); the briefing timer fires on the 5th at 00:30 UTC = 08:30 Beijing.
    private static readonly DateTimeOffset s_uploadTime = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_briefingTick = new(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite;
    private readonly SmtpFixture _smtp;
    private FunctionsTestHost _host = null!;

    public TimerFunctionTests(AzuriteFixture azurite, SmtpFixture smtp)
    {
        _azurite = azurite;
        _smtp = smtp;
    }

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _smtp.Mode = SmtpMode.Accept;
        _host = new FunctionsTestHost(_azurite, _smtp, new ManualClock(s_uploadTime));
    }

    public async Task DisposeAsync()
    {
        await _smtp.StartAsync();
        Dispose();
    }

    public void Dispose() => _host?.Dispose();

    [Fact]
    public async Task The_briefing_timer_sends_each_recipient_exactly_once_across_two_runs()
    {
        foreach ((string department, string path) in Samples.Bundled())
        {
            await IngestAsync(department, (Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }

        _host.Clock.Now = s_briefingTick;
        _smtp.Clear();

        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        IReadOnlyList<CapturedMail> first = _smtp.Messages;
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(_host.Options.Delivery.Recipients.Order(), first.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(first.Count, _smtp.Messages.Count);
        StoredObject pdf = Assert.Single(await _host.ListAsync("briefings/2022-12/"), o => o.Path.EndsWith(".pdf", StringComparison.Ordinal));
        byte[] stored = (await _host.Stores.Store.ReadBytesAsync(pdf.Path))!;
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

        Assert.All(await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task An_smtp_outage_marks_the_deliveries_failed_and_the_next_run_delivers_them()
    {
        await IngestAsync("anyuan", Samples.Projects(_host.Options));
        _host.Clock.Now = s_briefingTick;
        await _smtp.StopAsync();
        _smtp.Clear();

        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        List<LedgerRow<DeliveryRecord>> failed = await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12");
        await _smtp.StartAsync();
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(_host.Options.Delivery.Recipients.Count, failed.Count);
        Assert.All(failed, row =>
        {
            Assert.Equal(DeliveryStatus.Failed, row.Value.Status);
            Assert.StartsWith("cannot connect to 127.0.0.1:", row.Value.LastError, StringComparison.Ordinal);
        });
        Assert.Equal(_host.Options.Delivery.Recipients.Order(), _smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.All(await _host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12"), row => Assert.Equal((DeliveryStatus.Sent, 2), (row.Value.Status, row.Value.Attempts)));
    }

    [Fact]
    public async Task With_nothing_submitted_the_briefing_timer_sends_nothing_and_does_not_throw()
    {
        _host.Clock.Now = s_briefingTick;
        _smtp.Clear();

        await _host.Create<SendBriefingFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Empty(_smtp.Messages);
        Assert.Empty(await _host.ListAsync("briefings/"));
    }

    [Fact]
    public async Task Reminders_go_to_every_department_still_missing_once_a_day()
    {
        await IngestAsync("anyuan", Samples.Projects(_host.Options));
        await IngestAsync("swj", Samples.Signings(_host.Options));
        _host.Clock.Now = new DateTimeOffset(2023, 1, 4, 1, 0, 0, TimeSpan.Zero);
        _smtp.Clear();
        string[] missing = _host.Options.Departments.Where(d => d.Id is not ("anyuan" or "swj")).Select(d => d.Contact!).Order().ToArray();

        await _host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        string[] firstDay = _smtp.Messages.SelectMany(m => m.EnvelopeTo).Order().ToArray();
        await _host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        int afterRepeat = _smtp.Messages.Count;
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.Create<SendRemindersFunction>().RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        Assert.Equal(missing, firstDay);
        Assert.Equal(missing.Length, afterRepeat);
        Assert.Equal(2 * missing.Length, _smtp.Messages.Count);
        Assert.All(_smtp.Messages, m => Assert.StartsWith("【催报】请于2023年1月5日前报送2022年1-12月", m.Message.Subject, StringComparison.Ordinal));
    }

    private async Task IngestAsync(string department, (string Name, byte[] Content) file)
    {
        Azure.Storage.Blobs.BlobClient blob = await _host.UploadAsync(department, file.Name, file.Content);
        await _host.Create<IngestUploadFunction>().RunAsync(blob, department, file.Name, CancellationToken.None);
    }
}
