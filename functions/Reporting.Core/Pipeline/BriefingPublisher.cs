using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Briefings;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Storage;

namespace Reporting.Core.Pipeline;

/// <summary>
/// Publishing a period, front to back: the indicators of the accepted submissions, the briefing composed and rendered
/// with its workbook and county appendices, stored, then delivered. When sign-off is required (the default) the timer
/// stops at a draft for the office (<see cref="BriefingReview"/>) and leaders receive the issue only once it is signed.
/// Without sign-off the timer renders a period once and every later run (a retry, a second tick) delivers that same
/// stored PDF, so every leader gets the same document; "render now" renders again on purpose and overwrites it.
/// </summary>
public sealed class BriefingPublisher
{
    private readonly BriefingRenderer _renderer;
    private readonly BriefingFiles _files;
    private readonly BriefingDelivery _delivery;
    private readonly BriefingReview _review;
    private readonly IssueNumbering _issues;
    private readonly IReportStore _store;
    private readonly ReportingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public BriefingPublisher(
        BriefingRenderer renderer,
        BriefingFiles files,
        BriefingDelivery delivery,
        BriefingReview review,
        IssueNumbering issues,
        IReportStore store,
        ReportingOptions options,
        TimeProvider clock,
        ILogger<BriefingPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _renderer = renderer;
        _files = files;
        _delivery = delivery;
        _review = review;
        _issues = issues;
        _store = store;
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger<BriefingPublisher>.Instance;
    }

    /// <summary>Whether leaders receive the briefing only once the office has signed it off.</summary>
    public bool RequiresSignOff => _options.Briefing.RequireSignOff;

    public static string PdfPathFor(ReportingPeriod period, int issueNumber) => BriefingFiles.IssuedPrefix(period, issueNumber) + ".pdf";

    public static string ManifestPathFor(ReportingPeriod period, int issueNumber) => BriefingFiles.IssuedPrefix(period, issueNumber) + ".json";

    /// <summary>Every briefing issued so far (the latest rendering of each issue; drafts are not issued), newest period first.</summary>
    public async Task<IReadOnlyList<PublishedBriefing>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        var byIssue = new Dictionary<(ReportingPeriod, int), PublishedBriefing>();
        await foreach (StoredObject item in _store.ListAsync(Containers.Briefings + "/", cancellationToken).ConfigureAwait(false))
        {
            // briefings/{period}/{issue}.json only: not drafts/, not the indicator snapshots.
            string[] segments = item.Path.Split('/');
            if (segments.Length == 3 && segments[2].EndsWith(".json", StringComparison.Ordinal) && !segments[2].Contains('-', StringComparison.Ordinal)
                && await _store.ReadJsonAsync<PublishedBriefing>(item.Path, cancellationToken).ConfigureAwait(false) is { } manifest
                && (!byIssue.TryGetValue((manifest.Period, manifest.IssueNumber), out PublishedBriefing? seen) || manifest.RenderedAt > seen.RenderedAt))
            {
                byIssue[(manifest.Period, manifest.IssueNumber)] = manifest;
            }
        }

        return [.. byIssue.Values.OrderByDescending(b => b.Period).ThenByDescending(b => b.IssueNumber)];
    }

    /// <summary>The stored PDF of a briefing (issued or a draft); null when it is missing.</summary>
    public Task<Stream?> OpenPdfAsync(PublishedBriefing briefing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        return _store.OpenReadAsync(briefing.PdfPath, cancellationToken);
    }

    /// <summary>
    /// The timer's run for the period reported on today (Beijing). With sign-off: draft it (once) and tell the reviewers, or
    /// deliver it once signed. Without: render it once and deliver it to every configured leader.
    /// </summary>
    public async Task<BriefingRun> RunScheduledAsync(CancellationToken cancellationToken = default)
    {
        ReportingPeriod period = ChinaTime.PeriodReportedOn(ChinaTime.Today(_clock));
        if (RequiresSignOff)
        {
            return await _review.RunScheduledAsync(period, cancellationToken).ConfigureAwait(false);
        }

        PublishedBriefing? briefing = await GetOrRenderAsync(period, cancellationToken).ConfigureAwait(false);
        if (briefing is null)
        {
            return new BriefingRun(period, null, null);
        }

        DeliveryReport report = await DeliverAsync(briefing, cancellationToken).ConfigureAwait(false);
        return new BriefingRun(period, briefing, report);
    }

    /// <summary>The stored briefing of the period, rendered only if none is stored yet; null when nothing was submitted for it.</summary>
    public Task<PublishedBriefing?> GetOrRenderAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        GetOrRenderAsync(period, issueDate: null, cancellationToken);

    /// <summary>As <see cref="GetOrRenderAsync(ReportingPeriod, CancellationToken)"/>; a new rendering is dated <paramref name="issueDate"/> (Beijing today when null).</summary>
    public async Task<PublishedBriefing?> GetOrRenderAsync(ReportingPeriod period, DateOnly? issueDate, CancellationToken cancellationToken = default)
    {
        // Look for a manifest before allocating anything, so a period without submissions takes no issue number.
        PublishedBriefing? latest = (await ListPublishedAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.Period == period);
        if (latest is not null && await _store.GetInfoAsync(latest.PdfPath, cancellationToken).ConfigureAwait(false) is not null)
        {
            return latest;
        }

        return await RenderAsync(period, issueDate ?? ChinaTime.Today(_clock), replace: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the period's briefing now and stores it (replacing an earlier rendering of the same issue); null when nothing was submitted for it.</summary>
    public Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        RenderAsync(period, ChinaTime.Today(_clock), cancellationToken);

    /// <summary>
    /// Renders the period's briefing dated <paramref name="issueDate"/> (印发日期, a Beijing date) and stores it; null when
    /// nothing was submitted for it. With sign-off this draws up a new draft version instead (dated when signed is drafted).
    /// </summary>
    public async Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, DateOnly issueDate, CancellationToken cancellationToken = default)
    {
        if (RequiresSignOff)
        {
            ReviewResult result = await _review.RerenderAsync(period, "推进办", issueDate, cancellationToken).ConfigureAwait(false);
            return result.View?.Draft;
        }

        return await RenderAsync(period, issueDate, replace: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the stored issue to every configured leader, at most once each (the deliveries ledger). With sign-off, only a
    /// signed issue is ever sent: anything else is refused.
    /// </summary>
    public Task<DeliveryReport> DeliverAsync(PublishedBriefing briefing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        if (RequiresSignOff && briefing.SignedBy is null)
        {
            throw new InvalidOperationException($"{briefing.Subject} has not been signed off; leaders receive only signed issues.");
        }

        return _delivery.DeliverAsync(briefing, cancellationToken);
    }

    /// <summary>
    /// "Send the period's briefing": without sign-off, render it if none is stored and deliver it; with sign-off, deliver
    /// the signed issue (only what has not reached a leader yet), or refuse, saying why, when it is not signed.
    /// </summary>
    public async Task<SendAnswer> SendAsync(ReportingPeriod period, DateOnly? issueDate, CancellationToken cancellationToken = default)
    {
        if (!RequiresSignOff)
        {
            PublishedBriefing? briefing = await GetOrRenderAsync(period, issueDate, cancellationToken).ConfigureAwait(false);
            return briefing is null
                ? new SendAnswer(null, null, $"{period.ToChineseCumulative()}还没有通过校验的报送，没有简报可发送。")
                : new SendAnswer(briefing, await DeliverAsync(briefing, cancellationToken).ConfigureAwait(false), null);
        }

        IssueView? view = await _review.GetAsync(period, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return new SendAnswer(null, null, $"{period.ToChineseCumulative()}还没有简报草稿。");
        }

        ReviewResult result = await _review.DeliverSignedAsync(period, view.Issue.Number, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new SendAnswer(result.View?.Issued, result.Delivery, null)
            : new SendAnswer(view.Draft, null, result.Message);
    }

    /// <param name="replace">
    /// True for "render now" (the figures changed: the new PDF replaces the stored one). False for the timer:
    /// when two runs render the same issue at once, the second keeps the first one's PDF, so every leader
    /// gets the same bytes as the archive holds.
    /// </param>
    private async Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, DateOnly issueDate, bool replace, CancellationToken cancellationToken)
    {
        IndicatorReport report = await _renderer.ComputeAsync(period, cancellationToken).ConfigureAwait(false);
        if (report.Sources.Count == 0)
        {
            _logger.LogWarning("No accepted submission for {Period}: no briefing rendered", period);
            return null;
        }

        int issue = await _issues.AllocateAsync(period, cancellationToken).ConfigureAwait(false);
        RenderedBriefing rendered = await _renderer.RenderAsync(report, issue, issueDate, BriefingExtras.None, cancellationToken).ConfigureAwait(false);
        string prefix = BriefingFiles.IssuedPrefix(period, issue);
        PublishedBriefing published;
        try
        {
            published = await _files.StoreAsync(
                    prefix, rendered, issueDate, corrects: null, draftVersion: null, _clock.GetUtcNow(), replace ? WriteCondition.Overwrite : WriteCondition.IfNotExists, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            if (await ManifestOfConcurrentRenderAsync(prefix, cancellationToken).ConfigureAwait(false) is { } theirs)
            {
                return theirs;
            }

            // A PDF without a manifest is what a run that died mid-render leaves: replace it.
            published = await _files.StoreAsync(
                    prefix, rendered, issueDate, corrects: null, draftVersion: null, _clock.GetUtcNow(), WriteCondition.Overwrite, cancellationToken)
                .ConfigureAwait(false);
        }

        _logger.LogInformation("Rendered {Subject} to {Path} ({Bytes} bytes)", published.Subject, published.PdfPath, published.PdfBytes);
        return published;
    }

    // The other run writes its manifest right after its PDF; wait for it a little (rendering takes far less).
    private async Task<PublishedBriefing?> ManifestOfConcurrentRenderAsync(string prefix, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            if (await _files.ReadManifestAsync(prefix, cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                return manifest;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _clock, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}

/// <summary>What "send the period's briefing" did: the issue sent and the deliveries, or why nothing was sent.</summary>
public sealed record SendAnswer(PublishedBriefing? Briefing, DeliveryReport? Delivery, string? Refusal);
