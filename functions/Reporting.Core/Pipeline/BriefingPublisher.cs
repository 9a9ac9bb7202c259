using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Core.Pipeline;

/// <summary>A rendered briefing as stored: the PDF and what its e-mail says.</summary>
public sealed record PublishedBriefing
{
    public required ReportingPeriod Period { get; init; }

    public required int IssueNumber { get; init; }

    public required int IssueYear { get; init; }

    public required DateOnly IssueDate { get; init; }

    /// <summary>briefings/{period}/{issue}.pdf.</summary>
    public required string PdfPath { get; init; }

    public required string Subject { get; init; }

    /// <summary>The headline figures as sentences, for the e-mail body.</summary>
    public required IReadOnlyList<string> Headlines { get; init; }

    public required DateTimeOffset RenderedAt { get; init; }

    public long PdfBytes { get; init; }

    /// <summary>Cross-submission findings of the indicators (e.g. a project reported twice, counted once), for the office.</summary>
    public IReadOnlyList<Finding> Warnings { get; init; } = [];
}

/// <summary>What one scheduled run did.</summary>
public sealed record BriefingRun(ReportingPeriod Period, PublishedBriefing? Briefing, DeliveryReport? Delivery)
{
    public override string ToString() =>
        Briefing is null
            ? $"{Period}: no accepted submission, no briefing"
            : $"{Period}: {Briefing.PdfPath}, {Delivery}";
}

/// <summary>
/// Publishing a period, front to back: the indicators of the accepted submissions, the briefing
/// composed and rendered, the PDF stored, then delivered. The PDF and a small manifest (subject,
/// headline figures) are stored under briefings/{period}/; the timer renders a period once and every
/// later run (a retry, a second tick) delivers that same stored PDF, so every leader gets the same
/// document. "Render now" renders again on purpose (the figures changed) and overwrites it.
/// </summary>
public sealed class BriefingPublisher
{
    private const int MaxHeadlines = 8;

    private readonly IReportStore _store;
    private readonly ReportingOptions _options;
    private readonly DeliveryService _delivery;
    private readonly TimeProvider _clock;
    private readonly IndicatorService _indicators;
    private readonly SubmissionStatusService _status;
    private readonly IssueNumbering _issues;
    private readonly ILogger _logger;

    public BriefingPublisher(
        IndicatorService indicators,
        SubmissionStatusService status,
        IssueNumbering issues,
        IReportStore store,
        ReportingOptions options,
        DeliveryService delivery,
        TimeProvider clock,
        ILogger<BriefingPublisher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(clock);
        _indicators = indicators;
        _status = status;
        _issues = issues;
        _store = store;
        _options = options;
        _delivery = delivery;
        _clock = clock;
        _logger = logger ?? NullLogger<BriefingPublisher>.Instance;
    }

    public static string PdfPathFor(ReportingPeriod period, int issueNumber) =>
        StorePath.Combine(Containers.Briefings, period.ToString(), $"{issueNumber}.pdf");

    public static string ManifestPathFor(ReportingPeriod period, int issueNumber) =>
        StorePath.Combine(Containers.Briefings, period.ToString(), $"{issueNumber}.json");

    /// <summary>Every briefing rendered so far (the latest rendering of each issue), newest period first.</summary>
    public async Task<IReadOnlyList<PublishedBriefing>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        var byIssue = new Dictionary<(ReportingPeriod, int), PublishedBriefing>();
        await foreach (StoredObject item in _store.ListAsync(Containers.Briefings + "/", cancellationToken).ConfigureAwait(false))
        {
            if (item.Path.EndsWith(".json", StringComparison.Ordinal)
                && await _store.ReadJsonAsync<PublishedBriefing>(item.Path, cancellationToken).ConfigureAwait(false) is { } manifest
                && (!byIssue.TryGetValue((manifest.Period, manifest.IssueNumber), out PublishedBriefing? seen) || manifest.RenderedAt > seen.RenderedAt))
            {
                byIssue[(manifest.Period, manifest.IssueNumber)] = manifest;
            }
        }

        return [.. byIssue.Values.OrderByDescending(b => b.Period).ThenByDescending(b => b.IssueNumber)];
    }

    /// <summary>The stored PDF of a published briefing; null when it is missing.</summary>
    public Task<Stream?> OpenPdfAsync(PublishedBriefing briefing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        return _store.OpenReadAsync(briefing.PdfPath, cancellationToken);
    }

    /// <summary>The timer's run: the period reported on today (Beijing), rendered once, delivered to every configured recipient.</summary>
    public async Task<BriefingRun> RunScheduledAsync(CancellationToken cancellationToken = default)
    {
        ReportingPeriod period = ChinaTime.PeriodReportedOn(ChinaTime.Today(_clock));
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
        PublishedBriefing? latest = null;
        await foreach (StoredObject item in _store.ListAsync($"{Containers.Briefings}/{period}/", cancellationToken).ConfigureAwait(false))
        {
            if (item.Path.EndsWith(".json", StringComparison.Ordinal)
                && await _store.ReadJsonAsync<PublishedBriefing>(item.Path, cancellationToken).ConfigureAwait(false) is { } manifest
                && manifest.Period == period
                && (latest is null || manifest.RenderedAt > latest.RenderedAt))
            {
                latest = manifest;
            }
        }

        if (latest is not null && await _store.GetInfoAsync(latest.PdfPath, cancellationToken).ConfigureAwait(false) is not null)
        {
            return latest;
        }

        return await RenderAsync(period, issueDate ?? ChinaTime.Today(_clock), replace: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the period's briefing now and stores it (replacing an earlier rendering of the same issue); null when nothing was submitted for it.</summary>
    public Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        RenderAsync(period, ChinaTime.Today(_clock), cancellationToken);

    /// <summary>Renders the period's briefing dated <paramref name="issueDate"/> (印发日期, a Beijing date) and stores it; null when nothing was submitted for it.</summary>
    public Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, DateOnly issueDate, CancellationToken cancellationToken = default) =>
        RenderAsync(period, issueDate, replace: true, cancellationToken);

    /// <param name="replace">
    /// True for "render now" (the figures changed: the new PDF replaces the stored one). False for the timer:
    /// when two runs render the same issue at once, the second keeps the first one's PDF, so every leader
    /// gets the same bytes as the archive holds.
    /// </param>
    private async Task<PublishedBriefing?> RenderAsync(ReportingPeriod period, DateOnly issueDate, bool replace, CancellationToken cancellationToken)
    {
        IndicatorReport report = await _indicators.ComputeAsync(period, cancellationToken).ConfigureAwait(false);
        if (report.Sources.Count == 0)
        {
            _logger.LogWarning("No accepted submission for {Period}: no briefing rendered", period);
            return null;
        }

        IReadOnlyList<DepartmentSubmissionStatus> submissions = await _status.GetStatusAsync(period, cancellationToken).ConfigureAwait(false);
        int issue = await _issues.AllocateAsync(period, cancellationToken).ConfigureAwait(false);
        BriefingDocument document = BriefingComposer.Compose(report, submissions, _options.Briefing, _options, issue, issueDate);

        using var pdf = new MemoryStream();
        new PdfBriefingRenderer().Render(document, pdf);
        pdf.Position = 0;
        string pdfPath = PdfPathFor(period, issue);
        StoredObject stored;
        try
        {
            stored = await _store.WriteAsync(pdfPath, pdf, replace ? WriteCondition.Overwrite : WriteCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            if (await ManifestOfConcurrentRenderAsync(period, issue, cancellationToken).ConfigureAwait(false) is { } theirs)
            {
                return theirs;
            }

            // A PDF without a manifest is what a run that died mid-render leaves: replace it.
            pdf.Position = 0;
            stored = await _store.WriteAsync(pdfPath, pdf, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        }

        var published = new PublishedBriefing
        {
            Period = period,
            IssueNumber = issue,
            IssueYear = document.Year,
            IssueDate = issueDate,
            PdfPath = pdfPath,
            Subject = BriefingMail.Subject(_options, period, issue, document.Year),
            Headlines = Headlines(document),
            RenderedAt = _clock.GetUtcNow(),
            PdfBytes = stored.Length,
            Warnings = report.Warnings,
        };

        // The manifest goes last: its presence means the PDF next to it is complete.
        await _store.WriteJsonAsync(ManifestPathFor(period, issue), published, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Rendered {Subject} to {Path} ({Bytes} bytes)", published.Subject, pdfPath, stored.Length);
        return published;
    }

    // The other run writes its manifest right after its PDF; wait for it a little (rendering takes far less).
    private async Task<PublishedBriefing?> ManifestOfConcurrentRenderAsync(ReportingPeriod period, int issue, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            if (await _store.ReadJsonAsync<PublishedBriefing>(ManifestPathFor(period, issue), cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                return manifest;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _clock, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Sends the stored PDF to every configured recipient, at most once each (the deliveries ledger).</summary>
    public async Task<DeliveryReport> DeliverAsync(PublishedBriefing briefing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        byte[] pdf = await _store.ReadBytesAsync(briefing.PdfPath, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The briefing {briefing.PdfPath} is not in the store.");
        var content = new BriefingMailContent
        {
            Period = briefing.Period,
            IssueNumber = briefing.IssueNumber,
            IssueYear = briefing.IssueYear,
            Headlines = briefing.Headlines,
            Pdf = pdf,
            IssuedOn = briefing.IssueDate,
        };
        DeliveryReport report = await _delivery
            .DeliverAsync(briefing.Period, _options.Delivery.Recipients, recipient => BriefingMail.Create(_options, content, recipient), cancellationToken)
            .ConfigureAwait(false);
        _logger.LogInformation("Briefing {Period}: {Report}", briefing.Period, report);
        return report;
    }

    /// <summary>The overview's key figures and prose: what a leader reads first.</summary>
    internal static IReadOnlyList<string> Headlines(BriefingDocument document)
    {
        var lines = new List<string>();
        if (document.Sections.Count == 0)
        {
            return lines;
        }

        foreach (Block block in document.Sections[0].Blocks)
        {
            switch (block)
            {
                case KeyFigures figures:
                    lines.AddRange(figures.Items.Select(f => f.Note is null ? $"{f.Label}：{f.Value}" : $"{f.Label}：{f.Value}（{f.Note}）"));
                    break;
                case Paragraph paragraph when paragraph.PlainText.Trim().Length > 0:
                    lines.Add(paragraph.PlainText.Trim());
                    break;
            }
        }

        return lines.Take(MaxHeadlines).ToList();
    }
}
