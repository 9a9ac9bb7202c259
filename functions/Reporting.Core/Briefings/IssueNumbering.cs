using System.Globalization;
using Reporting.Core.Storage;

namespace Reporting.Core.Briefings;

/// <summary>
/// 第N期: issue numbers count from 1 in each year, one number per reporting period. The ledger
/// holds one row per allocated number (partition = year, row = the number, zero-padded), whose
/// value names the period. Re-rendering a period finds its row and reuses the number; a new period
/// claims the next number with a conditional insert, so two concurrent renders cannot take the
/// same number and a crash between claiming and rendering leaves no gap.
/// </summary>
public sealed class IssueNumbering(ILedgerStore ledger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private const int MaxAttempts = 50;

    /// <summary>The issue number of <paramref name="period"/> in the series of the period's own year.</summary>
    public Task<int> AllocateAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        AllocateAsync(period.Year, period, cancellationToken);

    /// <summary>The issue number of <paramref name="period"/> in the series of <paramref name="year"/>.</summary>
    public async Task<int> AllocateAsync(int year, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        string partition = year.ToString(CultureInfo.InvariantCulture);
        string periodKey = period.ToString();
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            int highest = 0;
            await foreach (LedgerRow<IssueRecord> row in ledger.QueryAsync<IssueRecord>(LedgerTables.Issues, partition, cancellationToken).ConfigureAwait(false))
            {
                if (row.Value.Period == periodKey && row.Value.Corrects is null)
                {
                    return row.Value.Number;
                }

                highest = Math.Max(highest, row.Value.Number);
            }

            int next = highest + 1;
            try
            {
                await ledger.InsertAsync(LedgerTables.Issues, partition, RowKey(next), new IssueRecord(next, periodKey, _clock.GetUtcNow()), cancellationToken)
                    .ConfigureAwait(false);
                return next;
            }
            catch (LedgerConflictException)
            {
                // Someone claimed that number first (perhaps for this very period): read again.
            }
        }

        throw new InvalidOperationException($"Could not allocate an issue number for {periodKey} in {partition} after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// A new number in the period's year for a corrected issue (更正) of <paramref name="corrects"/>: always the next
    /// free one, never the period's own, so the correction is an issue of its own that the leaders can tell apart.
    /// </summary>
    public async Task<int> AllocateCorrectionAsync(ReportingPeriod period, int corrects, CancellationToken cancellationToken = default)
    {
        string partition = period.Year.ToString(CultureInfo.InvariantCulture);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            int highest = 0;
            await foreach (LedgerRow<IssueRecord> row in ledger.QueryAsync<IssueRecord>(LedgerTables.Issues, partition, cancellationToken).ConfigureAwait(false))
            {
                highest = Math.Max(highest, row.Value.Number);
            }

            int next = highest + 1;
            try
            {
                await ledger.InsertAsync(LedgerTables.Issues, partition, RowKey(next), new IssueRecord(next, period.ToString(), _clock.GetUtcNow(), corrects), cancellationToken)
                    .ConfigureAwait(false);
                return next;
            }
            catch (LedgerConflictException)
            {
                // Someone claimed that number first: read again.
            }
        }

        throw new InvalidOperationException($"Could not allocate a correction number for {period} in {partition} after {MaxAttempts} attempts.");
    }

    /// <summary>Zero-padded so that the ledger's row-key order is the issue order.</summary>
    public static string RowKey(int number) => number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>One allocated issue number; <paramref name="Corrects"/> is set for a corrected issue (更正).</summary>
    public sealed record IssueRecord(int Number, string Period, DateTimeOffset AllocatedAt, int? Corrects = null);
}
