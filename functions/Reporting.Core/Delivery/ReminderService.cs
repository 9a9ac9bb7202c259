using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Delivery;

/// <summary>What one reminder run did.</summary>
public sealed record ReminderReport(ReportingPeriod? Period, DateOnly Today, DateOnly? Deadline, IReadOnlyList<DeliveryOutcome> Outcomes)
{
    public int SentNow => Outcomes.Count(o => o.Result == DeliveryResult.Sent);

    public override string ToString() =>
        Period is null
            ? $"{Today:yyyy-MM-dd}: no period in its reminder window"
            : $"{Today:yyyy-MM-dd}, period {Period}, deadline {Deadline:yyyy-MM-dd}: {new DeliveryReport(Outcomes)}";
}

/// <summary>
/// 催报: from <see cref="DeliveryOptions.ReminderDaysBeforeDeadline"/> days before the deadline
/// (<see cref="IngestionOptions.SubmissionDeadlineDay"/> of the following month, the same deadline
/// the status uses for on time or late) until <see cref="DeliveryOptions.ReminderDaysAfterDeadline"/>
/// days after it, each department with no accepted submission for the period gets one reminder a
/// day (Beijing days).
/// </summary>
public sealed class ReminderService
{
    private readonly DeliveryService _delivery;
    private readonly ReportingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public ReminderService(DeliveryService delivery, ReportingOptions options, TimeProvider clock, ILogger<ReminderService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _delivery = delivery;
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger<ReminderService>.Instance;
    }

    /// <summary>The submission deadline of a period: the configured day of the following month (capped at its last day).</summary>
    public static DateOnly DeadlineFor(ReportingPeriod period, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DateOnly next = period.EndExclusive;
        int day = Math.Clamp(options.Ingestion.SubmissionDeadlineDay, 1, DateTime.DaysInMonth(next.Year, next.Month));
        return new DateOnly(next.Year, next.Month, day);
    }

    /// <summary>The period whose reminder window contains <paramref name="today"/>, if any (the later one when windows overlap).</summary>
    public static ReportingPeriod? PeriodDueForReminders(DateOnly today, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var thisMonth = new ReportingPeriod(today.Year, today.Month);
        foreach (ReportingPeriod candidate in new[] { thisMonth, thisMonth.Previous, thisMonth.Previous.Previous })
        {
            DateOnly deadline = DeadlineFor(candidate, options);
            if (today >= deadline.AddDays(-Math.Max(0, options.Delivery.ReminderDaysBeforeDeadline))
                && today <= deadline.AddDays(Math.Max(0, options.Delivery.ReminderDaysAfterDeadline)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Reminds every configured department with a contact that has no accepted submission for
    /// <paramref name="period"/> according to <paramref name="statuses"/> (a department absent from
    /// the list counts as missing). Sends at most one reminder per department per Beijing day.
    /// </summary>
    public async Task<ReminderReport> SendAsync(ReportingPeriod period, IReadOnlyList<DepartmentSubmissionStatus> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        DateOnly today = ChinaTime.Today(_clock);
        DateOnly deadline = DeadlineFor(period, _options);
        var outcomes = new List<DeliveryOutcome>();
        foreach (DepartmentOptions department in _options.Departments)
        {
            DepartmentSubmissionStatus? status = statuses.FirstOrDefault(s => string.Equals(s.DepartmentId, department.Id, StringComparison.OrdinalIgnoreCase));
            if (status is not null && status.State is SubmissionState.OnTime or SubmissionState.Late)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(department.Contact))
            {
                _logger.LogWarning("Department {Department} has not submitted for {Period} but has no contact address", department.Id, period);
                continue;
            }

            outcomes.Add(await _delivery.RemindOnceAsync(
                today,
                department.Id,
                department.Contact,
                _ => ReminderMail.Create(_options, department, period, department.Kinds, deadline, today),
                cancellationToken).ConfigureAwait(false));
        }

        var report = new ReminderReport(period, today, deadline, outcomes);
        _logger.LogInformation("Reminders: {Report}", report);
        return report;
    }

    /// <summary>Works out today's period (if any is in its reminder window) and reminds its missing departments.</summary>
    public async Task<ReminderReport> SendDueAsync(
        Func<ReportingPeriod, CancellationToken, Task<IReadOnlyList<DepartmentSubmissionStatus>>> statusOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusOf);
        DateOnly today = ChinaTime.Today(_clock);
        if (PeriodDueForReminders(today, _options) is not { } period)
        {
            return new ReminderReport(null, today, null, []);
        }

        IReadOnlyList<DepartmentSubmissionStatus> statuses = await statusOf(period, cancellationToken).ConfigureAwait(false);
        return await SendAsync(period, statuses, cancellationToken).ConfigureAwait(false);
    }
}
