using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;
using Reporting.Tests.Storage;

namespace Reporting.Tests.Delivery;

public sealed class ReminderServiceTests : IDisposable
{
    private readonly TempFolders _folders = new("reporting-reminders");

    public void Dispose() => _folders.Dispose();

    private static readonly DeliveryOptions s_delivery = new() { ReminderDaysBeforeDeadline = 2, ReminderDaysAfterDeadline = 3 };

    private static ReportingOptions Options(DeliveryOptions? delivery = null, int deadlineDay = 3) =>
        new() { Delivery = delivery ?? s_delivery, Ingestion = new IngestionOptions { SubmissionDeadlineDay = deadlineDay } };

    [Theory]
    [InlineData(2022, 12, "2023-01-03")]
    [InlineData(2023, 1, "2023-02-03")]
    public void The_deadline_is_the_configured_day_of_the_following_month(int year, int month, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ReminderService.DeadlineFor(new ReportingPeriod(year, month), Options()));
    }

    [Fact]
    public void A_deadline_day_beyond_the_month_is_its_last_day()
    {
        Assert.Equal(new DateOnly(2023, 2, 28), ReminderService.DeadlineFor(new ReportingPeriod(2023, 1), Options(deadlineDay: 31)));
    }

    [Theory]
    [InlineData("2022-12-31", null)]
    [InlineData("2023-01-01", "2022-12")]
    [InlineData("2023-01-03", "2022-12")]
    [InlineData("2023-01-06", "2022-12")]
    [InlineData("2023-01-07", null)]
    public void Reminders_run_from_n_days_before_to_m_days_after_the_deadline(string today, string? expected)
    {
        ReportingPeriod? period = ReminderService.PeriodDueForReminders(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Options());

        Assert.Equal(expected, period?.ToString());
    }

    [Fact]
    public void A_window_reaching_back_into_the_period_month_still_finds_the_period()
    {
        ReportingOptions early = Options(new DeliveryOptions { ReminderDaysBeforeDeadline = 5 }, deadlineDay: 2);

        Assert.Equal("2022-12", ReminderService.PeriodDueForReminders(new DateOnly(2022, 12, 29), early)?.ToString());
    }

    [Fact]
    public async Task Reminds_only_departments_without_an_accepted_submission_and_only_once_a_day()
    {
        var options = new ReportingOptions
        {
            Departments =
            [
                new DepartmentOptions { Id = "anyuan", Name = "安源区", Kinds = [DatasetKind.Projects], Contact = "anyuan@x.cn" },
                new DepartmentOptions { Id = "luxi", Name = "芦溪县", Kinds = [DatasetKind.Projects], Contact = "luxi@x.cn" },
                new DepartmentOptions { Id = "swj", Name = "市商务局", Kinds = [DatasetKind.Signings], Contact = "swj@x.cn" },
                new DepartmentOptions { Id = "gxj", Name = "市工信局", Kinds = [DatasetKind.Metrics], Contact = null },
                new DepartmentOptions { Id = "jrb", Name = "市金融办", Kinds = [DatasetKind.Metrics], Contact = "jrb@x.cn" },
            ],
            Delivery = s_delivery,
            Ingestion = new IngestionOptions { SubmissionDeadlineDay = 3 },
        };
        var clock = new ManualClock(new DateTimeOffset(2023, 1, 2, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender();
        var service = new ReminderService(new DeliveryService(new FolderLedgerStore(_folders.Create()), sender, clock), options, clock);
        DepartmentSubmissionStatus[] statuses =
        [
            new() { DepartmentId = "anyuan", DepartmentName = "安源区", State = SubmissionState.OnTime },
            new() { DepartmentId = "luxi", DepartmentName = "芦溪县", State = SubmissionState.Rejected, ErrorCount = 2 },
            new() { DepartmentId = "swj", DepartmentName = "市商务局", State = SubmissionState.Missing },
            new() { DepartmentId = "gxj", DepartmentName = "市工信局", State = SubmissionState.Missing },
        ];

        ReminderReport first = await service.SendDueAsync((_, _) => Task.FromResult<IReadOnlyList<DepartmentSubmissionStatus>>(statuses));
        ReminderReport again = await service.SendDueAsync((_, _) => Task.FromResult<IReadOnlyList<DepartmentSubmissionStatus>>(statuses));

        Assert.Equal(new ReportingPeriod(2022, 12), first.Period);
        Assert.Equal(["jrb@x.cn", "luxi@x.cn", "swj@x.cn"], sender.Sent.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(3, first.SentNow);
        Assert.Equal(0, again.SentNow);
        Assert.Contains(sender.Sent, m => m.Subject == "【催报】请于2023年1月3日前报送2022年1-12月重大项目调度表");
    }

    [Fact]
    public async Task Outside_any_window_nothing_is_asked_or_sent()
    {
        var clock = new ManualClock(new DateTimeOffset(2023, 1, 15, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender();
        var service = new ReminderService(new DeliveryService(new FolderLedgerStore(_folders.Create()), sender, clock), Options(), clock);

        ReminderReport report = await service.SendDueAsync((_, _) => throw new InvalidOperationException("must not be asked"));

        Assert.Null(report.Period);
        Assert.Empty(sender.Sent);
    }
}
