using Reporting.Cli;
using Reporting.Cli.Commands;

namespace Reporting.Tests.Cli;

/// <summary>
/// `reporting review` and `reporting sign` on a folder store holding the bundled samples: the office drafts, reads,
/// annotates and signs one named draft version; the leaders' mails (the store's outbox/) appear only then, once each.
/// </summary>
public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-review-cli-" + Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_root, "store");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // Leaders' mails carry the briefing; the reviewers' notices go to shenhe@.
    private string[] LeaderMails() =>
        Directory.Exists(Path.Combine(Store, "outbox"))
            ? [.. Directory.GetFiles(Path.Combine(Store, "outbox"), "*.eml", SearchOption.AllDirectories).Where(path => !path.Contains("shenhe@", StringComparison.Ordinal))]
            : [];

    // The sample settings name the leaders (three, and 安源区's head) and the reviewers, as the demo's do.
    private Task<(int Code, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(
        [.. args, "--period", "2022-12", "--store", Store, "--config", Path.Combine(SampleDataFolder.Root, DemoCommand.SampleSettingsFileName)]);

    [Fact]
    public async Task Signs_only_the_draft_version_named_and_mails_each_leader_once()
    {
        await CliRun.IngestSamplesAsync(Store);

        (int drafted, string draftOutput, string draftError) = await Run("review", "--render", "--out", Path.Combine(_root, "draft.pdf"));
        Assert.True(drafted == CliApp.Ok, draftOutput + draftError);
        Assert.Contains("第1期：草稿第1版，待签发", draftOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "draft.pdf")));

        (int unnamed, string unnamedOutput, string unnamedError) = await Run("sign", "--by", "李主任");
        Assert.Equal(CliApp.BadArguments, unnamed);
        Assert.Empty(unnamedOutput);
        Assert.Contains("请用 --version 写明签发的草稿版本：当前为草稿第1版", unnamedError, StringComparison.Ordinal);

        (int unknown, string unknownOutput, _) = await Run("sign", "--by", "李主任", "--version", "2");
        Assert.Equal(CliApp.BadArguments, unknown);
        Assert.StartsWith("没有草稿第2版：当前为草稿第1版（推进办重新生成）。", unknownOutput, StringComparison.Ordinal);
        Assert.Empty(LeaderMails());

        string notes = Path.Combine(_root, "notes.txt");
        await File.WriteAllTextAsync(notes, "编者按\n请各县区对照滞后项目清单逐项销号。\n下步工作\n下月重点调度新开工项目。\n");
        (int annotated, string annotatedOutput, _) = await Run("review", "--note", notes);
        Assert.Equal(CliApp.Ok, annotated);
        Assert.Contains("草稿第2版，待签发", annotatedOutput, StringComparison.Ordinal);
        Assert.Contains("编者按：请各县区对照滞后项目清单逐项销号。", annotatedOutput, StringComparison.Ordinal);

        (int stale, string staleOutput, _) = await Run("sign", "--by", "李主任", "--version", "1");
        Assert.Equal(CliApp.BadArguments, stale);
        Assert.StartsWith("您看到的是草稿第1版，现在已是第2版", staleOutput, StringComparison.Ordinal);
        Assert.Empty(LeaderMails());

        (int signed, string signedOutput, string signedError) = await Run("sign", "--by", "李主任", "--version", "2");
        Assert.True(signed == CliApp.Ok, signedOutput + signedError);
        Assert.Contains("已签发并发送（草稿第2版）", signedOutput, StringComparison.Ordinal);
        Assert.Contains("签发：李主任", signedOutput, StringComparison.Ordinal);
        Assert.Equal(4, LeaderMails().Length);

        (int again, string againOutput, _) = await Run("sign", "--by", "李主任", "--version", "2");
        Assert.Equal(4, LeaderMails().Length);
        Assert.Contains("已签发并发送（草稿第2版）", againOutput, StringComparison.Ordinal);
        Assert.Equal(CliApp.Ok, again);
    }

    [Fact]
    public async Task Signing_with_no_leader_configured_says_that_nothing_was_sent()
    {
        await CliRun.IngestSamplesAsync(Store);
        Assert.Equal(CliApp.Ok, (await CliRun.RunAsync("review", "--render", "--period", "2022-12", "--store", Store)).Code);

        (int code, string output, _) = await CliRun.RunAsync("sign", "--by", "李主任", "--version", "1", "--period", "2022-12", "--store", Store);

        Assert.Equal(CliApp.Ok, code);
        Assert.StartsWith("已签发，未配置领导收件人（Reporting:Delivery:Recipients），没有发送。", output, StringComparison.Ordinal);
        Assert.Contains("已签发（草稿第1版），发送中", output, StringComparison.Ordinal);
        Assert.Empty(LeaderMails());
    }
}
