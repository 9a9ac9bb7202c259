using Reporting.Core.Configuration;
using Reporting.Core.Storage;

namespace Reporting.Core.Ingestion.Submissions;

/// <summary>
/// 报送情况: for a period, which departments submitted on time, late, only rejected files, or nothing.
/// On time means every kind the department is expected to send was accepted by the deadline day
/// (<see cref="IngestionOptions.SubmissionDeadlineDay"/> of the following month, Beijing time, inclusive).
/// </summary>
public sealed class SubmissionStatusService(ILedgerStore ledger, ReportingOptions options)
{
    /// <summary>Every submission of one department, all periods, newest first: a clerk's history.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> GetDepartmentSubmissionsAsync(string department, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        var rows = new List<SubmissionRecord>();
        await foreach (LedgerRow<SubmissionRecord> row in ledger.QueryAsync<SubmissionRecord>(LedgerTables.Submissions, department, ct).ConfigureAwait(false))
        {
            rows.Add(row.Value);
        }

        return [.. rows.OrderByDescending(r => r.ReceivedAt)];
    }

    /// <summary>The latest period any submission was recorded for, or null when nothing has been received yet.</summary>
    public async Task<ReportingPeriod?> LatestPeriodWithSubmissionsAsync(CancellationToken ct)
    {
        ReportingPeriod? latest = null;
        await foreach (LedgerRow<SubmissionRecord> row in ledger.QueryAsync<SubmissionRecord>(LedgerTables.Submissions, null, ct).ConfigureAwait(false))
        {
            if (row.Value.Period is { } period && (latest is null || period > latest))
            {
                latest = period;
            }
        }

        return latest;
    }

    /// <summary>One submission of a department by its ledger key; null when that department has no such submission.</summary>
    public async Task<SubmissionRecord?> GetSubmissionAsync(string department, string key, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        if (string.IsNullOrEmpty(key) || key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        return (await ledger.GetAsync<SubmissionRecord>(LedgerTables.Submissions, department, key, ct).ConfigureAwait(false))?.Value;
    }

    /// <summary>The period's status with every department's submissions and findings: what the office's status page and endpoint show.</summary>
    public async Task<PeriodStatus> GetPeriodStatusAsync(ReportingPeriod period, CancellationToken ct)
    {
        // One read of the ledger serves both the states and the list.
        IReadOnlyList<SubmissionRecord> submissions = await GetSubmissionsAsync(period, ct).ConfigureAwait(false);
        return PeriodStatus.From(period, Deadline(period), StatusOf(period, submissions), submissions);
    }

    public async Task<IReadOnlyList<DepartmentSubmissionStatus>> GetStatusAsync(ReportingPeriod period, CancellationToken ct) =>
        StatusOf(period, await GetSubmissionsAsync(period, ct).ConfigureAwait(false));

    private List<DepartmentSubmissionStatus> StatusOf(ReportingPeriod period, IReadOnlyList<SubmissionRecord> rows)
    {
        DateTimeOffset deadline = Deadline(period);
        var result = new List<DepartmentSubmissionStatus>(options.Departments.Count);
        foreach (DepartmentOptions department in options.Departments)
        {
            List<SubmissionRecord> mine = [.. rows.Where(r => string.Equals(r.Department, department.Id, StringComparison.OrdinalIgnoreCase))];
            List<SubmissionRecord> accepted = [.. mine.Where(r => r.IsAccepted).OrderBy(r => r.ReceivedAt)];
            SubmissionState state;
            SubmissionRecord? shown;
            DateTimeOffset? completeAt = CompletedAt(department, accepted);
            if (completeAt is DateTimeOffset complete)
            {
                state = complete <= deadline ? SubmissionState.OnTime : SubmissionState.Late;
                shown = accepted[^1];
            }
            else
            {
                shown = mine.Where(r => r.Status == SubmissionResult.Rejected).MaxBy(r => r.ReceivedAt);
                state = shown is null ? SubmissionState.Missing : SubmissionState.Rejected;
            }

            result.Add(new DepartmentSubmissionStatus
            {
                DepartmentId = department.Id,
                DepartmentName = department.Name,
                State = state,
                LastReceivedAt = shown?.ReceivedAt,
                WarningCount = shown?.WarningCount ?? 0,
                ErrorCount = shown?.ErrorCount ?? 0,
            });
        }

        return result;
    }

    /// <summary>
    /// Every submission row of the period, newest first. A rejected upload whose period could not be read
    /// counts for the period whose reporting window it arrived in (received in January → December).
    /// </summary>
    public async Task<IReadOnlyList<SubmissionRecord>> GetSubmissionsAsync(ReportingPeriod period, CancellationToken ct)
    {
        var rows = new List<SubmissionRecord>();
        await foreach (LedgerRow<SubmissionRecord> row in ledger.QueryAsync<SubmissionRecord>(LedgerTables.Submissions, null, ct).ConfigureAwait(false))
        {
            SubmissionRecord record = row.Value;
            ReportingPeriod? effective = record.Period ?? ChinaTime.PeriodReportedOn(DateOnly.FromDateTime(ChinaTime.ToBeijing(record.ReceivedAt).DateTime));
            if (effective == period)
            {
                rows.Add(record);
            }
        }

        return [.. rows.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Department, StringComparer.Ordinal)];
    }

    /// <summary>The end of the deadline day (Beijing) in the month after the period.</summary>
    public DateTimeOffset Deadline(ReportingPeriod period)
    {
        DateOnly next = period.EndExclusive;
        int day = Math.Clamp(options.Ingestion.SubmissionDeadlineDay, 1, DateTime.DaysInMonth(next.Year, next.Month));
        return new DateTimeOffset(next.Year, next.Month, day, 0, 0, 0, ChinaTime.Offset).AddDays(1).AddTicks(-1);
    }

    // When every expected kind had an accepted submission; a department with no kinds configured needs any one.
    private static DateTimeOffset? CompletedAt(DepartmentOptions department, List<SubmissionRecord> accepted)
    {
        if (accepted.Count == 0)
        {
            return null;
        }

        if (department.Kinds.Count == 0)
        {
            return accepted[0].ReceivedAt;
        }

        DateTimeOffset latest = DateTimeOffset.MinValue;
        foreach (DatasetKind kind in department.Kinds)
        {
            SubmissionRecord? first = accepted.FirstOrDefault(r => kind switch
            {
                DatasetKind.Projects => r.ProjectCount > 0,
                DatasetKind.Signings => r.SigningCount > 0,
                _ => r.MetricCount > 0,
            });
            if (first is null)
            {
                return null;
            }

            latest = first.ReceivedAt > latest ? first.ReceivedAt : latest;
        }

        return latest;
    }
}
