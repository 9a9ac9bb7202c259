using Reporting.Core;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Numbers;
using Reporting.Portal.Html;

namespace Reporting.Portal.Pages;

/// <summary>Pieces several pages share: badges, times, the answer to one submission and its findings.</summary>
internal static class Fragments
{
    public static string Time(DateTimeOffset instant) => ChinaTime.ToBeijing(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant)
    {
        DateTimeOffset beijing = ChinaTime.ToBeijing(instant);
        return $"{beijing.Year}年{beijing.Month}月{beijing.Day}日";
    }

    public static HtmlText StateBadge(SubmissionState state) => state switch
    {
        SubmissionState.OnTime => Badge("ok", "已报送"),
        SubmissionState.Late => Badge("late", "已报送（逾期）"),
        SubmissionState.Rejected => Badge("bad", "已退回"),
        _ => Badge("missing", "未报送"),
    };

    public static HtmlText ResultBadge(SubmissionResult result) => result switch
    {
        SubmissionResult.Accepted => Badge("ok", "通过"),
        SubmissionResult.AcceptedWithWarnings => Badge("warn", "通过（有提示）"),
        SubmissionResult.Rejected => Badge("bad", "未通过"),
        SubmissionResult.Failed => Badge("bad", "处理失败"),
        _ => Badge("missing", "处理中"),
    };

    public static HtmlText Badge(string kind, string text) => HtmlText.Of($"<span class=\"badge {kind}\">{text}</span>");

    public static string Counts(SubmissionRecord record) => string.Join("、", new[]
    {
        record.ProjectCount > 0 ? $"{record.ProjectCount}个项目" : null,
        record.SigningCount > 0 ? $"{record.SigningCount}个签约项目" : null,
        record.MetricCount > 0 ? $"{record.MetricCount}项指标" : null,
    }.Where(t => t is not null));

    /// <summary>
    /// The answer to one submission: verdict, what was read (counts and totals), every finding, and the files.
    /// <paramref name="links"/> is the base path of the submission's downloads (the clerk's or the office's).
    /// </summary>
    public static HtmlText Answer(
        SubmissionRecord record, SubmissionTotals? totals, string departmentName, string links, bool alreadyProcessed = false, DeliveryOutcome? receipt = null)
    {
        IReadOnlyList<Finding> findings = record.ReadFindings();
        string verdict = record.Status switch
        {
            SubmissionResult.Accepted => "已通过校验并受理。",
            SubmissionResult.AcceptedWithWarnings => $"已通过校验并受理，但有{record.WarningCount}条提示，请核实；如数据有误，请更正后重新报送（以最后一次报送为准）。",
            SubmissionResult.Rejected => $"未通过校验，有{record.ErrorCount}处错误，本次报送的数据未被采用。请按下表修改后重新上传；标注副本中已把每个出错的单元格标出。",
            SubmissionResult.Failed => "系统处理时出错（不是文件的问题），原件已保存，系统会自动重试；如长时间没有结果请联系推进办。",
            _ => "正在处理。",
        };
        HtmlText repeat = alreadyProcessed ? HtmlText.Of($"<p class=\"notice\">这个文件此前已经报送过（内容完全相同），以下是当时的结果，未重复导入。</p>") : HtmlText.Empty;
        HtmlText read = totals is null ? HtmlText.Empty : Totals(totals);
        HtmlText mailed = receipt?.Result switch
        {
            DeliveryResult.Sent => HtmlText.Of($"<p class=\"hint\">回执邮件已发送至 {receipt.Recipient}。</p>"),
            DeliveryResult.Failed => HtmlText.Of($"<p class=\"hint\">回执邮件暂未发出，系统会自动重试；以本页结果为准。</p>"),
            _ => HtmlText.Empty,
        };
        HtmlText annotated = record.AnnotatedPath is null
            ? HtmlText.Empty
            : HtmlText.Of($"<a class=\"button primary\" href=\"{links}/annotated\" download>下载标注副本（每处问题已在单元格标出）</a>");
        return HtmlText.Of($"""
            <section class="answer {StatusClass(record.Status)}" aria-labelledby="answer-title">
              <h2 id="answer-title">{ResultBadge(record.Status)} 《{record.FileName}》</h2>
              {repeat}
              <dl class="facts">
                <dt>报送单位</dt><dd>{departmentName}</dd>
                <dt>报告期</dt><dd>{record.Period?.ToChineseCumulative() ?? "未能确定"}</dd>
                <dt>收到时间</dt><dd>{Time(record.ReceivedAt)}</dd>
                <dt>读取结果</dt><dd>{(Counts(record) is { Length: > 0 } counts ? counts : "—")}</dd>
              </dl>
              <p class="verdict">{verdict}</p>
              {read}
              {FindingsTable(findings, record.FindingsTruncated)}
              <p class="downloads">{annotated} <a class="button secondary" href="{links}/original" download>下载原件</a></p>
              {mailed}
            </section>
            """);
    }

    public static HtmlText FindingsTable(IReadOnlyList<Finding> findings, bool truncated)
    {
        if (findings.Count == 0)
        {
            return HtmlText.Empty;
        }

        HtmlText rows = HtmlText.Join(findings.Select(f => HtmlText.Of($"""
            <tr class="{(f.Severity == Severity.Error ? "error" : "warning")}">
              <td data-label="类别">{(f.Severity == Severity.Error ? "错误" : "提示")}</td><td data-label="工作表">{f.Sheet ?? "—"}</td><td data-label="单元格">{f.Cell ?? "—"}</td><td data-label="表头">{f.Header ?? "—"}</td><td data-label="填写内容">{f.Value ?? "—"}</td><td data-label="说明">{f.Message}</td>
            </tr>
            """)));
        HtmlText more = truncated ? HtmlText.Of($"<p class=\"notice\">问题较多，此处只列出一部分，完整清单见标注副本的“校验结果”工作表。</p>") : HtmlText.Empty;
        return HtmlText.Of($"""
            <div class="table-wrap">
              <table class="findings stack">
                <caption>校验发现的问题（共{findings.Count}条）</caption>
                <thead><tr><th scope="col">类别</th><th scope="col">工作表</th><th scope="col">单元格</th><th scope="col">表头</th><th scope="col">填写内容</th><th scope="col">说明</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            {more}
            """);
    }

    private static HtmlText Totals(SubmissionTotals totals)
    {
        var items = new List<HtmlText>();
        if (totals.Projects > 0)
        {
            items.Add(HtmlText.Of($"<li>{totals.Projects}个项目，年度计划投资合计{Display.WanYuan(totals.AnnualPlan)}，累计完成投资合计{Display.WanYuan(totals.Completed)}</li>"));
        }

        if (totals.Signings > 0)
        {
            items.Add(HtmlText.Of($"<li>{totals.Signings}个签约项目，签约金额合计{Display.WanYuan(totals.SigningAmount)}</li>"));
        }

        if (totals.Metrics > 0)
        {
            items.Add(HtmlText.Of($"<li>{totals.Metrics}项经济运行指标</li>"));
        }

        return HtmlText.Of($"<div class=\"totals\"><p>系统读到的数据（请与报表核对）：</p><ul>{items}</ul></div>");
    }

    private static string StatusClass(SubmissionResult result) => result switch
    {
        SubmissionResult.Accepted => "ok",
        SubmissionResult.AcceptedWithWarnings => "warn",
        _ => "bad",
    };
}
