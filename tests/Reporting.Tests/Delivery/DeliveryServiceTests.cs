using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Tests.Storage;

namespace Reporting.Tests.Delivery;

public sealed class DeliveryServiceTests : IDisposable
{
    private static readonly ReportingPeriod s_period = new(2022, 12);
    private static readonly string[] s_leaders = ["shuji@pingxiang.example", "shizhang@pingxiang.example", "fgw-zhuren@pingxiang.example"];

    private readonly TempFolders _folders = new("reporting-delivery");
    private readonly FolderLedgerStore _ledger;
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 4, 16, 30, 0, TimeSpan.Zero));
    private readonly RecordingSender _sender = new();

    public DeliveryServiceTests()
    {
        _ledger = new FolderLedgerStore(_folders.Create());
    }

    public void Dispose() => _folders.Dispose();

    private DeliveryService Service(IMailSender? sender = null) => new(_ledger, sender ?? _sender, _clock);

    private static OutgoingMail Build(string recipient) => new()
    {
        From = "briefing@pingxiang.example",
        To = recipient,
        Subject = "萍乡市重大项目推进情况简报（2022年第12期）",
        Body = "正文",
    };

    [Fact]
    public async Task Sends_each_recipient_once_across_repeated_runs()
    {
        DeliveryReport first = await Service().DeliverAsync(s_period, s_leaders, Build);
        DeliveryReport second = await Service().DeliverAsync(s_period, s_leaders, Build);

        Assert.Equal(3, first.SentNow);
        Assert.Equal(0, second.SentNow);
        Assert.Equal(3, second.AlreadySent);
        Assert.Equal(s_leaders.Order(), _sender.Sent.Select(m => m.To.Mailboxes.Single().Address).Order());
        IReadOnlyList<DeliveryRecord> rows = await Service().GetDeliveriesAsync(s_period);
        Assert.All(rows, r =>
        {
            Assert.Equal(DeliveryStatus.Sent, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(_clock.Now, r.SentAt);
            Assert.Null(r.LastError);
            Assert.Equal("萍乡市重大项目推进情况简报（2022年第12期）", r.Subject);
        });
    }

    [Fact]
    public async Task Ignores_duplicate_and_blank_recipients()
    {
        DeliveryReport report = await Service().DeliverAsync(s_period, ["Shuji@Pingxiang.example", "shuji@pingxiang.example ", " "], Build);

        Assert.Equal(1, report.SentNow);
        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task Records_a_failure_and_the_next_run_retries_only_the_failed_recipient()
    {
        _sender.FailWhen = m => m.To.Mailboxes.Single().Address == "shizhang@pingxiang.example"
            ? new MailDeliveryException("SMTP 451 from smtp.pingxiang.example:587: try again later")
            : null;

        DeliveryReport first = await Service().DeliverAsync(s_period, s_leaders, Build);
        LedgerRow<DeliveryRecord> failed = (await _ledger.GetAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12", "shizhang@pingxiang.example"))!;
        _sender.FailWhen = _ => null;
        _clock.Advance(TimeSpan.FromHours(1));
        DeliveryReport second = await Service().DeliverAsync(s_period, s_leaders, Build);

        Assert.Equal((2, 1), (first.SentNow, first.Failed));
        Assert.Equal(DeliveryStatus.Failed, failed.Value.Status);
        Assert.Equal("SMTP 451 from smtp.pingxiang.example:587: try again later", failed.Value.LastError);
        Assert.Equal(1, failed.Value.Attempts);
        Assert.Equal((1, 2), (second.SentNow, second.AlreadySent));
        DeliveryRecord retried = (await _ledger.GetAsync<DeliveryRecord>(LedgerTables.Deliveries, "2022-12", "shizhang@pingxiang.example"))!.Value;
        Assert.Equal((DeliveryStatus.Sent, 2, null), (retried.Status, retried.Attempts, retried.LastError));
        Assert.Equal(4, _sender.Calls);
        Assert.Equal(3, _sender.Sent.Count);
    }

    [Fact]
    public async Task A_retry_carries_the_same_message_id_as_the_failed_attempt()
    {
        List<string> ids = [];
        _sender.FailWhen = m =>
        {
            ids.Add(m.MessageId!);
            return ids.Count == 1 ? new MailDeliveryException("cannot connect to smtp:587: ConnectionRefused") : null;
        };

        await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build);
        await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build);

        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], (await Service().GetDeliveriesAsync(s_period)).Single().MessageId);
    }

    [Fact]
    public async Task A_message_that_cannot_be_built_is_recorded_as_failed_not_thrown()
    {
        DeliveryReport report = await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], _ => throw new InvalidOperationException("no PDF"));

        DeliveryOutcome outcome = Assert.Single(report.Outcomes);
        Assert.Equal(DeliveryResult.Failed, outcome.Result);
        Assert.Equal("InvalidOperationException: no PDF", outcome.Error);
        Assert.Equal(DeliveryStatus.Failed, (await Service().GetDeliveriesAsync(s_period)).Single().Status);
    }

    [Fact]
    public async Task Two_concurrent_runs_send_each_recipient_exactly_once()
    {
        _sender.Delay = TimeSpan.FromMilliseconds(50);

        DeliveryReport[] reports = await Task.WhenAll(
            Task.Run(() => Service().DeliverAsync(s_period, s_leaders, Build)),
            Task.Run(() => Service().DeliverAsync(s_period, s_leaders, Build)),
            Task.Run(() => Service().DeliverAsync(s_period, s_leaders, Build)));

        Assert.Equal(3, _sender.Sent.Count);
        Assert.Equal(3, reports.Sum(r => r.SentNow));
        Assert.Equal(s_leaders.Order(), _sender.Sent.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task A_fresh_claim_is_left_alone_and_a_stale_one_is_taken_over()
    {
        var abandoned = new DeliveryRecord
        {
            Recipient = "shuji@pingxiang.example",
            Status = DeliveryStatus.Sending,
            Attempts = 1,
            MessageId = "abandoned@reporting",
            ClaimedAt = _clock.Now.AddMinutes(-5),
            UpdatedAt = _clock.Now.AddMinutes(-5),
        };
        await _ledger.InsertAsync(LedgerTables.Deliveries, "2022-12", "shuji@pingxiang.example", abandoned);

        DeliveryReport whileFresh = await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build);
        _clock.Advance(TimeSpan.FromMinutes(20));
        DeliveryReport afterTimeout = await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build);

        Assert.Equal(DeliveryResult.InProgress, whileFresh.Outcomes.Single().Result);
        Assert.Equal(DeliveryResult.Sent, afterTimeout.Outcomes.Single().Result);
        Assert.Equal("abandoned@reporting", Assert.Single(_sender.Sent).MessageId);
        Assert.Equal(2, (await Service().GetDeliveriesAsync(s_period)).Single().Attempts);
    }

    [Fact]
    public async Task A_run_cancelled_mid_send_records_it_so_the_next_run_retries_at_once()
    {
        // Cancelled once the send has begun (after the claim is recorded), not after a fixed time: on a loaded machine a
        // timer could fire before the claim and test nothing.
        _sender.Delay = TimeSpan.FromMinutes(5);
        using var cancel = new CancellationTokenSource();
        Task<DeliveryReport> run = Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build, cancel.Token);
        await _sender.SendStarted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        _sender.Delay = TimeSpan.Zero;
        DeliveryReport next = await Service().DeliverAsync(s_period, ["shuji@pingxiang.example"], Build);

        Assert.Equal(DeliveryResult.Sent, next.Outcomes.Single().Result);
        Assert.Equal(2, (await Service().GetDeliveriesAsync(s_period)).Single().Attempts);
    }

    [Fact]
    public async Task Reminds_a_department_once_per_beijing_day()
    {
        DeliveryService service = Service();

        DeliveryOutcome first = await service.RemindOnceAsync(new DateOnly(2023, 1, 2), "swj", "zhaoshang@swj.pingxiang.example", Build);
        DeliveryOutcome again = await service.RemindOnceAsync(new DateOnly(2023, 1, 2), "swj", "zhaoshang@swj.pingxiang.example", Build);
        DeliveryOutcome nextDay = await service.RemindOnceAsync(new DateOnly(2023, 1, 3), "swj", "zhaoshang@swj.pingxiang.example", Build);

        Assert.Equal([DeliveryResult.Sent, DeliveryResult.AlreadySent, DeliveryResult.Sent], [first.Result, again.Result, nextDay.Result]);
        Assert.Equal(2, _sender.Sent.Count);
        Assert.NotNull(await _ledger.GetAsync<DeliveryRecord>(LedgerTables.Reminders, "2023-01-02", "swj"));
    }

    [Theory]
    [InlineData("Leader@PingXiang.example", "leader@pingxiang.example")]
    [InlineData("a/b#c?d%e@x.cn", "a%2Fb%23c%3Fd%25e@x.cn")]
    public void Row_keys_are_lower_case_and_escape_what_azure_tables_refuse(string address, string expected)
    {
        string key = DeliveryService.RowKeyFor(address);

        Assert.Equal(expected, key);
        LedgerTables.ValidateKey(key, "rowKey");
    }
}
