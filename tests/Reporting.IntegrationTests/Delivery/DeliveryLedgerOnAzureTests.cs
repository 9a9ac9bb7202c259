using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Delivery;

/// <summary>The delivery ledger on Azure Table storage with a real SMTP server: exactly once, and retries after an outage.</summary>
[Collection(IntegrationFixtures.Name)]
public sealed class DeliveryLedgerOnAzureTests : IAsyncLifetime
{
    private static readonly ReportingPeriod s_period = new(2022, 12);
    private static readonly string[] s_leaders = ["shuji@pingxiang.example", "shizhang@pingxiang.example", "fgw-zhuren@pingxiang.example"];

    private readonly AzuriteFixture _azurite;
    private readonly SmtpFixture _smtp;
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 4, 16, 30, 0, TimeSpan.Zero));

    public DeliveryLedgerOnAzureTests(AzuriteFixture azurite, SmtpFixture smtp)
    {
        _azurite = azurite;
        _smtp = smtp;
    }

    public async Task InitializeAsync()
    {
        await _smtp.ResetAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.ResetAsync();
    }

    private static OutgoingMail Build(string recipient) => BriefingMail.Create(
        new ReportingOptions { Delivery = new DeliveryOptions { From = SmtpFixture.UserName } },
        new BriefingMailContent { Period = s_period, IssueNumber = 12, Headlines = ["完成年计划投资的134.8%。"], Pdf = "%PDF-1.7\n"u8.ToArray() },
        recipient);

    [Fact]
    public async Task Concurrent_runs_on_the_table_ledger_send_each_leader_exactly_once()
    {
        ILedgerStore ledger = _azurite.CreateStores().Ledger;

        DeliveryReport[] reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => new DeliveryService(ledger, _smtp.CreateSender(), _clock).DeliverAsync(s_period, s_leaders, Build))));

        Assert.Equal(s_leaders.Order(), _smtp.Messages.SelectMany(m => m.EnvelopeTo).Order());
        Assert.Equal(3, reports.Sum(r => r.SentNow));
    }

    [Fact]
    public async Task An_outage_is_recorded_as_failed_and_the_next_run_delivers_once()
    {
        ILedgerStore ledger = _azurite.CreateStores().Ledger;
        var service = new DeliveryService(ledger, _smtp.CreateSender(), _clock);
        await _smtp.StopAsync();

        DeliveryReport duringOutage = await service.DeliverAsync(s_period, s_leaders, Build);
        IReadOnlyList<DeliveryRecord> failed = await service.GetDeliveriesAsync(s_period);
        await _smtp.StartAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        DeliveryReport afterwards = await service.DeliverAsync(s_period, s_leaders, Build);
        DeliveryReport again = await service.DeliverAsync(s_period, s_leaders, Build);

        Assert.Equal(3, duringOutage.Failed);
        Assert.All(failed, r =>
        {
            Assert.Equal(DeliveryStatus.Failed, r.Status);
            Assert.Equal($"cannot connect to 127.0.0.1:{_smtp.Port}: ConnectionRefused", r.LastError);
        });
        Assert.Equal(3, afterwards.SentNow);
        Assert.Equal((0, 3), (again.SentNow, again.AlreadySent));
        Assert.Equal(3, _smtp.Messages.Count);
        Assert.All(await service.GetDeliveriesAsync(s_period), r => Assert.Equal((DeliveryStatus.Sent, 2), (r.Status, r.Attempts)));
        Assert.Equal(
            failed.Select(r => r.MessageId).Order(),
            _smtp.Messages.Select(m => m.Message.MessageId).Order());
    }
}
