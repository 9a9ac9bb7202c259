using Microsoft.AspNetCore.Http;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Pipeline;
using Reporting.Portal.Hosting;
using Reporting.Portal.Html;

namespace Reporting.Portal.Pages;

/// <summary>
/// 审核签发 in the portal, for the office: every issue with its state; one issue's review page (the draft in the page,
/// what moved, 编者按 and 下步工作, re-render, 签发, the corrected issue) and the same actions as JSON. Every action is
/// Core's (<see cref="BriefingReview"/>): the page only shows and asks.
/// </summary>
internal static class ReviewPages
{
    public static async Task ListAsync(PortalRequest request)
    {
        var review = request.Service<BriefingReview>();
        var delivery = request.Service<DeliveryService>();
        ReportingPeriod current = ChinaTime.PeriodReportedOn(ChinaTime.Today(request.Service<TimeProvider>()));
        var issues = new List<BriefingIssue>();
        foreach (int year in new[] { current.Year, current.Year - 1, current.Year - 2, current.Year - 3, current.Year - 4 })
        {
            issues.AddRange(await review.ListAsync(year, request.Aborted).ConfigureAwait(false));
        }

        var sections = new List<HtmlText>();
        foreach (BriefingIssue issue in issues.OrderByDescending(i => i.Period, StringComparer.Ordinal).ThenByDescending(i => i.Number))
        {
            ReportingPeriod period = issue.PeriodOf();
            IssueView? view = await review.GetAsync(period, issue.Number, request.Aborted).ConfigureAwait(false);
            PublishedBriefing? shown = view?.Issued ?? view?.Draft;
            IReadOnlyList<DeliveryRecord> deliveries = await delivery.GetDeliveriesAsync(PublishedBriefing.DeliveryPartitionFor(period, issue.Number, issue.Corrects), request.Aborted)
                .ConfigureAwait(false);
            sections.Add(HtmlText.Of($"""
                <section class="card briefing">
                  <h2>{shown?.Subject ?? $"{period.ToChineseCumulative()} 第{issue.Number}期"} {StateBadge(issue)}</h2>
                  <p>{period.ToChineseCumulative()}{(issue.SignedBy is { } by ? $" · {by}于{Fragments.Time(issue.SignedAt ?? default)}签发" : string.Empty)}
                     · <a href="/portal/office/briefings/{period}/{issue.Number}/review">{(issue.State == IssueState.Draft ? "审核与签发" : "查看")}</a>
                     {(view?.Issued is { } issued ? HtmlText.Of($" · <a href=\"/portal/office/briefings/{period}/{issue.Number}\" download>下载签发稿 PDF（{issued.PdfBytes / 1024} KB）</a>") : HtmlText.Empty)}</p>
                  {(issue.DataChangedAfterSigning is { } changed ? HtmlText.Of($"<p class=\"notice warning\">签发后数据有变化：{changed}</p>") : HtmlText.Empty)}
                  {Deliveries(deliveries)}
                </section>
                """));
        }

        HtmlText content = sections.Count == 0
            ? HtmlText.Of($"<p>还没有简报。每月简报由定时任务生成草稿，推进办审核签发后发送给领导。</p>")
            : HtmlText.Join(sections);
        await request.HtmlAsync(Layout.Page("简报", request.User, content, request.CsrfToken(), "briefings")).ConfigureAwait(false);
    }

    public static async Task ReviewAsync(PortalRequest request)
    {
        if (await FindAsync(request).ConfigureAwait(false) is not { } view)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这期简报", "没有找到这期简报。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        await request.HtmlAsync(Page(request, view, null, null, await DeliveriesAsync(request, view.Issue).ConfigureAwait(false))).ConfigureAwait(false);
    }

    /// <summary>The current draft (or the issued copy), inline, for the preview frame; ?version=N for an earlier draft.</summary>
    public static async Task PdfAsync(PortalRequest request)
    {
        IssueView? view = await FindAsync(request).ConfigureAwait(false);
        PublishedBriefing? shown = view is null ? null : view.Issued ?? view.Draft;
        Stream? pdf = shown is null ? null : await request.Service<BriefingPublisher>().OpenPdfAsync(shown, request.Aborted).ConfigureAwait(false);
        if (pdf is null)
        {
            request.Context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Shown inside our own review page: framing by this site only.
        request.Context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
        request.Context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        request.Context.Response.ContentType = "application/pdf";
        request.Context.Response.Headers.ContentDisposition = "inline";
        await using (pdf.ConfigureAwait(false))
        {
            await pdf.CopyToAsync(request.Context.Response.Body, request.Aborted).ConfigureAwait(false);
        }
    }

    public static Task NotesAsync(PortalRequest request) => ActAsync(request, async (review, period, number, form) =>
        await review.SaveNotesAsync(period, number, Version(form), form["editorsNote"].ToString(), form["nextSteps"].ToString(), request.User.Name, request.Aborted).ConfigureAwait(false));

    public static Task RenderAsync(PortalRequest request) => ActAsync(request, async (review, period, _, _) =>
        await review.RerenderAsync(period, request.User.Name, cancellationToken: request.Aborted).ConfigureAwait(false));

    public static Task SignAsync(PortalRequest request) => ActAsync(request, async (review, period, number, form) =>
        await review.SignAsync(period, number, Version(form), request.User.Name, request.Aborted).ConfigureAwait(false));

    public static Task CorrectAsync(PortalRequest request) => ActAsync(request, async (review, period, _, _) =>
        await review.CorrectAsync(period, request.User.Name, request.Aborted).ConfigureAwait(false));

    public static Task ResendAsync(PortalRequest request) => ActAsync(request, async (review, period, number, _) =>
        await review.DeliverSignedAsync(period, number, request.Aborted).ConfigureAwait(false));

    public static async Task IssueJsonAsync(PortalRequest request)
    {
        if (await FindAsync(request).ConfigureAwait(false) is not { } view)
        {
            await request.ErrorJsonAsync(StatusCodes.Status404NotFound, "没有这期简报。").ConfigureAwait(false);
            return;
        }

        await request.JsonAsync(new { view.Issue, view.Draft, view.Issued }).ConfigureAwait(false);
    }

    /// <summary>POST {"version": N}: 签发 as JSON; 409 with the reason when the draft moved on or was signed by someone else.</summary>
    public static async Task SignJsonAsync(PortalRequest request)
    {
        if (!TryIssue(request, out ReportingPeriod period, out int number))
        {
            await request.ErrorJsonAsync(StatusCodes.Status404NotFound, "没有这期简报。").ConfigureAwait(false);
            return;
        }

        SignRequest? body;
        try
        {
            body = await System.Text.Json.JsonSerializer.DeserializeAsync<SignRequest>(request.Context.Request.Body, ReportingJson.Options, request.Aborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        if (body is null || body.Version < 1)
        {
            await request.ErrorJsonAsync(StatusCodes.Status400BadRequest, "请写明签发的草稿版本：{\"version\": N}。").ConfigureAwait(false);
            return;
        }

        ReviewResult result = await request.Service<BriefingReview>().SignAsync(period, number, body.Version, request.User.Name, request.Aborted).ConfigureAwait(false);
        int status = result.Outcome switch
        {
            ReviewOutcome.Done => StatusCodes.Status200OK,
            ReviewOutcome.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        await request.JsonAsync(new { result.Outcome, result.Message, Issue = result.View?.Issue, Delivery = result.Delivery }, status).ConfigureAwait(false);
    }

    private static async Task ActAsync(PortalRequest request, Func<BriefingReview, ReportingPeriod, int, IFormCollection, Task<ReviewResult>> act)
    {
        if (!TryIssue(request, out ReportingPeriod period, out int number))
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这期简报", "没有找到这期简报。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        IFormCollection form = await request.Context.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        ReviewResult result = await act(request.Service<BriefingReview>(), period, number, form).ConfigureAwait(false);
        IssueView? view = result.View ?? await request.Service<BriefingReview>().GetAsync(period, number, request.Aborted).ConfigureAwait(false);
        if (view is null)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这期简报", result.Message), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        int status = result.Outcome is ReviewOutcome.Done ? StatusCodes.Status200OK : result.Outcome == ReviewOutcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        await request.HtmlAsync(Page(request, view, result, form, await DeliveriesAsync(request, view.Issue).ConfigureAwait(false)), status).ConfigureAwait(false);
    }

    private static Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(PortalRequest request, BriefingIssue issue) =>
        request.Service<DeliveryService>().GetDeliveriesAsync(PublishedBriefing.DeliveryPartitionFor(issue.PeriodOf(), issue.Number, issue.Corrects), request.Aborted);

    private static HtmlText Page(PortalRequest request, IssueView view, ReviewResult? result, IFormCollection? form, IReadOnlyList<DeliveryRecord> deliveries)
    {
        BriefingIssue issue = view.Issue;
        ReportingPeriod period = issue.PeriodOf();
        string csrf = request.CsrfToken();
        string basePath = $"/portal/office/briefings/{period}/{issue.Number}";
        PublishedBriefing? shown = view.Issued ?? view.Draft;
        string title = shown?.Subject ?? $"{period.ToChineseCumulative()} 第{issue.Number}期";
        HtmlText outcome = result is null
            ? HtmlText.Empty
            : HtmlText.Of($"""
                <div class="notice {(result.Succeeded ? "ok" : "error")}" role="status">
                  <p>{result.Message}</p>
                  {(result.Problems.Count == 0 ? HtmlText.Empty : HtmlText.Of($"<ul>{result.Problems.Select(p => HtmlText.Of($"<li>{p}</li>"))}</ul>"))}
                </div>
                """);
        HtmlText changes = issue.DraftChanges.Count == 0
            ? HtmlText.Empty
            : HtmlText.Of($"<h3>与上一版相比</h3><ul class=\"changes\">{issue.DraftChanges.Select(c => HtmlText.Of($"<li>{c}</li>"))}</ul>");
        HtmlText changedAfterSigning = issue.DataChangedAfterSigning is { } changed && issue.CorrectedBy is null
            ? HtmlText.Of($"""
                <div class="notice warning">
                  <p>签发后数据有变化：{changed}。已签发的简报不会改动；如需纠正，请发布更正（新的一期，标明“更正”，签发后发送）。</p>
                  <form method="post" action="{basePath}/correct" data-confirm="发布第{issue.Number}期的更正？将按最新数据生成新一期草稿。">
                    <input type="hidden" name="__csrf" value="{csrf}">
                    <button type="submit" class="primary">发布更正</button>
                  </form>
                </div>
                """)
            : issue.CorrectedBy is { } correction
                ? HtmlText.Of($"<p class=\"notice\">本期已发布更正：<a href=\"/portal/office/briefings/{period}/{correction}/review\">第{correction}期</a>。</p>")
                : HtmlText.Empty;
        HtmlText preview = shown is null
            ? HtmlText.Of($"<p class=\"notice\">草稿尚未生成。</p>")
            : HtmlText.Of($"""
                <div class="preview">
                  <iframe src="{basePath}/pdf" title="{title}预览"></iframe>
                  <p><a class="open-pdf" href="{basePath}/pdf" target="_blank" rel="noopener">在新窗口打开 PDF（{(view.Issued is null ? $"草稿第{issue.DraftVersion}版" : "签发稿")}）</a></p>
                </div>
                """);
        HtmlText actions = issue.State == IssueState.Draft
            ? HtmlText.Of($"""
                <section class="card" aria-labelledby="notes-title">
                  <h2 id="notes-title">编者按与下步工作</h2>
                  <form method="post" action="{basePath}/notes" class="notes">
                    <input type="hidden" name="__csrf" value="{csrf}">
                    <input type="hidden" name="version" value="{issue.DraftVersion}">
                    <label for="editorsNote">编者按（印在标题下，不超过400字）</label>
                    <textarea id="editorsNote" name="editorsNote" rows="4">{Typed(form, "editorsNote") ?? issue.EditorsNote ?? string.Empty}</textarea>
                    <label for="nextSteps">下步工作（印在正文最后，每行一段，不超过1500字）</label>
                    <textarea id="nextSteps" name="nextSteps" rows="6">{Typed(form, "nextSteps") ?? issue.NextSteps ?? string.Empty}</textarea>
                    <button type="submit">保存并重新生成草稿</button>
                  </form>
                  <p class="hint">数字不能在这里修改：数据有误请通知报送单位重新报送，草稿会自动更新。</p>
                </section>
                <section class="card sign" aria-labelledby="sign-title">
                  <h2 id="sign-title">签发</h2>
                  <p>签发的是您上面看到的草稿第{issue.DraftVersion}版；签发后立即发送给{request.Service<ReportingOptions>().Delivery.Leaders().Count}位领导，不能再修改。</p>
                  <form method="post" action="{basePath}/sign" class="inline" data-confirm="以“{request.User.Name}”的名义签发草稿第{issue.DraftVersion}版并发送给领导？">
                    <input type="hidden" name="__csrf" value="{csrf}">
                    <input type="hidden" name="version" value="{issue.DraftVersion}">
                    <button type="submit" class="primary">签发并发送</button>
                  </form>
                  <form method="post" action="{basePath}/render" class="inline">
                    <input type="hidden" name="__csrf" value="{csrf}">
                    <button type="submit">按最新数据重新生成</button>
                  </form>
                </section>
                """)
            : issue.State == IssueState.SignedOff
                ? HtmlText.Of($"""
                    <form method="post" action="{basePath}/resend">
                      <input type="hidden" name="__csrf" value="{csrf}">
                      <button type="submit">重新发送未送达的邮件</button>
                    </form>
                    """)
                : HtmlText.Empty;
        HtmlText history = HtmlText.Of($"""
            <details>
              <summary>审核记录（{issue.History.Count}条）</summary>
              <div class="table-wrap"><table class="stack">
                <thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">内容</th></tr></thead>
                <tbody>{issue.History.Select(e => HtmlText.Of($"<tr><td data-label=\"时间\">{Fragments.Time(e.At)}</td><td data-label=\"操作人\">{e.Who}</td><td data-label=\"内容\">{e.What}</td></tr>"))}</tbody>
              </table></div>
            </details>
            """);
        HtmlText content = HtmlText.Of($"""
            {outcome}
            <section class="card" aria-labelledby="state-title">
              <h2 id="state-title">{StateBadge(issue)} {title}</h2>
              <dl class="facts">
                <dt>报告期</dt><dd>{period.ToChineseCumulative()}</dd>
                <dt>当前版本</dt><dd>草稿第{issue.DraftVersion}版{(issue.DraftRenderedAt is { } at ? $"，{Fragments.Time(at)}生成" : string.Empty)}</dd>
                <dt>本版原因</dt><dd>{issue.DraftReason ?? "—"}</dd>
                {(issue.SignedBy is { } by ? HtmlText.Of($"<dt>签发</dt><dd>{by}，{Fragments.Time(issue.SignedAt ?? default)}，草稿第{issue.SignedVersion}版</dd><dt>SHA-256</dt><dd class=\"hash\">{issue.SignedSha256}</dd>") : HtmlText.Empty)}
              </dl>
              {changes}
            </section>
            {changedAfterSigning}
            {preview}
            {actions}
            {(issue.State == IssueState.Draft ? HtmlText.Empty : Deliveries(deliveries))}
            {history}
            <p><a href="/portal/office/briefings">返回简报列表</a></p>
            """);
        return Layout.Page("审核简报", request.User, content, csrf, "briefings");
    }

    private static HtmlText StateBadge(BriefingIssue issue) => issue.State switch
    {
        IssueState.Draft => Fragments.Badge("warn", $"草稿第{issue.DraftVersion}版 · 待签发"),
        IssueState.SignedOff => Fragments.Badge("late", "已签发 · 发送中"),
        IssueState.Delivered => Fragments.Badge("ok", "已签发 · 已发送"),
        _ => Fragments.Badge("ok", "已发送（自动）"),
    } is var badge && issue.Corrects is { } corrects ? HtmlText.Of($"{badge} {Fragments.Badge("bad", $"更正第{corrects}期")}") : badge;

    private static HtmlText Deliveries(IReadOnlyList<DeliveryRecord> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return HtmlText.Of($"<p>尚未发送给领导。</p>");
        }

        HtmlText rows = HtmlText.Join(deliveries.Select(d => HtmlText.Of($"""
            <tr><th scope="row" class="file">{d.Recipient}</th><td data-label="状态">{DeliveryState(d)}</td><td data-label="发送时间">{(d.SentAt is { } at ? Fragments.Time(at) : "—")}</td><td data-label="尝试次数" class="num">{d.Attempts}</td><td data-label="说明">{d.LastError ?? "—"}</td></tr>
            """)));
        return HtmlText.Of($"""
            <div class="table-wrap"><table class="stack"><caption>发送记录（领导通过邮件收到 PDF）</caption>
              <thead><tr><th scope="col">收件人</th><th scope="col">状态</th><th scope="col">发送时间</th><th scope="col">尝试次数</th><th scope="col">说明</th></tr></thead>
              <tbody>{rows}</tbody></table></div>
            """);
    }

    private static string DeliveryState(DeliveryRecord record) => record.Status switch
    {
        DeliveryStatus.Sent => "已发送",
        DeliveryStatus.Failed => "发送失败，可重试",
        DeliveryStatus.Sending => "发送中",
        _ => "待发送",
    };

    private static Task<IssueView?> FindAsync(PortalRequest request) =>
        TryIssue(request, out ReportingPeriod period, out int number)
            ? request.Service<BriefingReview>().GetAsync(period, number, request.Aborted)
            : Task.FromResult<IssueView?>(null);

    // What the office typed into a field of the form it just sent (kept when the save was refused), or null when that
    // form did not carry the field (signing, re-rendering): then the saved text shows.
    private static string? Typed(IFormCollection? form, string field) => form is not null && form.ContainsKey(field) ? form[field].ToString() : null;

    // The issue a route names: /office/briefings/{period}/{issue}/…
    private static bool TryIssue(PortalRequest request, out ReportingPeriod period, out int number)
    {
        number = 0;
        return ReportingPeriod.TryParse(request.Value("period"), out period) && int.TryParse(request.Value("issue"), out number);
    }

    private static int Version(IFormCollection form) => int.TryParse(form["version"].ToString(), out int version) ? version : 0;

    private sealed record SignRequest(int Version);
}
