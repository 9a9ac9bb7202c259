using System.CommandLine;
using System.Text;
using Reporting.Core;
using Reporting.Core.Pipeline;

namespace Reporting.Cli.Commands;

/// <summary>
/// `reporting review --period P [--note FILE] [--render] [--correction] [--out FILE.pdf]`: the period's briefing issue as
/// the office reviews it (state, draft version, what moved, notes, signature, deliveries), and the office's edits.
/// `reporting sign --period P --by NAME --version N`: 签发 that draft version and mail it to the leaders.
/// </summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var note = new Option<string?>("--note") { Description = "编者按和下步工作的文本文件（UTF-8）：以“编者按”“下步工作”各占一行作为小标题" };
        var render = new Option<bool>("--render") { Description = "按最新数据重新生成草稿" };
        var correction = new Option<bool>("--correction") { Description = "已签发的一期数据有变化时：发起更正（新的一期，标明更正）" };
        var output = new Option<string?>("--out") { Description = "另存当前草稿（或签发稿）的 PDF 到此文件，便于预览" };
        var by = new Option<string?>("--by") { Description = "操作人姓名，记入审核记录（默认“推进办”）" };
        var command = new Command("review", "审核简报：查看本期草稿、修改编者按和下步工作、重新生成、发起更正");
        command.Options.Add(period);
        command.Options.Add(note);
        command.Options.Add(render);
        command.Options.Add(correction);
        command.Options.Add(output);
        command.Options.Add(by);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter stdout = parseResult.InvocationConfiguration.Output;
            TextWriter stderr = parseResult.InvocationConfiguration.Error;
            if (!CliArguments.TryParsePeriod(parseResult.GetValue(period), stderr, out ReportingPeriod reportingPeriod))
            {
                return CliApp.BadArguments;
            }

            using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(() => store.Open(parseResult), stderr).ConfigureAwait(false);
            if (environment is null)
            {
                return CliApp.BadArguments;
            }

            var review = environment.Get<BriefingReview>();
            string who = parseResult.GetValue(by) ?? "推进办";
            ReviewResult? result = null;
            if (parseResult.GetValue(correction))
            {
                result = await review.CorrectAsync(reportingPeriod, who, cancellationToken).ConfigureAwait(false);
            }
            else if (parseResult.GetValue(note) is { } noteFile)
            {
                if (!File.Exists(noteFile))
                {
                    await stderr.WriteLineAsync($"文件不存在：{noteFile}").ConfigureAwait(false);
                    return CliApp.BadArguments;
                }

                (string? editorsNote, string? nextSteps) = ParseNotes(await File.ReadAllTextAsync(noteFile, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
                IssueView? current = await review.GetAsync(reportingPeriod, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    await stderr.WriteLineAsync($"{reportingPeriod.ToChineseCumulative()}还没有简报草稿。").ConfigureAwait(false);
                    return CliApp.BadArguments;
                }

                result = await review.SaveNotesAsync(reportingPeriod, current.Issue.Number, current.Issue.DraftVersion, editorsNote, nextSteps, who, cancellationToken).ConfigureAwait(false);
            }
            else if (parseResult.GetValue(render))
            {
                result = await review.RerenderAsync(reportingPeriod, who, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (result is not null)
            {
                await stdout.WriteLineAsync(result.Message).ConfigureAwait(false);
                foreach (string problem in result.Problems)
                {
                    await stdout.WriteLineAsync("  " + problem).ConfigureAwait(false);
                }
            }

            IssueView? view = result?.View ?? await review.GetAsync(reportingPeriod, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                await stderr.WriteLineAsync($"{reportingPeriod.ToChineseCumulative()}还没有简报。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            await stdout.WriteAsync(Describe(view, environment)).ConfigureAwait(false);
            if (parseResult.GetValue(output) is { } outFile && (view.Issued ?? view.Draft) is { } shown)
            {
                await BriefCommand.CopyOutAsync(environment, shown.PdfPath, Path.GetFullPath(outFile), cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"已另存：{Path.GetFullPath(outFile)}").ConfigureAwait(false);
            }

            return result is null || result.Succeeded ? CliApp.Ok : CliApp.BadArguments;
        });
        return command;
    }

    public static Command CreateSign()
    {
        var period = new Option<string?>("--period") { Description = "报告期 YYYY-MM，例如 2022-12（必填）" };
        var by = new Option<string?>("--by") { Description = "签发人姓名（必填），记入审核记录" };
        var version = new Option<int?>("--version") { Description = "签发的草稿版本（必填，reporting review 显示）：只签发审核时看到的那一版" };
        var command = new Command("sign", "签发简报：签发后按签发稿发送给全部领导（每人一次）");
        command.Options.Add(period);
        command.Options.Add(by);
        command.Options.Add(version);
        StoreSelection store = StoreSelection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter stdout = parseResult.InvocationConfiguration.Output;
            TextWriter stderr = parseResult.InvocationConfiguration.Error;
            if (!CliArguments.TryParsePeriod(parseResult.GetValue(period), stderr, out ReportingPeriod reportingPeriod))
            {
                return CliApp.BadArguments;
            }

            if (string.IsNullOrWhiteSpace(parseResult.GetValue(by)))
            {
                await stderr.WriteLineAsync("请用 --by 写明签发人姓名。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            using CliEnvironment? environment = await CliEnvironment.TryOpenAsync(() => store.Open(parseResult), stderr).ConfigureAwait(false);
            if (environment is null)
            {
                return CliApp.BadArguments;
            }

            var review = environment.Get<BriefingReview>();
            IssueView? current = await review.GetAsync(reportingPeriod, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await stderr.WriteLineAsync($"{reportingPeriod.ToChineseCumulative()}还没有简报草稿。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            // The version is what the signer saw: signing "whatever is current" could send the mayor a draft that a
            // resubmission re-rendered after the review, which the portal's form (carrying its version) never does either.
            if (parseResult.GetValue(version) is not int seen)
            {
                await stderr.WriteLineAsync(current.Issue.State == IssueState.Draft
                    ? $"请用 --version 写明签发的草稿版本：当前为草稿第{current.Issue.DraftVersion}版，签发前请先用 reporting review --period {reportingPeriod} --out 文件.pdf 查看。"
                    : $"请用 --version 写明签发的草稿版本（reporting review --period {reportingPeriod} 显示）。").ConfigureAwait(false);
                return CliApp.BadArguments;
            }

            ReviewResult result = await review.SignAsync(reportingPeriod, current.Issue.Number, seen, parseResult.GetValue(by)!, cancellationToken).ConfigureAwait(false);
            await stdout.WriteLineAsync(result.Message).ConfigureAwait(false);
            if (result.View is { } view)
            {
                await stdout.WriteAsync(Describe(view, environment)).ConfigureAwait(false);
            }

            // Signing again what is already signed at that version changes nothing and is no error: re-running a step is safe.
            bool alreadyDone = result.Outcome == ReviewOutcome.AlreadySigned && result.View?.Issue.SignedVersion == seen;
            return result.Succeeded || alreadyDone ? (result.Delivery?.Failed > 0 ? CliApp.DeliveryFailed : CliApp.Ok) : CliApp.BadArguments;
        });
        return command;
    }

    /// <summary>A note file: lines before any heading and under 编者按 are the 编者按; under 下步工作, the 下步工作.</summary>
    public static (string? EditorsNote, string? NextSteps) ParseNotes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var editors = new StringBuilder();
        var next = new StringBuilder();
        StringBuilder current = editors;
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string heading = raw.Trim().Trim('【', '】', '#', ' ').TrimEnd('：', ':').Trim();
            if (heading == "编者按")
            {
                current = editors;
                continue;
            }

            if (heading == "下步工作")
            {
                current = next;
                continue;
            }

            current.Append(raw).Append('\n');
        }

        return (Blank(editors.ToString()), Blank(next.ToString()));
    }

    private static string Describe(IssueView view, CliEnvironment environment)
    {
        BriefingIssue issue = view.Issue;
        var text = new StringBuilder();
        string state = issue.State switch
        {
            IssueState.Draft => $"草稿第{issue.DraftVersion}版，待签发",
            IssueState.SignedOff => $"已签发（草稿第{issue.SignedVersion}版），发送中",
            IssueState.Delivered => $"已签发并发送（草稿第{issue.SignedVersion}版）",
            _ => "未经审核流程生成（自动发送）",
        };
        text.Append($"第{issue.Number}期{(issue.Corrects is { } c ? $"（更正第{c}期）" : string.Empty)}：{state}\n");
        if (issue.DraftReason is not null)
        {
            text.Append($"  本版原因：{issue.DraftReason}\n");
        }

        foreach (string change in issue.DraftChanges)
        {
            text.Append($"  变化：{change}\n");
        }

        if (issue.EditorsNote is not null)
        {
            text.Append($"  编者按：{issue.EditorsNote.Replace('\n', ' ')}\n");
        }

        if (issue.NextSteps is not null)
        {
            text.Append($"  下步工作：{issue.NextSteps.Replace('\n', ' ')}\n");
        }

        if (view.Draft is { } draft)
        {
            text.Append($"  草稿：{Path.Combine(environment.Store.Location, draft.PdfPath)}\n");
        }

        if (issue.SignedBy is not null)
        {
            text.Append($"  签发：{issue.SignedBy}，{ChinaTime.ToBeijing(issue.SignedAt ?? default):yyyy-MM-dd HH:mm}，SHA-256 {issue.SignedSha256}\n");
        }

        if (view.Issued is { } issued)
        {
            text.Append($"  签发稿：{Path.Combine(environment.Store.Location, issued.PdfPath)}\n");
        }

        if (issue.DataChangedAfterSigning is { } changed)
        {
            text.Append($"  注意：签发后数据有变化（{changed}），如需更正：reporting review --period {issue.Period} --correction\n");
        }

        return text.ToString();
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
