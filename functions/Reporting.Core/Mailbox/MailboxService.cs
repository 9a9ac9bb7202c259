using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;

namespace Reporting.Core.Mailbox;

/// <summary>
/// 邮件报送: reads the reporting mailbox and treats every spreadsheet a department mails exactly like an upload
/// (<see cref="UploadPipeline"/>: archived first, ingested, answered), with the answer sent as a reply in the
/// clerk's thread. A message counts for a department only when <see cref="SenderCheck"/> says so; anything else
/// is kept for the office, who assign it by hand (<see cref="AssignAsync"/>, recorded). Automatic mail and our own
/// are never answered (<see cref="AutomaticMail"/>).
/// <para>
/// At least once, like every trigger here: each message is claimed in the mailbox ledger (ETag-conditional, as
/// <see cref="DeliveryService"/> claims a mail) before anything is done, so two runs at once never both handle it;
/// every attachment's upload path is a function of the message and the part, so the ingestion and receipt ledgers
/// make a repeated attempt change nothing and send nothing; the message is moved out of the folder only after its
/// final state is recorded, as the last step. A crash anywhere leaves a message that the next run finishes.
/// </para>
/// </summary>
public sealed class MailboxService
{
    /// <summary>All messages share one partition: the office's list is one query, and a key is found without knowing anything else.</summary>
    public const string Partition = "messages";

    private const int MaxClaimRounds = 5;

    private readonly IReportingMailbox _mailbox;
    private readonly UploadPipeline _uploads;
    private readonly DeliveryService _delivery;
    private readonly IReportStore _store;
    private readonly ILedgerStore _ledger;
    private readonly ReportingOptions _options;
    private readonly TimeProvider _clock;
    private readonly SenderCheck _senders;
    private readonly ILogger _logger;

    public MailboxService(
        IReportingMailbox mailbox,
        UploadPipeline uploads,
        DeliveryService delivery,
        IReportStore store,
        ILedgerStore ledger,
        ReportingOptions options,
        TimeProvider clock,
        ILogger<MailboxService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _mailbox = mailbox;
        _uploads = uploads;
        _delivery = delivery;
        _store = store;
        _ledger = ledger;
        _options = options;
        _clock = clock;
        _senders = new SenderCheck(options);
        _logger = logger ?? NullLogger<MailboxService>.Instance;
    }

    public bool IsConfigured => _mailbox.IsConfigured;

    /// <summary>
    /// Handles every message waiting (at most <see cref="MailboxOptions.MaxMessagesPerRun"/>, oldest first). Never throws
    /// for a bad message or an unreachable store (recorded, retried next run); when the mail server fails, the run stops
    /// and the report says why.
    /// </summary>
    public async Task<MailboxRunReport> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!_mailbox.IsConfigured)
        {
            return MailboxRunReport.NotConfigured;
        }

        var outcomes = new List<MessageOutcome>();
        try
        {
            IMailboxSession session = await _mailbox.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                IReadOnlyList<IncomingMessage> messages = await session.ListAsync(_options.Mailbox.MaxMessagesPerRun, cancellationToken).ConfigureAwait(false);
                foreach (IncomingMessage message in messages)
                {
                    try
                    {
                        outcomes.Add(await HandleAsync(session, message, cancellationToken).ConfigureAwait(false));
                    }
                    catch (MailboxUnavailableException e)
                    {
                        outcomes.Add(Outcome(MessageKeys.For(message), message, MessageResult.Retry, null, e.Message));
                        throw;
                    }
                }
            }
        }
        catch (MailboxUnavailableException e)
        {
            _logger.LogWarning("Mailbox run stopped after {Count} messages: {Reason}", outcomes.Count, e.Message);
            return new MailboxRunReport(true, outcomes, e.Message);
        }

        return new MailboxRunReport(true, outcomes);
    }

    /// <summary>
    /// The office assigns a kept message to a department (the portal's button, <c>reporting mailbox --assign</c>): recorded
    /// with who and when, then each spreadsheet it carried goes through the upload path for that department and the receipt
    /// goes to the department's configured contact (not to the unverified sender). Repeating it finishes an interrupted
    /// assignment and changes nothing after a complete one; assigning to another department once assigned is refused.
    /// </summary>
    /// <param name="key">The message key, or at least 6 of its first characters (the status output shows 12).</param>
    public async Task<MailboxAssignment> AssignAsync(string key, string departmentId, string assignedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        DepartmentOptions department = _options.FindDepartment(departmentId ?? string.Empty)
            ?? throw new ArgumentException($"部门“{departmentId}”未配置。", nameof(departmentId));
        string by = MailText.HeaderSafe(assignedBy, 60);
        if (by.Length == 0)
        {
            throw new ArgumentException("请写明由谁分配（姓名）。", nameof(assignedBy));
        }

        LedgerRow<MailboxRecord> row = await FindAsync(key, cancellationToken).ConfigureAwait(false);
        MailboxRecord record;
        string etag;
        for (int round = 0; ; round++)
        {
            record = row.Value;
            if (record.State is MailboxState.Assigned or MailboxState.Assigning && !string.Equals(record.Department, department.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"邮件 {MessageKeys.Display(record.Key)} 已于{ChinaTime.ToBeijing(record.AssignedAt ?? record.UpdatedAt):yyyy-MM-dd HH:mm}由{record.AssignedBy}分配给{_options.DepartmentName(record.Department ?? string.Empty)}，不能再分配给{department.Name}。");
            }

            if (record.State == MailboxState.Assigned)
            {
                return new MailboxAssignment(record, AlreadyAssigned: true);
            }

            if (record.State is not (MailboxState.Kept or MailboxState.Assigning))
            {
                throw new InvalidOperationException($"邮件 {MessageKeys.Display(record.Key)} 不是待人工处理的邮件（{record.State}），无需分配。");
            }

            DateTimeOffset now = _clock.GetUtcNow();
            MailboxRecord assigning = record with
            {
                State = MailboxState.Assigning,
                Department = department.Id,
                AssignedBy = record.AssignedBy ?? by,
                AssignedAt = record.AssignedAt ?? now,
                UpdatedAt = now,
            };
            try
            {
                etag = await _ledger.ReplaceAsync(LedgerTables.Mailbox, Partition, record.Key, assigning, row.ETag, cancellationToken).ConfigureAwait(false);
                record = assigning;
                break;
            }
            catch (LedgerConflictException) when (round < MaxClaimRounds)
            {
                row = await FindAsync(record.Key, cancellationToken).ConfigureAwait(false);
            }
        }

        _logger.LogInformation("Mailbox message {Key} assigned to {Department} by {By}", MessageKeys.Display(record.Key), department.Id, record.AssignedBy);
        PeriodHint period = MailPeriod.For(record.Subject, record.SentAt);
        var attachments = new List<MailboxAttachmentRecord>();
        bool complete = true;
        foreach (MailboxAttachmentRecord attachment in record.Attachments)
        {
            if (attachment.KeptPath is not { } keptPath || attachment.UploadPath is not { } uploadPath)
            {
                attachments.Add(attachment);
                continue;
            }

            Stream content = await _store.OpenReadAsync(keptPath, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The kept attachment {keptPath} is missing from the store.");
            UploadAnswer answer;
            await using (content.ConfigureAwait(false))
            {
                answer = await _uploads.ProcessAsync(
                    new UploadRequest { UploadPath = uploadPath, Department = department.Id, FileName = attachment.FileName, Period = period },
                    content,
                    cancellationToken).ConfigureAwait(false);
            }

            attachments.Add(attachment with { Result = answer.Record.Status, Period = answer.Record.Period, Receipt = answer.ReceiptDelivery?.Result });
            complete &= answer.Record.IsFinal && IsDone(answer.ReceiptDelivery);
        }

        MailboxRecord assigned = record with
        {
            State = complete ? MailboxState.Assigned : MailboxState.Assigning,
            Attachments = attachments,
            UpdatedAt = _clock.GetUtcNow(),
            LastError = complete ? null : "部分附件未处理完或回执未发出，请稍后再次分配以完成。",
        };
        await _ledger.ReplaceAsync(LedgerTables.Mailbox, Partition, record.Key, assigned, etag, cancellationToken).ConfigureAwait(false);
        return new MailboxAssignment(assigned, AlreadyAssigned: false);
    }

    /// <summary>The messages kept for the office and not yet assigned, oldest first: what the status and the portal list.</summary>
    public async Task<IReadOnlyList<MailboxRecord>> GetKeptAsync(CancellationToken cancellationToken = default) =>
        [.. (await GetMessagesAsync(cancellationToken).ConfigureAwait(false)).Where(m => m.State is MailboxState.Kept or MailboxState.Assigning)];

    /// <summary>Every message the mailbox has recorded, oldest first.</summary>
    public async Task<IReadOnlyList<MailboxRecord>> GetMessagesAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<MailboxRecord>();
        await foreach (LedgerRow<MailboxRecord> row in _ledger.QueryAsync<MailboxRecord>(LedgerTables.Mailbox, Partition, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.Value);
        }

        return [.. rows.OrderBy(r => r.ArrivedAt).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private async Task<MessageOutcome> HandleAsync(IMailboxSession session, IncomingMessage message, CancellationToken cancellationToken)
    {
        string key = MessageKeys.For(message);
        Claim claim;
        try
        {
            claim = await ClaimAsync(key, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not MailboxUnavailableException)
        {
            _logger.LogError(e, "Mailbox message {Key} could not be claimed; the next run tries again", MessageKeys.Display(key));
            return Outcome(key, message, MessageResult.Retry, null, SecretText.Redact(e.Message));
        }

        switch (claim.Kind)
        {
            case ClaimKind.Busy:
                return Outcome(key, message, MessageResult.InProgress, claim.Record?.Department, null);
            case ClaimKind.File:
                // Handled before (a run that stopped before its move, or a copy delivered again): only the filing is left.
                await FileAsync(session, message, claim.Record!, claim.ETag!, cancellationToken).ConfigureAwait(false);
                return Outcome(key, message, MessageResult.AlreadyHandled, claim.Record!.Department, null);
        }

        MailboxRecord done;
        string etag;
        try
        {
            done = await ProcessAsync(session, message, claim.Record!, cancellationToken).ConfigureAwait(false);

            // A final state carries the filing claim in the same write, so no other run moves the message while we do.
            done = done.IsFinal ? done with { FilingClaimedAt = _clock.GetUtcNow() } : done;
            etag = await _ledger.ReplaceAsync(LedgerTables.Mailbox, Partition, key, done, claim.ETag!, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LedgerConflictException)
        {
            // Our claim went stale and another run took the message over: its outcome stands.
            _logger.LogWarning("Mailbox message {Key} was taken over by another run", MessageKeys.Display(key));
            return Outcome(key, message, MessageResult.InProgress, claim.Record!.Department, null);
        }
        catch (Exception e)
        {
            bool stopping = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            string reason = stopping ? "cancelled (host shutting down)" : SecretText.Redact($"{e.GetType().Name}: {e.Message}");
            await RecordQuietlyAsync(key, claim.Record! with { State = MailboxState.Retry, LastError = reason, UpdatedAt = _clock.GetUtcNow() }, claim.ETag!).ConfigureAwait(false);
            if (stopping || e is MailboxUnavailableException)
            {
                throw;
            }

            _logger.LogError(e, "Mailbox message {Key} failed; the next run tries again", MessageKeys.Display(key));
            return Outcome(key, message, MessageResult.Retry, claim.Record!.Department, reason);
        }

        // The last step: a crash before it leaves a message whose final state is recorded, which a later run only files.
        if (done.IsFinal)
        {
            await FileAsync(session, message, done, etag, cancellationToken).ConfigureAwait(false);
        }

        MessageResult result = done.State switch
        {
            MailboxState.Answered => MessageResult.Answered,
            MailboxState.Ignored => MessageResult.Ignored,
            MailboxState.Kept => MessageResult.Kept,
            _ => MessageResult.Retry,
        };
        _logger.LogInformation("Mailbox message {Key} from {From}: {Result} {Department} {Note}", MessageKeys.Display(key), done.From, result, done.Department, done.LastError ?? done.Note);
        return Outcome(key, message, result, done.Department, done.LastError ?? done.Note);
    }

    /// <summary>
    /// Moves a handled message out of the folder while holding the record's filing claim (two sessions moving one message
    /// at once would each leave a copy), then records it filed. A move that failed releases the claim for the next run.
    /// </summary>
    private async Task FileAsync(IMailboxSession session, IncomingMessage message, MailboxRecord record, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await session.MoveAsync(message, FolderFor(record.State), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await RecordQuietlyAsync(record.Key, record with { FilingClaimedAt = null }, etag).ConfigureAwait(false);
            throw;
        }

        await RecordQuietlyAsync(record.Key, record with { FilingClaimedAt = null, FiledAt = _clock.GetUtcNow() }, etag).ConfigureAwait(false);
    }

    /// <summary>Decides and does everything for one claimed message; returns its new record (not yet saved).</summary>
    private async Task<MailboxRecord> ProcessAsync(IMailboxSession session, IncomingMessage message, MailboxRecord record, CancellationToken cancellationToken)
    {
        long limit = _options.Ingestion.MaxUploadBytes;
        List<(IncomingAttachment Attachment, AttachmentKind Kind)> classified = [.. message.Attachments.Select(a => (a, AttachmentRules.Classify(a, limit)))];
        List<MailboxAttachmentRecord> attachments = [.. classified.Select(c => new MailboxAttachmentRecord
        {
            Part = c.Attachment.Part,
            FileName = c.Attachment.FileName,
            Size = c.Attachment.Size,
            Kind = c.Kind,
            UploadPath = c.Kind == AttachmentKind.Spreadsheet ? MessageKeys.UploadPath(record.Key, c.Attachment) : null,
        })];
        record = record with { Attachments = attachments, LastError = null };

        MailOrigin origin = AutomaticMail.Classify(message, _options.Mailbox.OwnAddresses(_options.Delivery));
        if (origin == MailOrigin.Own)
        {
            return record with { State = MailboxState.Ignored, Note = "本系统自己发出的邮件，不处理、不回复。" };
        }

        SenderVerdict verdict = _senders.Check(message);
        record = record with { Standing = verdict.Standing, Note = verdict.Explanation };
        if (!verdict.Counts)
        {
            return origin == MailOrigin.Automatic
                ? record with { State = MailboxState.Ignored, Note = $"自动发送的邮件（{AutomaticMail.Why(message)}），不处理、不回复。{verdict.Explanation}" }
                : record with { State = MailboxState.Kept, Attachments = await KeepAsync(session, message, record.Key, classified, cancellationToken).ConfigureAwait(false) };
        }

        DepartmentOptions department = _options.FindDepartment(verdict.DepartmentId!)!;
        MailReply? reply = origin == MailOrigin.Person
            ? new MailReply
            {
                To = verdict.Address,
                MessageId = message.MessageId,
                References = message.References,
                OriginalSubject = message.Subject,
                AnswerTo = _options.Mailbox.ReplyAddress,
            }
            : null;
        PeriodHint period = MailPeriod.For(message);
        bool complete = true;
        for (int i = 0; i < classified.Count; i++)
        {
            (IncomingAttachment attachment, AttachmentKind kind) = classified[i];
            if (kind != AttachmentKind.Spreadsheet)
            {
                continue;
            }

            UploadAnswer answer;
            Stream content = await session.OpenAttachmentAsync(message, attachment, cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                answer = await _uploads.ProcessAsync(
                    new UploadRequest
                    {
                        UploadPath = attachments[i].UploadPath!,
                        Department = department.Id,
                        FileName = AttachmentRules.UploadName(attachment),
                        Period = period,
                        Reply = reply,
                        Answer = reply is not null,
                    },
                    content,
                    cancellationToken).ConfigureAwait(false);
            }

            attachments[i] = attachments[i] with { Result = answer.Record.Status, Period = answer.Record.Period, Receipt = answer.ReceiptDelivery?.Result };
            complete &= answer.Record.IsFinal && IsDone(answer.ReceiptDelivery);
        }

        DeliveryOutcome? notice = null;
        if (reply is not null && MailboxNotice.IsDue(classified))
        {
            notice = await _delivery.SendReplyOnceAsync(
                record.Key, reply.To, to => reply.Apply(MailboxNotice.Create(_options, department.Name, message, classified, to)), cancellationToken).ConfigureAwait(false);
            complete &= IsDone(notice);
        }

        string? why = reply is null ? $"自动发送的邮件（{AutomaticMail.Why(message)}）：报表照常受理，但不回复。" : null;
        return record with
        {
            State = complete ? MailboxState.Answered : MailboxState.Retry,
            Department = department.Id,
            Attachments = attachments,
            Notice = notice?.Result,
            Note = why is null ? verdict.Explanation : verdict.Explanation + why,
            LastError = complete ? null : "部分附件未处理完或回复未发出，下次运行时重试。",
        };
    }

    /// <summary>A kept message's spreadsheets go to archive/mail/{key}/ now, so the office can assign it later without the mail server.</summary>
    private async Task<List<MailboxAttachmentRecord>> KeepAsync(
        IMailboxSession session, IncomingMessage message, string key, List<(IncomingAttachment Attachment, AttachmentKind Kind)> classified, CancellationToken cancellationToken)
    {
        var kept = new List<MailboxAttachmentRecord>(classified.Count);
        foreach ((IncomingAttachment attachment, AttachmentKind kind) in classified)
        {
            var row = new MailboxAttachmentRecord { Part = attachment.Part, FileName = attachment.FileName, Size = attachment.Size, Kind = kind };
            if (kind == AttachmentKind.Spreadsheet)
            {
                string path = MessageKeys.KeptPath(key, attachment);
                if (await _store.GetInfoAsync(path, cancellationToken).ConfigureAwait(false) is null)
                {
                    Stream content = await session.OpenAttachmentAsync(message, attachment, cancellationToken).ConfigureAwait(false);
                    await using (content.ConfigureAwait(false))
                    {
                        try
                        {
                            await _store.WriteAsync(path, content, WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
                        }
                        catch (StoreConflictException)
                        {
                            // Written by a run that died after it: the same part of the same message, so the same bytes.
                        }
                    }
                }

                row = row with { KeptPath = path, UploadPath = MessageKeys.UploadPath(key, attachment) };
            }

            kept.Add(row);
        }

        return kept;
    }

    /// <summary>
    /// Takes the message for this run in the ledger (ETag-conditional): to process it (new, to retry, or a claim gone stale),
    /// or, when it was handled before, to file it. Busy when another run holds either claim and it is fresh.
    /// </summary>
    private async Task<Claim> ClaimAsync(string key, IncomingMessage message, CancellationToken cancellationToken)
    {
        TimeSpan timeout = _options.Mailbox.ClaimTimeout;
        for (int round = 0; round < MaxClaimRounds; round++)
        {
            LedgerRow<MailboxRecord>? row = await _ledger.GetAsync<MailboxRecord>(LedgerTables.Mailbox, Partition, key, cancellationToken).ConfigureAwait(false);
            DateTimeOffset now = _clock.GetUtcNow();
            if (row is null)
            {
                MailboxRecord fresh = NewRecord(key, message) with { State = MailboxState.Processing, Attempts = 1, ClaimedAt = now, UpdatedAt = now };
                try
                {
                    return new Claim(ClaimKind.Process, fresh, await _ledger.InsertAsync(LedgerTables.Mailbox, Partition, key, fresh, cancellationToken).ConfigureAwait(false));
                }
                catch (LedgerConflictException)
                {
                    continue;
                }
            }

            MailboxRecord current = row.Value;
            bool handled = current.IsFinal || current.State == MailboxState.Assigning;
            DateTimeOffset? held = handled ? current.FilingClaimedAt : current.State == MailboxState.Processing ? current.ClaimedAt : null;
            if (held is { } since && now - since < timeout)
            {
                return new Claim(ClaimKind.Busy, current, null);
            }

            MailboxRecord claimed = handled
                ? current with { FilingClaimedAt = now }
                : current with { State = MailboxState.Processing, Attempts = current.Attempts + 1, ClaimedAt = now, UpdatedAt = now };
            try
            {
                string etag = await _ledger.ReplaceAsync(LedgerTables.Mailbox, Partition, key, claimed, row.ETag, cancellationToken).ConfigureAwait(false);
                return new Claim(handled ? ClaimKind.File : ClaimKind.Process, claimed, etag);
            }
            catch (LedgerConflictException)
            {
                // Another run claimed or finished it between our read and our claim: look again.
            }
        }

        return new Claim(ClaimKind.Busy, null, null);
    }

    // Recording must not be cancelled by the caller's token; a ledger that is down (or a claim another run took over) only
    // delays the next attempt until the claim goes stale.
    private async Task RecordQuietlyAsync(string key, MailboxRecord record, string etag)
    {
        try
        {
            await _ledger.ReplaceAsync(LedgerTables.Mailbox, Partition, key, record, etag, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not record {State} for mailbox message {Key}", record.State, MessageKeys.Display(key));
        }
    }

    private async Task<LedgerRow<MailboxRecord>> FindAsync(string key, CancellationToken cancellationToken)
    {
        string wanted = key.Trim().ToLowerInvariant();
        if (wanted.Length < 6 || !wanted.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"邮件编号“{key}”无效：应为状态列表中显示的编号（至少6位）。", nameof(key));
        }

        if (wanted.Length == 64)
        {
            return await _ledger.GetAsync<MailboxRecord>(LedgerTables.Mailbox, Partition, wanted, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"没有编号为 {MessageKeys.Display(wanted)} 的邮件。");
        }

        var matches = new List<LedgerRow<MailboxRecord>>();
        await foreach (LedgerRow<MailboxRecord> row in _ledger.QueryAsync<MailboxRecord>(LedgerTables.Mailbox, Partition, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(wanted, StringComparison.Ordinal))
            {
                matches.Add(row);
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"没有编号为 {wanted} 的邮件。"),
            _ => throw new ArgumentException($"编号 {wanted} 对应多封邮件，请多写几位。", nameof(key)),
        };
    }

    private static MailboxRecord NewRecord(string key, IncomingMessage message) => new()
    {
        Key = key,
        MessageId = message.MessageId,
        From = string.Join(", ", message.From),
        FromName = MailText.HeaderSafe(message.FromName, 80),
        Subject = MailText.HeaderSafe(message.Subject, 200),
        SentAt = MailPeriod.SentAt(message),
        ArrivedAt = message.ArrivedAt,
    };

    private static MailboxFolder FolderFor(MailboxState state) =>
        state is MailboxState.Kept or MailboxState.Assigning or MailboxState.Assigned ? MailboxFolder.Kept : MailboxFolder.Processed;

    private static bool IsDone(DeliveryOutcome? delivery) => delivery is null or { Result: DeliveryResult.Sent or DeliveryResult.AlreadySent };

    private static MessageOutcome Outcome(string key, IncomingMessage message, MessageResult result, string? department, string? note) =>
        new(key, string.Join(", ", message.From), message.Subject, result, department, note);

    private enum ClaimKind
    {
        /// <summary>Ours to process (the record as claimed, with its ETag).</summary>
        Process,

        /// <summary>Handled before; ours to file (move out of the folder).</summary>
        File,

        /// <summary>Another run holds it.</summary>
        Busy,
    }

    private sealed record Claim(ClaimKind Kind, MailboxRecord? Record, string? ETag);
}
