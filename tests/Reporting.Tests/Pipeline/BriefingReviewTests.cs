using MimeKit;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Configuration;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Tests.Briefings;
using Reporting.Tests.Delivery;
using Reporting.Tests.Ingestion;
using Reporting.Tests.Storage;
using UglyToad.PdfPig;

namespace Reporting.Tests.Pipeline;

/// <summary>
/// 审核签发 on the folder store with the bundled 2022-12 samples: the timer drafts and tells the reviewers, the draft
/// follows the data, signing freezes it and mails exactly the signed bytes, later data is flagged and corrected in a
/// numbered issue of its own. Decisions: tests/Reporting.Tests/Pipeline/README.md.
/// </summary>
public sealed class BriefingReviewTests : IDisposable
{
    private static readonly ReportingPeriod s_period = new(2022, 12);
    private const string Reviewer = "shenhe@tuijinban.pingxiang.example";

    private readonly TempFolders _folders = new("reporting-review");
    private readonly string _root;
    private readonly FolderReportStore _store;
    private readonly ReportingOptions _options;
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingSender _sender = new();
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services;

    public BriefingReviewTests()
    {
        _root = _folders.Create();
        _store = new FolderReportStore(_root);
        _options = CliEnvironment.LoadOptionsFrom([Path.Combine(SampleDataFolder.Root, Reporting.Cli.Commands.DemoCommand.SampleSettingsFileName)]);
        Assert.True(_options.Briefing.RequireSignOff, "sign-off is the default");
        _services = TestServices.OnFolder(_root, _options, _sender, _clock);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folders.Dispose();
    }

    private BriefingReview Review => _services.Get<BriefingReview>();

    private IEnumerable<MimeMessage> LeaderMail => _sender.Sent.Where(m => !m.To.Mailboxes.Single().Address.Equals(Reviewer, StringComparison.Ordinal));

    private IEnumerable<MimeMessage> ReviewerMail => _sender.Sent.Where(m => m.To.Mailboxes.Single().Address.Equals(Reviewer, StringComparison.Ordinal));

    private async Task IngestSamplesAsync()
    {
        UploadPipeline uploads = _services.Get<UploadPipeline>();
        foreach ((string department, string path) in SampleDataFolder.Files(s_period))
        {
            await using FileStream content = File.OpenRead(path);
            string name = Path.GetFileName(path);
            Assert.True((await uploads.ProcessAsync($"uploads/{department}/{name}", department, name, content, null)).Accepted);
        }
    }

    // 安源区 sends its table again with two projects' completion changed: a resubmission between draft and sign-off.
    private async Task<UploadAnswer> ResubmitAnyuanAsync(string fileName = "安源区12月调度表（更正）.xlsx")
    {
        using MemoryStream workbook = TestWorkbooks.ProjectWorkbook(rows:
        [
            [1, "安源区新能源产业园", "安源区", "工业", 10000, 2000, "是"],
            [2, "安源区城市更新工程", "安源区", "重大基础设施", 8000, 9000, "是"],
        ]);
        return await _services.Get<UploadPipeline>().ProcessAsync("uploads/anyuan/" + fileName, "anyuan", fileName, workbook, s_period);
    }

    private async Task<BriefingRun> TimerAsync()
    {
        _clock.Now = new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);
        return await _services.Get<BriefingPublisher>().RunScheduledAsync();
    }

    [Fact]
    public async Task The_timer_drafts_tells_the_reviewers_and_mails_no_leader()
    {
        await IngestSamplesAsync();
        int before = _sender.Sent.Count;

        BriefingRun run = await TimerAsync();

        Assert.Equal(IssueState.Draft, run.Issue!.State);
        Assert.Equal(1, run.Issue.DraftVersion);
        Assert.Equal("briefings/2022-12/drafts/1-v1.pdf", run.Briefing!.PdfPath);
        Assert.Null(await _store.GetInfoAsync(BriefingPublisher.PdfPathFor(s_period, 1)));
        MimeMessage notice = Assert.Single(_sender.Sent.Skip(before));
        Assert.Equal(Reviewer, notice.To.Mailboxes.Single().Address);
        Assert.Equal("【待审核】萍乡市重大项目推进情况简报（2022年第1期）草稿第1版", notice.Subject);
        Assert.DoesNotContain(_sender.Sent, m => _options.Delivery.Leaders().Any(l => l.Address == m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task Two_timer_runs_at_once_draft_once_and_tell_the_reviewers_once()
    {
        await IngestSamplesAsync();
        _clock.Now = new DateTimeOffset(2023, 1, 5, 0, 30, 0, TimeSpan.Zero);
        BriefingPublisher publisher = _services.Get<BriefingPublisher>();

        await Task.WhenAll(Task.Run(() => publisher.RunScheduledAsync()), Task.Run(() => publisher.RunScheduledAsync()));

        IssueView view = (await Review.GetAsync(s_period))!;
        Assert.Equal(1, view.Issue.DraftVersion);
        Assert.NotNull(view.Draft);
        Assert.Single(ReviewerMail);
        Assert.DoesNotContain(_sender.Sent, m => _options.Delivery.Leaders().Any(l => l.Address == m.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task A_draft_claimed_by_a_run_that_died_before_storing_it_is_drafted_again_after_ten_minutes()
    {
        await IngestSamplesAsync();
        await TimerAsync();
        // The run died between claiming version 2 and storing it: the row says 2, no version 2 exists.
        var ledger = _services.Get<ILedgerStore>();
        LedgerRow<BriefingIssue> row = (await ledger.GetAsync<BriefingIssue>(LedgerTables.Issues, "2022", IssueNumbering.RowKey(1)))!;
        await ledger.ReplaceAsync(LedgerTables.Issues, row.PartitionKey, row.RowKey, row.Value with { DraftVersion = 2, DraftClaimedAt = _clock.GetUtcNow() }, row.ETag);
        BriefingPublisher publisher = _services.Get<BriefingPublisher>();

        _clock.Advance(TimeSpan.FromMinutes(5));
        BriefingRun soon = await publisher.RunScheduledAsync();
        _clock.Advance(TimeSpan.FromMinutes(6));
        BriefingRun later = await publisher.RunScheduledAsync();

        Assert.Null(soon.Briefing);
        Assert.Equal(3, later.Issue!.DraftVersion);
        Assert.NotNull((await Review.GetAsync(s_period))!.Draft);
        Assert.Equal(2, ReviewerMail.Count());
    }

    [Fact]
    public async Task Reviewers_hear_of_each_draft_once()
    {
        await IngestSamplesAsync();
        await TimerAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await TimerAsync();
        Assert.Single(ReviewerMail);

        await ResubmitAnyuanAsync();
        await TimerAsync();

        Assert.Equal(["【待审核】萍乡市重大项目推进情况简报（2022年第1期）草稿第1版", "【待审核】萍乡市重大项目推进情况简报（2022年第1期）草稿第2版"], ReviewerMail.Select(m => m.Subject));
        Assert.DoesNotContain(LeaderMail, m => m.Subject!.StartsWith("萍乡市", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resubmission_before_sign_off_redrafts_and_says_who_and_what_moved()
    {
        await IngestSamplesAsync();
        await TimerAsync();

        _clock.Advance(TimeSpan.FromHours(2));
        await ResubmitAnyuanAsync();

        IssueView view = (await Review.GetAsync(s_period))!;
        Assert.Equal(2, view.Issue.DraftVersion);
        Assert.StartsWith("安源区于1月5日10:30报送《安源区12月调度表（更正）.xlsx》", view.Issue.DraftReason, StringComparison.Ordinal);
        Assert.Contains(view.Issue.DraftChanges, c => c.StartsWith("全市重大项目：380个 → ", StringComparison.Ordinal));
        Assert.Contains(view.Issue.DraftChanges, c => c.StartsWith("安源区：完成率", StringComparison.Ordinal));
        Assert.Contains("与上一版相比", ReviewerMail.Last().TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_mails_every_leader_exactly_the_signed_bytes_once()
    {
        await IngestSamplesAsync();
        BriefingRun run = await TimerAsync();

        ReviewResult signed = await Review.SignAsync(s_period, 1, 1, "李主任");
        ReviewResult again = await Review.SignAsync(s_period, 1, 1, "王科长");
        await TimerAsync();

        Assert.True(signed.Succeeded, signed.Message);
        Assert.Equal(ReviewOutcome.AlreadySigned, again.Outcome);
        Assert.Contains("李主任", again.Message, StringComparison.Ordinal);
        IssueView view = (await Review.GetAsync(s_period))!;
        Assert.Equal(IssueState.Delivered, view.Issue.State);
        Assert.Equal("李主任", view.Issue.SignedBy);
        byte[] draft = (await _store.ReadBytesAsync(run.Briefing!.PdfPath))!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(draft)), view.Issue.SignedSha256);
        Assert.NotNull(await _store.GetInfoAsync(view.Issue.SignedIndicatorsPath!));
        List<MimeMessage> leaders = [.. LeaderMail.Where(m => m.Subject == "萍乡市重大项目推进情况简报（2022年第1期）")];
        Assert.Equal(_options.Delivery.Leaders().Select(l => l.Address).Order(), leaders.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(leaders, m =>
        {
            using var attached = new MemoryStream();
            m.Attachments.OfType<MimePart>().First().Content!.DecodeTo(attached);
            Assert.Equal(draft, attached.ToArray());
        });
    }

    [Fact]
    public async Task Signing_a_draft_that_changed_since_it_was_opened_is_refused_with_the_current_version()
    {
        await IngestSamplesAsync();
        await TimerAsync();
        await ResubmitAnyuanAsync();

        ReviewResult stale = await Review.SignAsync(s_period, 1, 1, "李主任");

        Assert.Equal(ReviewOutcome.Stale, stale.Outcome);
        Assert.Contains("您看到的是草稿第1版，现在已是第2版", stale.Message, StringComparison.Ordinal);
        Assert.Equal(IssueState.Draft, (await Review.GetAsync(s_period))!.Issue.State);
        Assert.DoesNotContain(LeaderMail, m => m.Subject!.StartsWith("萍乡市", StringComparison.Ordinal));
        Assert.True((await Review.SignAsync(s_period, 1, 2, "李主任")).Succeeded);
    }

    [Fact]
    public async Task Two_signers_at_once_sign_once_and_each_leader_gets_one_mail()
    {
        await IngestSamplesAsync();
        await TimerAsync();

        ReviewResult[] results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Review.SignAsync(s_period, 1, 1, "签发人" + i))));

        Assert.Single(results, r => r.Succeeded && r.Message.StartsWith("已签发", StringComparison.Ordinal));
        Assert.All(results.Where(r => !r.Message.StartsWith("已签发", StringComparison.Ordinal)), r => Assert.Equal(ReviewOutcome.AlreadySigned, r.Outcome));
        Assert.Equal(
            _options.Delivery.Leaders().Count,
            LeaderMail.Count(m => m.Subject == "萍乡市重大项目推进情况简报（2022年第1期）"));
    }

    [Fact]
    public async Task Data_changed_after_signing_leaves_the_issue_as_signed_and_a_correction_is_its_own_numbered_issue()
    {
        await IngestSamplesAsync();
        await TimerAsync();
        await Review.SignAsync(s_period, 1, 1, "李主任");
        byte[] signed = (await _store.ReadBytesAsync(BriefingPublisher.PdfPathFor(s_period, 1)))!;

        await ResubmitAnyuanAsync();
        IssueView flagged = (await Review.GetAsync(s_period, 1))!;
        Assert.Equal(IssueState.Delivered, flagged.Issue.State);
        Assert.StartsWith("安源区", flagged.Issue.DataChangedAfterSigning, StringComparison.Ordinal);
        Assert.Equal(signed, await _store.ReadBytesAsync(BriefingPublisher.PdfPathFor(s_period, 1)));

        ReviewResult correction = await Review.CorrectAsync(s_period, "李主任");
        Assert.True(correction.Succeeded, correction.Message);
        Assert.Equal(2, correction.View!.Issue.Number);
        Assert.Equal(1, correction.View.Issue.Corrects);
        ReviewResult sent = await Review.SignAsync(s_period, 2, 1, "李主任");

        Assert.True(sent.Succeeded, sent.Message);
        Assert.Equal(2, (await Review.GetAsync(s_period, 1))!.Issue.CorrectedBy);
        List<MimeMessage> corrected = [.. LeaderMail.Where(m => m.Subject == "萍乡市重大项目推进情况简报（2022年第2期）【更正第1期】")];
        Assert.Equal(_options.Delivery.Leaders().Count, corrected.Count);
        Assert.Contains("本期为第1期的更正版", corrected[0].TextBody, StringComparison.Ordinal);
        using var pdfBytes = new MemoryStream();
        corrected[0].Attachments.OfType<MimePart>().First().Content!.DecodeTo(pdfBytes);
        using PdfDocument pdf = PdfDocument.Open(pdfBytes.ToArray());
        string first = PdfReadBack.Compact(pdf.GetPage(1));
        Assert.Contains("2022年第2期（更正）", first, StringComparison.Ordinal);
        Assert.Contains("本期更正2022年第1期简报，请以本期为准。", first, StringComparison.Ordinal);
        Assert.Equal(_options.Delivery.Leaders().Count, LeaderMail.Count(m => m.Subject == "萍乡市重大项目推进情况简报（2022年第1期）"));
    }

    [Fact]
    public async Task The_office_notes_are_checked_and_printed_under_the_headline_and_at_the_end()
    {
        await IngestSamplesAsync();
        await TimerAsync();

        ReviewResult refused = await Review.SaveNotesAsync(s_period, 1, 1, "编者按里有𠮷字和\u0007", new string('好', 1501), "李主任");
        ReviewResult saved = await Review.SaveNotesAsync(s_period, 1, 1, "全市上下聚焦项目为王。", "一是加快滞后项目。\n二是抓好项目储备。", "李主任");

        Assert.Equal(ReviewOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Problems, p => p.StartsWith("编者按第6个字“𠮷”（U+20BB7）简报字体中没有", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("编者按第9个字是不可见的控制字符（U+0007）", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p == "下步工作共1501个字，超过1500字的上限，请精简。");
        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal(2, saved.View!.Issue.DraftVersion);
        using PdfDocument pdf = PdfDocument.Open((await _store.ReadBytesAsync(saved.View.Draft!.PdfPath))!);
        Assert.Contains("编者按：全市上下聚焦项目为王。", PdfReadBack.Compact(pdf.GetPage(1)), StringComparison.Ordinal);
        string last = PdfReadBack.Compact(pdf.GetPage(pdf.NumberOfPages));
        Assert.Contains("八、下步工作一是加快滞后项目。二是抓好项目储备。", last, StringComparison.Ordinal);
        Assert.True(last.IndexOf("下步工作", StringComparison.Ordinal) < last.IndexOf("报：", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_unsigned_is_sent_by_send_and_a_signed_issue_only_once()
    {
        await IngestSamplesAsync();
        await TimerAsync();
        BriefingPublisher publisher = _services.Get<BriefingPublisher>();

        SendAnswer refused = await publisher.SendAsync(s_period, null);
        await Review.SignAsync(s_period, 1, 1, "李主任");
        SendAnswer retried = await publisher.SendAsync(s_period, null);

        Assert.Null(refused.Delivery);
        Assert.Equal("这一期简报尚未签发，不会发送给领导。", refused.Refusal);
        Assert.Equal(_options.Delivery.Leaders().Count, retried.Delivery!.AlreadySent);
        Assert.Equal(_options.Delivery.Leaders().Count, LeaderMail.Count(m => m.Subject == "萍乡市重大项目推进情况简报（2022年第1期）"));
    }
}
