using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Tests.Storage;

namespace Reporting.Tests.Delivery;

/// <summary>
/// Render once, store, deliver the stored PDF: on the folder store with the bundled 2022-12 samples, in the automatic
/// mode (no sign-off), which keeps the timer's unattended sending for offices that want it. The sign-off mode is in
/// <see cref="Pipeline.BriefingReviewTests"/>.
/// </summary>
public sealed class BriefingPublisherTests : IDisposable
{
    private readonly TempFolders _folders = new("reporting-publisher");
    private readonly string _root;
    private readonly FolderReportStore _store;
    private readonly FolderLedgerStore _ledger;
    private readonly ReportingOptions _options = AutomaticMode(CliEnvironment.LoadOptions(null));
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingSender _sender = new();

    public BriefingPublisherTests()
    {
        _root = _folders.Create();
        _store = new FolderReportStore(_root);
        _ledger = new FolderLedgerStore(_root);
    }

    public void Dispose() => _folders.Dispose();

    private static ReportingOptions AutomaticMode(ReportingOptions options)
    {
        options.Briefing.RequireSignOff = false;
        return options;
    }

    private BriefingPublisher Publisher() => TestServices.OnFolder(_root, _options, _sender, _clock).Get<BriefingPublisher>();

    private async Task IngestAsync(Func<string, bool> departments)
    {
        var ingestion = new IngestionService(_store, _ledger, _options, _clock);
        foreach ((string department, string path) in SampleDataFolder.Files(new ReportingPeriod(2022, 12)).Where(f => departments(f.Department)))
        {
            await using FileStream content = File.OpenRead(path);
            string name = Path.GetFileName(path);
            Assert.True((await ingestion.IngestAsync($"uploads/{department}/{name}", department, name, content, null, default)).Accepted);
        }
    }

    [Fact]
    public async Task Renders_the_pdf_and_a_manifest_whose_headlines_state_the_seed_figures()
    {
        await IngestAsync(_ => true);
        _clock.Now = new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);

        PublishedBriefing briefing = (await Publisher().RenderAsync(new ReportingPeriod(2022, 12)))!;

        Assert.Equal(BriefingPublisher.PdfPathFor(new ReportingPeriod(2022, 12), briefing.IssueNumber), briefing.PdfPath);
        byte[] pdf = (await _store.ReadBytesAsync(briefing.PdfPath))!;
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(pdf.Length, briefing.PdfBytes);
        Assert.Equal(new DateOnly(2023, 1, 5), briefing.IssueDate);
        Assert.Equal($"萍乡市重大项目推进情况简报（2022年第{briefing.IssueNumber}期）", briefing.Subject);
        Assert.Contains(briefing.Headlines, h => h.Contains("134.8%", StringComparison.Ordinal));
        Assert.InRange(briefing.Headlines.Count, 1, 8);
        PublishedBriefing manifest = (await _store.ReadJsonAsync<PublishedBriefing>(BriefingPublisher.ManifestPathFor(briefing.Period, briefing.IssueNumber)))!;
        Assert.Equal(briefing.Headlines, manifest.Headlines);
    }

    [Fact]
    public async Task The_timer_renders_a_period_once_and_later_runs_deliver_that_same_pdf()
    {
        await IngestAsync(d => d == "anyuan");
        _clock.Now = new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);
        _sender.FailWhen = _ => new MailDeliveryException("cannot connect to smtp:587: ConnectionRefused");

        BriefingRun first = await Publisher().RunScheduledAsync();
        StoredObject firstPdf = (await _store.GetInfoAsync(first.Briefing!.PdfPath))!;
        await IngestAsync(d => d == "luxi");
        _sender.FailWhen = _ => null;
        _clock.Advance(TimeSpan.FromHours(1));
        BriefingRun second = await Publisher().RunScheduledAsync();

        Assert.Equal(new ReportingPeriod(2022, 12), first.Period);
        Assert.Equal(_options.Delivery.Recipients.Count, first.Delivery!.Failed);
        Assert.Equal(_options.Delivery.Recipients.Count, second.Delivery!.SentNow);
        Assert.Equal(first.Briefing.RenderedAt, second.Briefing!.RenderedAt);
        Assert.Equal(firstPdf.ETag, (await _store.GetInfoAsync(second.Briefing.PdfPath))!.ETag);
        byte[] stored = (await _store.ReadBytesAsync(second.Briefing.PdfPath))!;
        Assert.All(_sender.Sent, m =>
        {
            using var attached = new MemoryStream();
            ((MimeKit.MimePart)m.Attachments.Single()).Content!.DecodeTo(attached);
            Assert.Equal(stored, attached.ToArray());
        });
    }

    [Fact]
    public async Task Render_now_renders_again_under_the_same_issue_number()
    {
        await IngestAsync(d => d == "anyuan");
        PublishedBriefing first = (await Publisher().RenderAsync(new ReportingPeriod(2022, 12)))!;
        _clock.Advance(TimeSpan.FromDays(1));

        PublishedBriefing again = (await Publisher().RenderAsync(new ReportingPeriod(2022, 12)))!;

        Assert.Equal(first.IssueNumber, again.IssueNumber);
        Assert.Equal(first.PdfPath, again.PdfPath);
        Assert.True(again.RenderedAt > first.RenderedAt);
    }

    [Fact]
    public async Task A_period_nobody_submitted_for_gets_no_briefing_and_no_issue_number()
    {
        _clock.Now = new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);

        BriefingRun run = await Publisher().RunScheduledAsync();

        Assert.Null(run.Briefing);
        Assert.Empty(_sender.Sent);
        Assert.Empty(await ToListAsync(_store.ListAsync("briefings/")));
        Assert.Empty(await ToListAsync(_ledger.QueryAsync<IssueNumbering.IssueRecord>(LedgerTables.Issues, null)));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = [];
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
