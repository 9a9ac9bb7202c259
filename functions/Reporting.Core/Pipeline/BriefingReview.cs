using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Briefings;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Storage;

namespace Reporting.Core.Pipeline;

/// <summary>An issue as the office sees it: its ledger row (with the ETag a change must match) and its files.</summary>
public sealed record IssueView(BriefingIssue Issue, string ETag, PublishedBriefing? Draft, PublishedBriefing? Issued);

public enum ReviewOutcome
{
    /// <summary>Done as asked.</summary>
    Done,

    /// <summary>No accepted submission for the period: nothing to draft.</summary>
    NoData,

    /// <summary>The issue does not exist.</summary>
    NotFound,

    /// <summary>The draft changed since the person opened it (a resubmission, another editor): look again first.</summary>
    Stale,

    /// <summary>Already signed (perhaps by someone else a moment ago): signed issues are frozen.</summary>
    AlreadySigned,

    /// <summary>Not signed yet, where that is required (a correction, a send).</summary>
    NotSigned,

    /// <summary>The office's text was not saved: see the problems.</summary>
    Invalid,
}

/// <summary>What a review action did: the outcome, the issue afterwards, a sentence for the office, and any mail sent.</summary>
public sealed record ReviewResult(ReviewOutcome Outcome, IssueView? View, string Message)
{
    public IReadOnlyList<string> Problems { get; init; } = [];

    public DeliveryReport? Delivery { get; init; }

    public DeliveryReport? ReviewNotice { get; init; }

    public bool Succeeded => Outcome == ReviewOutcome.Done;
}

/// <summary>
/// 审核签发. A briefing is drafted (草稿), checked and annotated by the office, signed (签发) and only then mailed to the
/// leaders. The timer drafts it on the due day and mails the reviewers the draft; the draft follows the data (a
/// resubmission re-renders it and says what moved) until it is signed; signing freezes it: the signer, the time, the
/// indicators and the PDF's SHA-256 are recorded, and the bytes the signer saw are the bytes mailed. Data that changes
/// after signing is flagged, and the office may issue a numbered, labelled correction (更正) through the same ledger.
/// Every change to an issue is an ETag-conditional replace of its ledger row: two signers at once sign once, and a
/// signer looking at an older version is told so instead of signing it.
/// </summary>
public sealed class BriefingReview
{
    public const string SystemActor = "系统";

    private const int MaxAttempts = 8;

    /// <summary>How long a claimed draft version may take to be rendered and stored before another run takes over (a render takes seconds).</summary>
    private static readonly TimeSpan s_draftClaimTimeout = TimeSpan.FromMinutes(10);

    private readonly BriefingRenderer _renderer;
    private readonly BriefingFiles _files;
    private readonly BriefingDelivery _briefings;
    private readonly DeliveryService _delivery;
    private readonly IssueNumbering _numbering;
    private readonly ILedgerStore _ledger;
    private readonly ReportingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public BriefingReview(
        BriefingRenderer renderer,
        BriefingFiles files,
        BriefingDelivery briefings,
        DeliveryService delivery,
        IssueNumbering numbering,
        ILedgerStore ledger,
        ReportingOptions options,
        TimeProvider clock,
        ILogger<BriefingReview>? logger = null)
    {
        _renderer = renderer;
        _files = files;
        _briefings = briefings;
        _delivery = delivery;
        _numbering = numbering;
        _ledger = ledger;
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger<BriefingReview>.Instance;
    }

    /// <summary>The period's current issue (its correction when one was started), or the numbered one asked for; null when none.</summary>
    public async Task<IssueView?> GetAsync(ReportingPeriod period, int? number = null, CancellationToken cancellationToken = default)
    {
        LedgerRow<BriefingIssue>? row = number is { } n ? await RowAsync(period, n, cancellationToken).ConfigureAwait(false) : await CurrentRowAsync(period, cancellationToken).ConfigureAwait(false);
        return row is null || row.Value.Period != period.ToString() ? null : await ViewAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every issue of a year, newest first.</summary>
    public async Task<IReadOnlyList<BriefingIssue>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var issues = new List<BriefingIssue>();
        await foreach (LedgerRow<BriefingIssue> row in _ledger.QueryAsync<BriefingIssue>(LedgerTables.Issues, Year(year), cancellationToken).ConfigureAwait(false))
        {
            issues.Add(row.Value);
        }

        return [.. issues.OrderByDescending(i => i.Number)];
    }

    /// <summary>
    /// The timer's step when sign-off is required: draft the period's briefing if there is none yet and tell the reviewers
    /// (once per draft); deliver a signed issue that is not yet delivered. Leaders receive nothing unsigned.
    /// </summary>
    public async Task<BriefingRun> RunScheduledAsync(ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        LedgerRow<BriefingIssue>? row = await CurrentRowAsync(period, cancellationToken).ConfigureAwait(false);
        if (row?.Value.State is IssueState.SignedOff or IssueState.Delivered || (row is not null && row.Value.State is null && await IssuedAsync(row.Value, cancellationToken).ConfigureAwait(false) is not null))
        {
            ReviewResult delivered = await DeliverSignedAsync(period, row.Value.Number, cancellationToken).ConfigureAwait(false);
            return new BriefingRun(period, delivered.View?.Issued, delivered.Delivery) { Issue = delivered.View?.Issue };
        }

        IssueView? view = row is null ? null : await ViewAsync(row, cancellationToken).ConfigureAwait(false);
        ReviewResult result = view?.Draft is null
            ? await RedraftAsync(period, view?.Issue.Number, "定时生成", SystemActor, notify: true, cancellationToken, firstOnly: true).ConfigureAwait(false)
            : new ReviewResult(ReviewOutcome.Done, view, "草稿已存在") { ReviewNotice = await NotifyAsync(view, cancellationToken).ConfigureAwait(false) };
        return new BriefingRun(period, result.View?.Draft, null) { Issue = result.View?.Issue, ReviewNotice = result.ReviewNotice };
    }

    /// <summary>Renders the period's draft again now (the office's "重新生成", `reporting brief`); the reviewers are not mailed for it.</summary>
    /// <param name="issueDate">印发日期 printed on it (a Beijing date); today when null.</param>
    public Task<ReviewResult> RerenderAsync(ReportingPeriod period, string who, DateOnly? issueDate = null, CancellationToken cancellationToken = default) =>
        RedraftAsync(period, null, "推进办重新生成", who, notify: false, cancellationToken, issueDate);

    /// <summary>
    /// Accepted data for the period changed (a department resubmitted): a draft is re-rendered and the reviewers told what
    /// moved; a signed issue is left exactly as it is and flagged, so the office can decide on a correction.
    /// </summary>
    public async Task OnDataChangedAsync(ReportingPeriod period, string what, CancellationToken cancellationToken = default)
    {
        if (!_options.Briefing.RequireSignOff)
        {
            return;
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = await CurrentRowAsync(period, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return; // Nothing drafted yet: the timer drafts from the data as it is then.
            }

            if (row.Value.State is IssueState.Draft)
            {
                await RedraftAsync(period, row.Value.Number, what, SystemActor, notify: true, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (row.Value.State is null)
            {
                return; // Rendered without sign-off: nothing to keep in step.
            }

            DateTimeOffset now = _clock.GetUtcNow();
            BriefingIssue flagged = (row.Value with { DataChangedAfterSigning = what }).With(now, SystemActor, "签发后数据有变化：" + what);
            if (await TryReplaceAsync(row, flagged, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }
    }

    /// <summary>Saves 编者按 and 下步工作 (checked first) and re-renders the draft with them.</summary>
    public async Task<ReviewResult> SaveNotesAsync(
        ReportingPeriod period, int number, int expectedVersion, string? editorsNote, string? nextSteps, string who, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> problems = BriefingNotes.Validate(editorsNote, nextSteps);
        if (problems.Count > 0)
        {
            return new ReviewResult(ReviewOutcome.Invalid, await GetAsync(period, number, cancellationToken).ConfigureAwait(false), "编者按或下步工作有问题，未保存。") { Problems = problems };
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = await RowAsync(period, number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.Value.Period != period.ToString())
            {
                return new ReviewResult(ReviewOutcome.NotFound, null, "没有这一期简报。");
            }

            if (row.Value.State is IssueState.SignedOff or IssueState.Delivered)
            {
                return new ReviewResult(ReviewOutcome.AlreadySigned, await ViewAsync(row, cancellationToken).ConfigureAwait(false), Signed(row.Value));
            }

            if (row.Value.DraftVersion != expectedVersion)
            {
                return new ReviewResult(ReviewOutcome.Stale, await ViewAsync(row, cancellationToken).ConfigureAwait(false), Stale(row.Value, expectedVersion));
            }

            BriefingIssue edited = (row.Value with { EditorsNote = Blank(editorsNote), NextSteps = Blank(nextSteps) })
                .With(_clock.GetUtcNow(), who, "修改编者按、下步工作");
            if (await TryReplaceAsync(row, edited, cancellationToken).ConfigureAwait(false) is not null)
            {
                return await RedraftAsync(period, number, "推进办修改编者按、下步工作", who, notify: false, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ReviewResult(ReviewOutcome.Stale, await GetAsync(period, number, cancellationToken).ConfigureAwait(false), "简报正被同时修改，请刷新后重试。");
    }

    /// <summary>
    /// 签发 the draft version the signer looked at, then mail it to every leader. Refused when that version is no longer
    /// current; a second signer gets "already signed" and nothing is signed or sent twice.
    /// </summary>
    public async Task<ReviewResult> SignAsync(ReportingPeriod period, int number, int expectedVersion, string signer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signer);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = await RowAsync(period, number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.Value.Period != period.ToString())
            {
                return new ReviewResult(ReviewOutcome.NotFound, null, "没有这一期简报。");
            }

            IssueView view = await ViewAsync(row, cancellationToken).ConfigureAwait(false);
            if (row.Value.State is IssueState.SignedOff or IssueState.Delivered)
            {
                return new ReviewResult(ReviewOutcome.AlreadySigned, view, Signed(row.Value));
            }

            if (row.Value.DraftVersion != expectedVersion || view.Draft is null)
            {
                return new ReviewResult(ReviewOutcome.Stale, view, Stale(row.Value, expectedVersion));
            }

            DateTimeOffset now = _clock.GetUtcNow();
            BriefingIssue signed = (row.Value with
            {
                State = IssueState.SignedOff,
                SignedBy = signer.Trim(),
                SignedAt = now,
                SignedVersion = expectedVersion,
                SignedSha256 = view.Draft.Sha256,
                SignedIndicatorsPath = view.Draft.IndicatorsPath,
            }).With(now, signer.Trim(), $"签发草稿第{expectedVersion}版");
            if (await TryReplaceAsync(row, signed, cancellationToken).ConfigureAwait(false) is null)
            {
                continue; // Someone changed the issue a moment ago: look again (it is now signed, or a newer draft).
            }

            _logger.LogInformation("Briefing {Period} issue {Issue} version {Version} signed by {Signer}", period, number, expectedVersion, signer);
            ReviewResult delivered = await DeliverSignedAsync(period, number, cancellationToken).ConfigureAwait(false);
            // With no leader configured nothing was sent: the issue stays signed, and is sent once leaders are named.
            return delivered with { Message = (delivered.Delivery is { Outcomes.Count: > 0 } ? "已签发并发送：" : "已签发，") + delivered.Message };
        }

        return new ReviewResult(ReviewOutcome.Stale, await GetAsync(period, number, cancellationToken).ConfigureAwait(false), "简报正被同时修改，请刷新后重试。");
    }

    /// <summary>Mails a signed issue to the leaders who have not received it (a retry sends only what failed).</summary>
    public async Task<ReviewResult> DeliverSignedAsync(ReportingPeriod period, int number, CancellationToken cancellationToken = default)
    {
        LedgerRow<BriefingIssue>? row = await RowAsync(period, number, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Value.Period != period.ToString())
        {
            return new ReviewResult(ReviewOutcome.NotFound, null, "没有这一期简报。");
        }

        PublishedBriefing? issued = await IssuedAsync(row.Value, cancellationToken).ConfigureAwait(false);
        if (row.Value.State is IssueState.SignedOff or IssueState.Delivered && issued is null)
        {
            // Signed, but the run stopped before the files were copied: copy the signed draft now.
            PublishedBriefing draft = await _files.ReadManifestAsync(BriefingFiles.DraftPrefix(period, number, row.Value.SignedVersion!.Value), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The signed draft of {period} issue {number} is missing.");
            issued = await _files.IssueAsync(draft, row.Value.SignedBy!, row.Value.SignedAt!.Value, cancellationToken).ConfigureAwait(false);
        }

        if (issued is null || (row.Value.State is IssueState.Draft))
        {
            return new ReviewResult(ReviewOutcome.NotSigned, await ViewAsync(row, cancellationToken).ConfigureAwait(false), "这一期简报尚未签发，不会发送给领导。");
        }

        DeliveryReport report = await _briefings.DeliverAsync(issued, cancellationToken).ConfigureAwait(false);
        if (report.Outcomes.Count == 0)
        {
            return new ReviewResult(ReviewOutcome.Done, await ViewAsync(row, cancellationToken).ConfigureAwait(false), "未配置领导收件人（Reporting:Delivery:Recipients），没有发送。")
            {
                Delivery = report,
            };
        }

        if (report.Failed == 0 && report.InProgress == 0 && row.Value.State == IssueState.SignedOff)
        {
            await MarkDeliveredAsync(period, number, cancellationToken).ConfigureAwait(false);
        }

        IssueView? after = await GetAsync(period, number, cancellationToken).ConfigureAwait(false);
        string message = report.Failed > 0
            ? $"{report.SentNow + report.AlreadySent}位领导已收到，{report.Failed}位发送失败（已记录，可重试）。"
            : $"{report.SentNow + report.AlreadySent}位领导已收到。";
        return new ReviewResult(ReviewOutcome.Done, after, message) { Delivery = report };
    }

    /// <summary>更正: a new, numbered issue of a signed period, drafted from today's data, labelled as a correction; sent after its own sign-off.</summary>
    public async Task<ReviewResult> CorrectAsync(ReportingPeriod period, string who, CancellationToken cancellationToken = default)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = await CurrentRowAsync(period, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new ReviewResult(ReviewOutcome.NotFound, null, "这一期还没有简报。");
            }

            if (row.Value.State is IssueState.Draft)
            {
                return new ReviewResult(ReviewOutcome.NotSigned, await ViewAsync(row, cancellationToken).ConfigureAwait(false), "这一期尚未签发，直接审核草稿即可，不需要更正。");
            }

            int number = await _numbering.AllocateCorrectionAsync(period, row.Value.Number, cancellationToken).ConfigureAwait(false);
            LedgerRow<BriefingIssue> created = (await RowAsync(period, number, cancellationToken).ConfigureAwait(false))!;
            DateTimeOffset now = _clock.GetUtcNow();
            BriefingIssue draft = (created.Value with
            {
                State = IssueState.Draft,
                Corrects = row.Value.Number,
                EditorsNote = row.Value.EditorsNote,
                NextSteps = row.Value.NextSteps,
            }).With(now, who, $"发起更正第{row.Value.Number}期");
            if (await TryReplaceAsync(created, draft, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            BriefingIssue original = (row.Value with { CorrectedBy = number }).With(now, who, $"发起更正：第{number}期");
            await TryReplaceAsync(row, original, cancellationToken).ConfigureAwait(false);
            return await RedraftAsync(period, number, $"更正第{row.Value.Number}期", who, notify: true, cancellationToken).ConfigureAwait(false);
        }

        return new ReviewResult(ReviewOutcome.Stale, await GetAsync(period, null, cancellationToken).ConfigureAwait(false), "简报正被同时修改，请刷新后重试。");
    }

    /// <summary>The reviewers' notice of the issue's current draft, sent at most once per reviewer and draft version.</summary>
    public async Task<DeliveryReport?> NotifyAsync(IssueView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Draft is not { } draft || view.Issue.State is not IssueState.Draft || _options.Delivery.Reviewers.Count == 0)
        {
            return null;
        }

        byte[] pdf = await _files.ReadAsync(draft.PdfPath, cancellationToken).ConfigureAwait(false);
        BriefingIssue issue = view.Issue;
        var content = new ReviewMailContent
        {
            Period = draft.Period,
            IssueNumber = issue.Number,
            IssueYear = draft.IssueYear,
            Version = issue.DraftVersion,
            Reason = issue.DraftReason ?? "定时生成",
            Changes = issue.DraftChanges,
            Headlines = draft.Headlines,
            Corrects = issue.Corrects,
            Pdf = pdf,
            ReviewLink = ReviewLink(draft.Period, issue.Number),
        };
        return await _delivery.DeliverAsync(
                $"review-{draft.Period}-{issue.Number}-v{issue.DraftVersion}",
                _options.Delivery.Reviewers,
                reviewer => ReviewMail.Create(_options, content, reviewer),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Where the review page of an issue is, when the portal's address is configured.</summary>
    public string? ReviewLink(ReportingPeriod period, int number) =>
        string.IsNullOrWhiteSpace(_options.Delivery.PortalAddress)
            ? null
            : $"{_options.Delivery.PortalAddress.TrimEnd('/')}/portal/office/briefings/{period}/{number}/review";

    /// <summary>
    /// A new draft version of the issue (<paramref name="number"/>, or the period's current issue, allocated if there is
    /// none): the version is claimed on the ledger row first, then rendered and stored, then the row records what moved.
    /// </summary>
    /// <param name="firstOnly">
    /// The timer's first draft: when another run has drafted the issue (or claimed a draft within ten minutes)
    /// since this one looked, that draft stands; two timers firing at once draft once and tell the reviewers once. A
    /// claim older than that belongs to a run that died before storing its draft, and is drafted again.
    /// </param>
    private async Task<ReviewResult> RedraftAsync(
        ReportingPeriod period, int? number, string reason, string who, bool notify, CancellationToken cancellationToken, DateOnly? issueDate = null, bool firstOnly = false)
    {
        IndicatorReport report = await _renderer.ComputeAsync(period, cancellationToken).ConfigureAwait(false);
        if (report.Sources.Count == 0)
        {
            _logger.LogWarning("No accepted submission for {Period}: no draft", period);
            return new ReviewResult(ReviewOutcome.NoData, null, $"{period.ToChineseCumulative()}还没有通过校验的报送，无法生成简报。");
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = number is { } n
                ? await RowAsync(period, n, cancellationToken).ConfigureAwait(false)
                : await CurrentRowAsync(period, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                int allocated = await _numbering.AllocateAsync(period, cancellationToken).ConfigureAwait(false);
                row = await RowAsync(period, allocated, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    continue;
                }
            }

            if (row.Value.State is IssueState.SignedOff or IssueState.Delivered)
            {
                return new ReviewResult(ReviewOutcome.AlreadySigned, await ViewAsync(row, cancellationToken).ConfigureAwait(false), Signed(row.Value));
            }

            DateTimeOffset now = _clock.GetUtcNow();
            if (firstOnly && row.Value.DraftVersion > 0)
            {
                IssueView existing = await ViewAsync(row, cancellationToken).ConfigureAwait(false);
                if (existing.Draft is not null || now - (row.Value.DraftClaimedAt ?? DateTimeOffset.MinValue) < s_draftClaimTimeout)
                {
                    return new ReviewResult(ReviewOutcome.Done, existing, existing.Draft is null ? "草稿正在生成。" : "草稿已存在。");
                }
            }

            int version = row.Value.DraftVersion + 1;
            BriefingIssue claimed = row.Value with { State = IssueState.Draft, DraftVersion = version, DraftClaimedAt = now };
            string? etag = await TryReplaceAsync(row, claimed, cancellationToken).ConfigureAwait(false);
            if (etag is null)
            {
                continue;
            }

            PublishedBriefing? previous = version > 1
                ? await _files.ReadManifestAsync(BriefingFiles.DraftPrefix(period, claimed.Number, version - 1), cancellationToken).ConfigureAwait(false)
                : null;
            var extras = new BriefingExtras { EditorsNote = claimed.EditorsNote, NextSteps = claimed.NextSteps, Corrects = claimed.Corrects };
            DateOnly dated = issueDate ?? ChinaTime.Today(_clock);
            RenderedBriefing rendered = await _renderer.RenderAsync(report, claimed.Number, dated, extras, cancellationToken).ConfigureAwait(false);
            PublishedBriefing draft = await _files.StoreAsync(
                    BriefingFiles.DraftPrefix(period, claimed.Number, version), rendered, dated, claimed.Corrects, version, now, WriteCondition.Overwrite, cancellationToken)
                .ConfigureAwait(false);

            IReadOnlyList<string> changes = DraftChanges.Between(previous?.Figures, draft.Figures!);
            BriefingIssue recorded = (claimed with { DraftRenderedAt = now, DraftReason = reason, DraftChanges = changes })
                .With(now, who, $"生成草稿第{version}版（{reason}）");
            var claimedRow = new LedgerRow<BriefingIssue>(row.PartitionKey, row.RowKey, claimed, etag, now);
            if (await TryReplaceAsync(claimedRow, recorded, cancellationToken).ConfigureAwait(false) is null)
            {
                // Someone else moved the issue on meanwhile (a newer draft, a signature): their state stands.
                return new ReviewResult(ReviewOutcome.Stale, await GetAsync(period, claimed.Number, cancellationToken).ConfigureAwait(false), "简报正被同时修改，请刷新后查看。");
            }

            _logger.LogInformation("Drafted {Period} issue {Issue} version {Version} ({Reason})", period, claimed.Number, version, reason);
            IssueView view = (await GetAsync(period, claimed.Number, cancellationToken).ConfigureAwait(false))!;
            DeliveryReport? notice = notify ? await NotifyAsync(view, cancellationToken).ConfigureAwait(false) : null;
            return new ReviewResult(ReviewOutcome.Done, view, $"已生成草稿第{version}版。") { ReviewNotice = notice };
        }

        return new ReviewResult(ReviewOutcome.Stale, await GetAsync(period, number, cancellationToken).ConfigureAwait(false), "简报正被同时修改，请刷新后重试。");
    }

    private async Task MarkDeliveredAsync(ReportingPeriod period, int number, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            LedgerRow<BriefingIssue>? row = await RowAsync(period, number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.Value.State != IssueState.SignedOff)
            {
                return;
            }

            DateTimeOffset now = _clock.GetUtcNow();
            BriefingIssue delivered = (row.Value with { State = IssueState.Delivered, DeliveredAt = now }).With(now, SystemActor, "已发送给全部领导");
            if (await TryReplaceAsync(row, delivered, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }
    }

    private async Task<IssueView> ViewAsync(LedgerRow<BriefingIssue> row, CancellationToken cancellationToken)
    {
        BriefingIssue issue = row.Value;
        ReportingPeriod period = issue.PeriodOf();
        PublishedBriefing? draft = issue.DraftVersion > 0
            ? await _files.ReadManifestAsync(BriefingFiles.DraftPrefix(period, issue.Number, issue.DraftVersion), cancellationToken).ConfigureAwait(false)
            : null;
        return new IssueView(issue, row.ETag, draft, await IssuedAsync(issue, cancellationToken).ConfigureAwait(false));
    }

    private Task<PublishedBriefing?> IssuedAsync(BriefingIssue issue, CancellationToken cancellationToken) =>
        _files.ReadManifestAsync(BriefingFiles.IssuedPrefix(issue.PeriodOf(), issue.Number), cancellationToken);

    private Task<LedgerRow<BriefingIssue>?> RowAsync(ReportingPeriod period, int number, CancellationToken cancellationToken) =>
        _ledger.GetAsync<BriefingIssue>(LedgerTables.Issues, Year(period.Year), IssueNumbering.RowKey(number), cancellationToken);

    /// <summary>The period's latest issue: a correction once one is started, else the original.</summary>
    private async Task<LedgerRow<BriefingIssue>?> CurrentRowAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        LedgerRow<BriefingIssue>? current = null;
        await foreach (LedgerRow<BriefingIssue> row in _ledger.QueryAsync<BriefingIssue>(LedgerTables.Issues, Year(period.Year), cancellationToken).ConfigureAwait(false))
        {
            if (row.Value.Period == period.ToString() && (current is null || row.Value.Number > current.Value.Number))
            {
                current = row;
            }
        }

        return current;
    }

    /// <summary>Replaces the row if it is unchanged since it was read; the new ETag, or null when someone changed it first.</summary>
    private async Task<string?> TryReplaceAsync(LedgerRow<BriefingIssue> row, BriefingIssue value, CancellationToken cancellationToken)
    {
        try
        {
            return await _ledger.ReplaceAsync(LedgerTables.Issues, row.PartitionKey, row.RowKey, value, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerConflictException)
        {
            return null;
        }
    }

    private static string Signed(BriefingIssue issue) =>
        $"第{issue.Number}期已于{ChinaTime.ToBeijing(issue.SignedAt ?? default):yyyy-MM-dd HH:mm}由{issue.SignedBy}签发，签发后不能再修改；如数据有误，请发布更正。";

    // A version newer than the current one was never drawn up (a mistyped `reporting sign --version`): say so, rather
    // than "you saw version 3, it is now version 1".
    private static string Stale(BriefingIssue issue, int expected) => expected > issue.DraftVersion
        ? $"没有草稿第{expected}版：当前为草稿第{issue.DraftVersion}版（{issue.DraftReason}）。请先查看该版草稿再签发。"
        : $"您看到的是草稿第{expected}版，现在已是第{issue.DraftVersion}版（{issue.DraftReason}）。请先查看最新草稿再签发。";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
