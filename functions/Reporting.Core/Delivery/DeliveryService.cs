using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Storage;

namespace Reporting.Core.Delivery;

/// <summary>
/// Sends each message at most once per ledger row, however often a run is repeated: a row is
/// claimed with an ETag-conditional replace before anything is sent, so two concurrent runs
/// never both send; Sent rows are skipped; Failed rows are tried again; a failure is recorded
/// (Failed, attempts, the reason), never thrown. Timers and blob triggers fire at least once,
/// and this ledger is what makes that safe.
/// </summary>
public sealed class DeliveryService
{
    /// <summary>The ledger partition of the mailbox's answers to whole messages (never a period, so the briefing's partitions stay clean).</summary>
    public const string RepliesPartition = "mailbox-replies";

    private const int MaxClaimRounds = 5;

    private readonly ILedgerStore _ledger;
    private readonly IMailSender _sender;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _claimTimeout;
    private readonly string _from;
    private readonly ILogger _logger;

    public DeliveryService(ILedgerStore ledger, IMailSender sender, TimeProvider clock, DeliveryOptions? options = null, ILogger<DeliveryService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(clock);
        _ledger = ledger;
        _sender = sender;
        _clock = clock;
        options ??= new DeliveryOptions();
        _claimTimeout = options.ClaimTimeout;
        _from = options.From;
        _logger = logger ?? NullLogger<DeliveryService>.Instance;
    }

    /// <summary>
    /// Delivers the period's briefing to every recipient (duplicates ignored, case-insensitively):
    /// one row per period and recipient in <see cref="LedgerTables.Deliveries"/>.
    /// <paramref name="build"/> is called only for recipients who are actually sent to in this run.
    /// </summary>
    public Task<DeliveryReport> DeliverAsync(
        ReportingPeriod period, IEnumerable<string> recipients, Func<string, OutgoingMail> build, CancellationToken cancellationToken = default) =>
        DeliverAsync(period.ToString(), recipients, build, cancellationToken);

    /// <summary>
    /// As <see cref="DeliverAsync(ReportingPeriod, IEnumerable{string}, Func{string, OutgoingMail}, CancellationToken)"/> for
    /// any series of mails that must each reach each recipient once: a corrected issue, a draft sent to the reviewers.
    /// <paramref name="partition"/> names the series; it never collides with a period's partition or a receipts one.
    /// </summary>
    public async Task<DeliveryReport> DeliverAsync(
        string partition, IEnumerable<string> recipients, Func<string, OutgoingMail> build, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(build);
        var outcomes = new List<DeliveryOutcome>();
        foreach (string recipient in recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outcomes.Add(await SendOnceAsync(LedgerTables.Deliveries, partition, RowKeyFor(recipient), recipient, build, cancellationToken).ConfigureAwait(false));
        }

        return new DeliveryReport(outcomes);
    }

    /// <summary>
    /// Sends a reminder (催报) to a department at most once per Beijing day: one row per day and
    /// department in <see cref="LedgerTables.Reminders"/>.
    /// </summary>
    public Task<DeliveryOutcome> RemindOnceAsync(
        DateOnly beijingDay, string departmentId, string contact, Func<string, OutgoingMail> build, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        ArgumentNullException.ThrowIfNull(build);
        return SendOnceAsync(LedgerTables.Reminders, beijingDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), RowKeyFor(departmentId), contact.Trim(), build, cancellationToken);
    }

    /// <summary>
    /// Sends the receipt for one submission at most once: one row per submission in
    /// <see cref="LedgerTables.Deliveries"/>, partition <c>receipts-{department}</c> (never a period, so
    /// the briefing's partitions stay clean), row = the submission key.
    /// </summary>
    public Task<DeliveryOutcome> SendReceiptOnceAsync(
        string departmentId, string submissionKey, string contact, Func<string, OutgoingMail> build, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(contact);
        ArgumentNullException.ThrowIfNull(build);
        return SendOnceAsync(LedgerTables.Deliveries, ReceiptPartition(departmentId), RowKeyFor(submissionKey), contact.Trim(), build, cancellationToken);
    }

    /// <summary>
    /// Sends the mailbox's answer to a message as a whole (no spreadsheet attached, a zip, a file too large) at most
    /// once: one row per message in <see cref="LedgerTables.Deliveries"/>, partition <see cref="RepliesPartition"/>,
    /// row = the message's key. Receipts for the message's spreadsheets are separate rows (<see cref="SendReceiptOnceAsync"/>).
    /// </summary>
    public Task<DeliveryOutcome> SendReplyOnceAsync(
        string messageKey, string recipient, Func<string, OutgoingMail> build, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentNullException.ThrowIfNull(build);
        return SendOnceAsync(LedgerTables.Deliveries, RepliesPartition, RowKeyFor(messageKey), recipient.Trim(), build, cancellationToken);
    }

    /// <summary>The ledger partition of a department's receipts.</summary>
    public static string ReceiptPartition(string departmentId) => "receipts-" + RowKeyFor(departmentId);

    /// <summary>The delivery rows of a period, in recipient order.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> GetDeliveriesAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        GetDeliveriesAsync(period.ToString(), cancellationToken);

    /// <summary>The delivery rows of one series (a period, a corrected issue, a draft's review), in recipient order.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> GetDeliveriesAsync(string partition, CancellationToken cancellationToken = default)
    {
        var rows = new List<DeliveryRecord>();
        await foreach (LedgerRow<DeliveryRecord> row in _ledger.QueryAsync<DeliveryRecord>(LedgerTables.Deliveries, partition, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.Value);
        }

        return rows;
    }

    /// <summary>
    /// The last reminder (催报) each department was sent on or after <paramref name="since"/> (a Beijing day), by
    /// department id. The reminders ledger has one partition per day and a row per department.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DeliveryRecord>> GetLastRemindersAsync(IEnumerable<string> departmentIds, DateOnly since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        Dictionary<string, string> byRowKey = departmentIds.ToDictionary(RowKeyFor, id => id, StringComparer.Ordinal);
        var last = new Dictionary<string, DeliveryRecord>(StringComparer.OrdinalIgnoreCase);
        string from = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await foreach (LedgerRow<DeliveryRecord> row in _ledger.QueryAsync<DeliveryRecord>(LedgerTables.Reminders, null, cancellationToken).ConfigureAwait(false))
        {
            if (string.CompareOrdinal(row.PartitionKey, from) >= 0
                && row.Value.Status == DeliveryStatus.Sent
                && byRowKey.TryGetValue(row.RowKey, out string? department)
                && (!last.TryGetValue(department, out DeliveryRecord? seen) || row.Value.SentAt > seen.SentAt))
            {
                last[department] = row.Value;
            }
        }

        return last;
    }

    /// <summary>A ledger key for an address or id: lower-case, with the characters Azure Tables refuse percent-escaped.</summary>
    public static string RowKeyFor(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length <= 512 ? builder.ToString() : builder.ToString(0, 512);
    }

    private async Task<DeliveryOutcome> SendOnceAsync(
        string table, string partitionKey, string rowKey, string recipient, Func<string, OutgoingMail> build, CancellationToken cancellationToken)
    {
        for (int round = 0; round < MaxClaimRounds; round++)
        {
            LedgerRow<DeliveryRecord>? row = await _ledger.GetAsync<DeliveryRecord>(table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                var pending = new DeliveryRecord
                {
                    Recipient = recipient,
                    Status = DeliveryStatus.Pending,
                    MessageId = MessageIds.Create(_from),
                    UpdatedAt = _clock.GetUtcNow(),
                };
                try
                {
                    string etag = await _ledger.InsertAsync(table, partitionKey, rowKey, pending, cancellationToken).ConfigureAwait(false);
                    row = new LedgerRow<DeliveryRecord>(partitionKey, rowKey, pending, etag, pending.UpdatedAt);
                }
                catch (LedgerConflictException)
                {
                    continue;
                }
            }

            DeliveryRecord current = row.Value;
            DateTimeOffset now = _clock.GetUtcNow();
            if (current.Status == DeliveryStatus.Sent)
            {
                return new DeliveryOutcome(recipient, DeliveryResult.AlreadySent, current.Attempts, current.MessageId, null);
            }

            if (current.Status == DeliveryStatus.Sending && current.ClaimedAt is { } claimedAt && now - claimedAt < _claimTimeout)
            {
                return new DeliveryOutcome(recipient, DeliveryResult.InProgress, current.Attempts, current.MessageId, null);
            }

            DeliveryRecord claimed = current with
            {
                Recipient = recipient,
                Status = DeliveryStatus.Sending,
                Attempts = current.Attempts + 1,
                MessageId = current.MessageId ?? MessageIds.Create(_from),
                ClaimedAt = now,
                UpdatedAt = now,
            };
            string claimETag;
            try
            {
                claimETag = await _ledger.ReplaceAsync(table, partitionKey, rowKey, claimed, row.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerConflictException)
            {
                // Another run claimed or finished it between our read and our claim: look again.
                continue;
            }

            return await SendClaimedAsync(table, partitionKey, rowKey, claimed, claimETag, build, cancellationToken).ConfigureAwait(false);
        }

        return new DeliveryOutcome(recipient, DeliveryResult.InProgress, 0, null, "contended by concurrent runs");
    }

    private async Task<DeliveryOutcome> SendClaimedAsync(
        string table, string partitionKey, string rowKey, DeliveryRecord claimed, string claimETag, Func<string, OutgoingMail> build, CancellationToken cancellationToken)
    {
        string? subject = null;
        try
        {
            OutgoingMail message = build(claimed.Recipient) with { MessageId = claimed.MessageId };
            subject = message.Subject;
            string messageId = await _sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            DeliveryRecord sent = claimed with
            {
                Status = DeliveryStatus.Sent,
                LastError = null,
                MessageId = messageId,
                Subject = subject,
                SentAt = _clock.GetUtcNow(),
                UpdatedAt = _clock.GetUtcNow(),
            };
            await RecordAsync(table, partitionKey, rowKey, sent, claimETag).ConfigureAwait(false);
            _logger.LogInformation("Delivered {Table}/{Partition}/{Row} (attempt {Attempt}, {MessageId})", table, partitionKey, rowKey, sent.Attempts, messageId);
            return new DeliveryOutcome(claimed.Recipient, DeliveryResult.Sent, sent.Attempts, messageId, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string reason = Configuration.SecretText.Redact(e is MailDeliveryException ? e.Message : $"{e.GetType().Name}: {e.Message}");
            DeliveryRecord failed = claimed with { Status = DeliveryStatus.Failed, LastError = reason, Subject = subject, UpdatedAt = _clock.GetUtcNow() };
            await RecordAsync(table, partitionKey, rowKey, failed, claimETag).ConfigureAwait(false);
            _logger.LogWarning("Delivery {Table}/{Partition}/{Row} failed (attempt {Attempt}): {Reason}", table, partitionKey, rowKey, failed.Attempts, reason);
            return new DeliveryOutcome(claimed.Recipient, DeliveryResult.Failed, failed.Attempts, failed.MessageId, reason);
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-send (host shutting down): record it so the next run retries at once instead of waiting for the claim to go stale.
            DeliveryRecord cancelled = claimed with { Status = DeliveryStatus.Failed, LastError = "cancelled (host shutting down)", UpdatedAt = _clock.GetUtcNow() };
            await RecordAsync(table, partitionKey, rowKey, cancelled, claimETag).ConfigureAwait(false);
            throw;
        }
    }

    // Recording must not be cancelled by the caller's token: the mail is already out (or definitely not).
    private async Task RecordAsync(string table, string partitionKey, string rowKey, DeliveryRecord record, string claimETag)
    {
        try
        {
            await _ledger.ReplaceAsync(table, partitionKey, rowKey, record, claimETag, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LedgerConflictException)
        {
            // Our claim went stale and another run took the row over; its outcome stands.
            _logger.LogWarning("Delivery {Table}/{Partition}/{Row} was taken over by another run before {Status} could be recorded", table, partitionKey, rowKey, record.Status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The ledger is unreachable: the row stays Sending and is retried after the claim timeout with the same Message-Id.
            _logger.LogError(e, "Could not record {Status} for {Table}/{Partition}/{Row}", record.Status, table, partitionKey, rowKey);
        }
    }
}
