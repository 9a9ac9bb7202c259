using MimeKit;
using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Tests.Briefings;
using Reporting.Tests.Delivery;
using Reporting.Tests.Ingestion;
using UglyToad.PdfPig;

namespace Reporting.Tests.Hostile;

/// <summary>
/// Hostile files that are accepted go on: stored, counted, printed in the leaders' briefing and
/// answered by mail. None of those steps may throw on what a department typed.
/// </summary>
public sealed class HostilePipelineTests : IDisposable
{
    private static readonly ReportingPeriod s_period = new(2022, 12);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-hostile-" + Guid.NewGuid().ToString("N"));
    private readonly FolderReportStore _store;
    private readonly FolderLedgerStore _ledger;
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 3, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingSender _sender = new();

    public HostilePipelineTests()
    {
        _store = new FolderReportStore(_root);
        _ledger = new FolderLedgerStore(_root);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string> Accepted() => [.. HostileFiles.All.Where(f => f.Verdict == Verdict.Accepted).Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task An_accepted_hostile_file_is_stored_counted_briefed_and_answered(string id)
    {
        HostileFile file = HostileFiles.Get(id);

        SubmissionReceipt receipt = await IngestAsync(file.FileName, file.Build());
        PublishedBriefing? briefing = await Publisher().RenderAsync(s_period);
        DeliveryOutcome? answer = await Receipts().SendAsync(receipt);

        Assert.True(receipt.Record.IsAccepted, string.Join(" | ", receipt.Findings));
        Assert.NotNull(briefing);
        Assert.True(briefing.PdfBytes > 0);
        Assert.Equal(DeliveryResult.Sent, answer!.Result);
        MimeMessage mail = Assert.Single(_sender.Sent);
        Assert.DoesNotContain(mail.Headers, h => h.Value.Contains('\n', StringComparison.Ordinal) || h.Value.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Characters_the_font_lacks_print_as_the_missing_type_mark_and_invisible_controls_vanish()
    {
        await IngestAsync("安源区.xlsx", HostileFiles.Projects(HostileFiles.OddUnicode, HostileFiles.OddUnicode));

        PublishedBriefing briefing = (await Publisher().RenderAsync(s_period))!;

        using PdfDocument pdf = PdfDocument.Open((await _store.ReadBytesAsync(briefing.PdfPath))!);
        string text = PdfReadBack.AllText(pdf);
        Assert.Contains("表情〓", text, StringComparison.Ordinal);
        Assert.Contains("〓生僻字项目", text, StringComparison.Ordinal);
        Assert.Contains("目项向反工程", text, StringComparison.Ordinal);
        Assert.Contains("零宽项目", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", text, StringComparison.Ordinal);

        // The dataset keeps what the department wrote; only the print substitutes.
        Dataset dataset = (await new DatasetRepository(_store).LoadAsync(s_period, "anyuan", DatasetKind.Projects))!;
        Assert.Contains(dataset.Projects, p => p.Name.StartsWith("表情😀👨", StringComparison.Ordinal));
        Assert.Contains(dataset.Projects, p => p.Name == "𠀀𪚥生僻字项目");
    }

    [Fact]
    public async Task A_ratio_beyond_decimal_range_is_shown_as_a_dash_not_an_overflow()
    {
        await IngestAsync("安源区.xlsx", HostileFiles.Get("tiny-plan-huge-ratio").Build());

        PublishedBriefing? briefing = await Publisher().RenderAsync(s_period);

        Assert.NotNull(briefing);
    }

    private async Task<SubmissionReceipt> IngestAsync(string fileName, byte[] bytes) =>
        await new IngestionService(_store, _ledger, TestWorkbooks.Options, _clock)
            .IngestAsync("uploads/anyuan/" + fileName, "anyuan", fileName, new MemoryStream(bytes), null, default);

    private DeliveryService Delivery() => new(_ledger, _sender, _clock, TestWorkbooks.Options.Delivery);

    private BriefingPublisher Publisher() => TestServices.OnFolder(_root, TestWorkbooks.Options, _sender, _clock).Get<BriefingPublisher>();

    private ReceiptService Receipts()
    {
        Core.Configuration.ReportingOptions options = Reporting.Cli.CliEnvironment.LoadOptions(null);
        options.Departments.Single(d => d.Id == "anyuan").Contact = "anyuan@fgw.pingxiang.example";
        return new ReceiptService(_store, options, Delivery());
    }
}
