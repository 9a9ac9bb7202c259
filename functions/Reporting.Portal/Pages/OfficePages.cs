using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Portal.Hosting;
using Reporting.Portal.Html;

namespace Reporting.Portal.Pages;

/// <summary>
/// 推进办's pages: 报送情况 of any period with 催报, every department's submissions and findings, the indicators
/// (the same sheet `reporting indicators` prints) and the briefings with their deliveries.
/// </summary>
internal static class OfficePages
{
    public static async Task StatusAsync(PortalRequest request)
    {
        var clock = request.Service<TimeProvider>();
        (ReportingPeriod period, HtmlText note) = await PeriodToShowAsync(request, clock).ConfigureAwait(false);
        PeriodStatus status = await request.Service<SubmissionStatusService>().GetPeriodStatusAsync(period, request.Aborted).ConfigureAwait(false);
        IReadOnlyDictionary<string, DeliveryRecord> reminders = await LastRemindersAsync(request, period).ConfigureAwait(false);
        string csrf = request.CsrfToken();

        HtmlText rows = HtmlText.Join(status.Departments.Select(d => HtmlText.Of($"""
            <tr>
              <th scope="row">{(d.Submissions.Count == 0 ? HtmlText.Encode(d.Status.DepartmentName) : HtmlText.Of($"<a href=\"/portal/office/submissions/{d.Status.DepartmentId}/{d.Submissions[0].Id}\">{d.Status.DepartmentName}</a>"))}</th>
              <td data-label="状态">{Fragments.StateBadge(d.Status.State)}</td>
              <td data-label="最近报送">{(d.Status.LastReceivedAt is { } at ? Fragments.Time(at) : "—")}</td>
              <td data-label="错误" class="num">{(d.Status.State == SubmissionState.Missing ? "—" : d.Status.ErrorCount.ToString(CultureInfo.InvariantCulture))}</td>
              <td data-label="提示" class="num">{(d.Status.State == SubmissionState.Missing ? "—" : d.Status.WarningCount.ToString(CultureInfo.InvariantCulture))}</td>
              <td data-label="最近催报">{(reminders.TryGetValue(d.Status.DepartmentId, out DeliveryRecord? r) && r.SentAt is { } sent ? Fragments.Time(sent) : "—")}</td>
              <td data-label="报送次数" class="num">{d.Submissions.Count}</td>
            </tr>
            """)));
        HtmlText summary = HtmlText.Of($"""
            <p class="summary">共{status.Departments.Count}个单位：{Count(status, SubmissionState.OnTime, "按时报送", "ok")}{Count(status, SubmissionState.Late, "逾期报送", "late")}{Count(status, SubmissionState.Rejected, "被退回", "bad")}{Count(status, SubmissionState.Missing, "未报送", "missing")}</p>
            """);
        int owing = status.Missing.Count;
        HtmlText remind = owing == 0
            ? HtmlText.Of($"<p class=\"notice ok\">各单位均已报送。</p>")
            : HtmlText.Of($"""
                <form method="post" action="/portal/office/reminders" class="inline" data-confirm="向{owing}个未报送或被退回的单位发送催报邮件？">
                  <input type="hidden" name="__csrf" value="{csrf}">
                  <input type="hidden" name="period" value="{period}">
                  <button type="submit" class="primary">向{owing}个单位催报</button>
                </form>
                <span class="hint">每个单位每天最多催报一次。</span>
                """);
        HtmlText details = HtmlText.Join(status.Departments.Where(d => d.Submissions.Count > 0).Select(d => HtmlText.Of($"""
            <details>
              <summary>{d.Status.DepartmentName}（{d.Submissions.Count}次报送）</summary>
              {SubmissionsTable(d.Status.DepartmentId, d.Submissions)}
            </details>
            """)));

        HtmlText kept = await MailboxPages.KeptSectionAsync(request, csrf).ConfigureAwait(false);
        HtmlText content = HtmlText.Of($"""
            {PeriodPicker("/portal/office", period, clock)}
            {note}
            <p>报送截止：{Fragments.Date(status.Deadline)}（北京时间当天24时前）。</p>
            {summary}
            <div class="table-wrap">
              <table class="status stack">
                <caption>{period.ToChineseCumulative()}各单位报送情况</caption>
                <thead><tr><th scope="col">单位</th><th scope="col">状态</th><th scope="col">最近报送</th><th scope="col" class="num">错误</th><th scope="col" class="num">提示</th><th scope="col">最近催报</th><th scope="col" class="num">报送次数</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            <div class="actions">{remind}</div>
            {kept}
            <h2>各单位报送记录</h2>
            {(details.Value.Length == 0 ? HtmlText.Of($"<p>本期还没有收到任何报送。</p>") : details)}
            """);
        await request.HtmlAsync(Layout.Page("报送情况", request.User, content, csrf, "status")).ConfigureAwait(false);
    }

    /// <summary>POST: 催报 now, to every department of the period without an accepted submission (at most once a day each).</summary>
    public static async Task RemindAsync(PortalRequest request)
    {
        IFormCollection form = await request.Context.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        if (!ReportingPeriod.TryParse(form["period"].ToString(), out ReportingPeriod period))
        {
            await request.HtmlAsync(ErrorPage.Render(request, "催报失败", "报告期格式不正确。"), StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<DepartmentSubmissionStatus> statuses = await request.Service<SubmissionStatusService>().GetStatusAsync(period, request.Aborted).ConfigureAwait(false);
        ReminderReport report = await request.Service<ReminderService>().SendAsync(period, statuses, request.Aborted).ConfigureAwait(false);
        var options = request.Service<ReportingOptions>();
        Dictionary<string, string> names = options.Departments.ToDictionary(d => d.Contact ?? d.Id, d => d.Name, StringComparer.OrdinalIgnoreCase);
        HtmlText rows = HtmlText.Join(report.Outcomes.Select(o => HtmlText.Of($"""
            <tr><th scope="row">{(names.TryGetValue(o.Recipient, out string? name) ? name : o.Recipient)}</th><td data-label="邮箱" class="file">{o.Recipient}</td><td data-label="结果">{Outcome(o)}</td></tr>
            """)));
        HtmlText content = HtmlText.Of($"""
            <p>{period.ToChineseCumulative()}：本次发出{report.SentNow}封催报邮件。</p>
            {(report.Outcomes.Count == 0 ? HtmlText.Of($"<p>没有需要催报的单位（或未配置联系邮箱）。</p>") : HtmlText.Of($"""
                <div class="table-wrap"><table class="stack"><thead><tr><th scope="col">单位</th><th scope="col">邮箱</th><th scope="col">结果</th></tr></thead><tbody>{rows}</tbody></table></div>
                """))}
            <p><a href="/portal/office?period={period}">返回报送情况</a></p>
            """);
        await request.HtmlAsync(Layout.Page("催报结果", request.User, content, request.CsrfToken(), "status")).ConfigureAwait(false);
    }

    public static async Task SubmissionAsync(PortalRequest request)
    {
        if (await FindAsync(request).ConfigureAwait(false) is not { } record)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这条报送记录", "没有找到这条报送记录。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        string departmentName = request.Service<ReportingOptions>().DepartmentName(record.Department);
        SubmissionTotals? totals = await request.Service<SubmissionFiles>().ReadTotalsAsync(record, request.Aborted).ConfigureAwait(false);
        HtmlText content = HtmlText.Of($"""
            {Fragments.Answer(record, totals, departmentName, $"/portal/office/submissions/{record.Department}/{record.LedgerKey()}")}
            <p><a href="/portal/office?period={record.Period?.ToString() ?? string.Empty}">返回报送情况</a></p>
            """);
        await request.HtmlAsync(Layout.Page("报送详情", request.User, content, request.CsrfToken(), "status")).ConfigureAwait(false);
    }

    public static async Task OriginalAsync(PortalRequest request)
    {
        SubmissionRecord? record = await FindAsync(request).ConfigureAwait(false);
        Stream? content = record is null ? null : await request.Service<SubmissionFiles>().OpenOriginalAsync(record, request.Aborted).ConfigureAwait(false);
        await ClerkPages.DownloadOrNotFoundAsync(request, content, record?.FileName ?? string.Empty).ConfigureAwait(false);
    }

    public static async Task AnnotatedAsync(PortalRequest request)
    {
        SubmissionRecord? record = await FindAsync(request).ConfigureAwait(false);
        Stream? content = record is null ? null : await request.Service<SubmissionFiles>().OpenAnnotatedAsync(record, request.Aborted).ConfigureAwait(false);
        string name = record is null ? string.Empty : Path.GetFileNameWithoutExtension(record.FileName) + "-校验结果.xlsx";
        await ClerkPages.DownloadOrNotFoundAsync(request, content, name).ConfigureAwait(false);
    }

    public static async Task IndicatorsAsync(PortalRequest request)
    {
        var clock = request.Service<TimeProvider>();
        (ReportingPeriod period, HtmlText note) = await PeriodToShowAsync(request, clock).ConfigureAwait(false);
        IndicatorReport report = await request.Service<IndicatorService>().ComputeAsync(period, request.Aborted).ConfigureAwait(false);
        var options = request.Service<ReportingOptions>();
        HtmlText body = report.Sources.Count == 0
            ? HtmlText.Of($"<p class=\"notice\">{period.ToChineseCumulative()}还没有通过校验的报送，暂无指标。</p>")
            : Sheet(IndicatorSheets.Build(report, options.DepartmentName));
        HtmlText content = HtmlText.Of($"""
            {PeriodPicker("/portal/office/indicators", period, clock)}
            {note}
            {body}
            """);
        await request.HtmlAsync(Layout.Page("指标", request.User, content, request.CsrfToken(), "indicators")).ConfigureAwait(false);
    }

    public static async Task BriefingPdfAsync(PortalRequest request)
    {
        var publisher = request.Service<BriefingPublisher>();
        PublishedBriefing? briefing = null;
        if (ReportingPeriod.TryParse(request.Value("period"), out ReportingPeriod period) && int.TryParse(request.Value("issue"), out int issue))
        {
            briefing = (await publisher.ListPublishedAsync(request.Aborted).ConfigureAwait(false))
                .FirstOrDefault(b => b.Period == period && b.IssueNumber == issue);
        }

        Stream? pdf = briefing is null ? null : await publisher.OpenPdfAsync(briefing, request.Aborted).ConfigureAwait(false);
        if (pdf is null || briefing is null)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这期简报", "没有找到这期简报。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        await request.FileAsync(pdf, BriefingMail.AttachmentName(request.Service<ReportingOptions>(), briefing.Period, briefing.IssueNumber, briefing.IssueYear, briefing.Corrects), "application/pdf")
            .ConfigureAwait(false);
    }

    public static async Task StatusJsonAsync(PortalRequest request)
    {
        ReportingPeriod period = request.PeriodOrCurrent(request.Service<TimeProvider>());
        PeriodStatus status = await request.Service<SubmissionStatusService>().GetPeriodStatusAsync(period, request.Aborted).ConfigureAwait(false);
        IReadOnlyDictionary<string, DeliveryRecord> reminders = await LastRemindersAsync(request, period).ConfigureAwait(false);
        await request.JsonAsync(new
        {
            status.Period,
            status.Deadline,
            status.Departments,
            status.Missing,
            LastReminders = reminders.ToDictionary(r => r.Key, r => r.Value.SentAt),
        }).ConfigureAwait(false);
    }

    public static async Task IndicatorsJsonAsync(PortalRequest request)
    {
        ReportingPeriod period = request.PeriodOrCurrent(request.Service<TimeProvider>());
        IndicatorReport report = await request.Service<IndicatorService>().ComputeAsync(period, request.Aborted).ConfigureAwait(false);
        await request.JsonAsync(IndicatorCatalog.Flatten(report)).ConfigureAwait(false);
    }

    /// <summary>
    /// The period asked for; else the one being reported now, unless nothing has arrived for it yet while an earlier
    /// period has submissions (the first days of a month, or a store filled by `reporting demo`): that one, said so.
    /// </summary>
    private static async Task<(ReportingPeriod Period, HtmlText Note)> PeriodToShowAsync(PortalRequest request, TimeProvider clock)
    {
        if (ReportingPeriod.TryParse(request.Query("period"), out ReportingPeriod asked))
        {
            return (asked, HtmlText.Empty);
        }

        ReportingPeriod current = ChinaTime.PeriodReportedOn(ChinaTime.Today(clock));
        ReportingPeriod? latest = await request.Service<SubmissionStatusService>().LatestPeriodWithSubmissionsAsync(request.Aborted).ConfigureAwait(false);
        if (latest is { } earlier && earlier < current)
        {
            return (earlier, HtmlText.Of($"""
                <p class="notice">本期（{current.ToChineseCumulative()}）尚未收到报送，下面是最近有报送的{earlier.ToChineseCumulative()}。<a href="?period={current}">查看本期</a></p>
                """));
        }

        return (current, HtmlText.Empty);
    }

    private static Task<IReadOnlyDictionary<string, DeliveryRecord>> LastRemindersAsync(PortalRequest request, ReportingPeriod period) =>
        request.Service<DeliveryService>().GetLastRemindersAsync(
            request.Service<ReportingOptions>().Departments.Select(d => d.Id), period.EndExclusive.AddDays(-10), request.Aborted);

    private static async Task<SubmissionRecord?> FindAsync(PortalRequest request) =>
        // Only a configured department names a ledger partition: anything else in the URL finds nothing.
        request.Service<ReportingOptions>().FindDepartment(request.Value("department")) is { } department
            ? await request.Service<SubmissionStatusService>().GetSubmissionAsync(department.Id, request.Value("key"), request.Aborted).ConfigureAwait(false)
            : null;

    private static HtmlText SubmissionsTable(string department, IReadOnlyList<PeriodStatus.Submission> submissions)
    {
        HtmlText rows = HtmlText.Join(submissions.Select(s => HtmlText.Of($"""
            <tr>
              <td data-label="收到时间">{Fragments.Time(s.ReceivedAt)}</td><td data-label="文件" class="file">{s.FileName}</td><td data-label="结果">{Fragments.ResultBadge(s.Result)}</td><td data-label="错误" class="num">{s.ErrorCount}</td><td data-label="提示" class="num">{s.WarningCount}</td>
              <td data-label="详情"><a href="/portal/office/submissions/{department}/{s.Id}">详情与问题</a></td>
            </tr>
            """)));
        return HtmlText.Of($"""
            <div class="table-wrap"><table class="stack">
              <thead><tr><th scope="col">收到时间</th><th scope="col">文件</th><th scope="col">结果</th><th scope="col" class="num">错误</th><th scope="col" class="num">提示</th><th scope="col">详情</th></tr></thead>
              <tbody>{rows}</tbody>
            </table></div>
            """);
    }

    private static HtmlText Sheet(IndicatorSheet sheet)
    {
        var sections = new List<HtmlText> { HtmlText.Of($"<p class=\"sheet-title\">{sheet.Title}</p>") };
        foreach (IndicatorSheetSection section in sheet.Sections)
        {
            IEnumerable<HtmlText> blocks = section.Blocks.Select(block => block switch
            {
                IndicatorSheetLine line => HtmlText.Of($"<p>{line.Text}</p>"),
                IndicatorSheetTable table => HtmlText.Of($"""
                    <div class="table-wrap"><table class="figures">
                      <thead><tr>{table.Headers.Select(h => HtmlText.Of($"<th scope=\"col\">{h}</th>"))}</tr></thead>
                      <tbody>{table.Rows.Select(r => HtmlText.Of($"<tr>{r.Select((cell, i) => i == 0 ? HtmlText.Of($"<th scope=\"row\">{cell}</th>") : Cell(cell))}</tr>"))}</tbody>
                    </table></div>
                    """),
                _ => HtmlText.Empty,
            });
            sections.Add(HtmlText.Of($"<section class=\"card\"><h2>{section.Title}</h2>{blocks}</section>"));
        }

        return HtmlText.Join(sections);
    }

    // Figures line up on the right, words on the left.
    private static HtmlText Cell(string cell) =>
        cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || (cell.Length > 1 && cell[0] is '+' or '-' or '−' && char.IsAsciiDigit(cell[1])) || cell == "—")
            ? HtmlText.Of($"<td class=\"num\">{cell}</td>")
            : HtmlText.Of($"<td>{cell}</td>");

    private static HtmlText Count(PeriodStatus status, SubmissionState state, string label, string kind)
    {
        int count = status.Departments.Count(d => d.Status.State == state);
        return count == 0 && state == SubmissionState.Late ? HtmlText.Empty : HtmlText.Of($"<span class=\"badge {kind}\">{label} {count}</span> ");
    }

    private static HtmlText PeriodPicker(string action, ReportingPeriod selected, TimeProvider clock)
    {
        ReportingPeriod latest = ChinaTime.PeriodReportedOn(ChinaTime.Today(clock));
        if (selected > latest)
        {
            latest = selected;
        }

        IEnumerable<ReportingPeriod> periods = Enumerable.Range(0, 24).Select(i => Enumerable.Range(0, i).Aggregate(latest, (p, _) => p.Previous));
        HtmlText options = HtmlText.Join(periods.Select(p => HtmlText.Of(
            $"<option value=\"{p}\"{(p == selected ? HtmlText.Trusted(" selected") : HtmlText.Empty)}>{p.ToChineseCumulative()}</option>")));
        return HtmlText.Of($"""
            <form method="get" action="{action}" class="period-picker">
              <label for="period">报告期</label>
              <select id="period" name="period">{options}</select>
              <button type="submit">查看</button>
            </form>
            """);
    }

    private static string Outcome(DeliveryOutcome outcome) => outcome.Result switch
    {
        DeliveryResult.Sent => "已发送",
        DeliveryResult.AlreadySent => "今天已催报过，未重复发送",
        DeliveryResult.Failed => $"发送失败（{outcome.Error}）",
        _ => "正由另一进程发送",
    };
}
