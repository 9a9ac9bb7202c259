using Reporting.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

[Collection(IntegrationFixtures.Name)]
public sealed class TimerFunctionTests : IAsyncLifetime, IDisposable
{
    // Uploads arrive on 2 January (Beijing).
    private static readonly DateTimeOffset s_uploadTime = new(2023, 1, 2, 2, 0, 0, TimeSpan.Zero);

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
