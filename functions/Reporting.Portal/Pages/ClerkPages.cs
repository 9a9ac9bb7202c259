using Microsoft.AspNetCore.Http;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Pipeline;
using Reporting.Portal.Hosting;
using Reporting.Portal.Html;
using Reporting.Portal.Identity;
using Reporting.Portal.Uploads;

namespace Reporting.Portal.Pages;

/// <summary>
/// 填报人's pages: this period's deadline and status, the blank templates, the upload area with its immediate
/// answer, and every earlier upload with its originals. The department is always the signed-in user's.
/// </summary>
internal static class ClerkPages
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task HomeAsync(PortalRequest request)
    {
        PortalUser user = request.User;
        if (user.IsOffice)
        {
            await request.RedirectAsync("/office").ConfigureAwait(false);
            return;
        }

        var options = request.Service<ReportingOptions>();
        var status = request.Service<SubmissionStatusService>();
        ReportingPeriod period = ChinaTime.PeriodReportedOn(ChinaTime.Today(request.Service<TimeProvider>()));
        DepartmentOptions department = options.FindDepartment(user.DepartmentId!)!;
        DepartmentSubmissionStatus mine = (await status.GetStatusAsync(period, request.Aborted).ConfigureAwait(false))
            .Single(s => s.DepartmentId == department.Id);
        IReadOnlyList<SubmissionRecord> history = await status.GetDepartmentSubmissionsAsync(department.Id, request.Aborted).ConfigureAwait(false);
        string csrf = request.CsrfToken();

        IEnumerable<DatasetKind> kinds = department.Kinds.Count > 0 ? department.Kinds : Enum.GetValues<DatasetKind>();
        HtmlText templates = HtmlText.Join(kinds.Select(k => HtmlText.Of(
            $"<li><a href=\"/portal/templates/{k.ToId()}?period={period}\" download>{TemplateWriter.FileName(k, period)}</a></li>")));
        HtmlText periodOptions = HtmlText.Join(new[] { period, period.Previous, period.Previous.Previous }.Select((p, i) => HtmlText.Of(
            $"<option value=\"{p}\"{(i == 0 ? HtmlText.Trusted(" selected") : HtmlText.Empty)}>{p.ToChineseCumulative()}</option>")));

        HtmlText content = HtmlText.Of($"""
            <section class="card status" id="status-card" aria-labelledby="status-title">
              <h2 id="status-title">{period.ToChineseCumulative()}报送情况</h2>
              <p class="state">{Fragments.StateBadge(mine.State)}</p>
              <p>报送截止：{Fragments.Date(status.Deadline(period))}（北京时间当天24时前）。{StateAdvice(mine)}</p>
            </section>
            <section class="card" aria-labelledby="templates-title">
              <h2 id="templates-title">空白模板</h2>
              <p>请使用最新模板填报，单位为万元，不要改动表头。</p>
              <ul class="templates">{templates}</ul>
            </section>
            <section class="card upload" aria-labelledby="upload-title">
              <h2 id="upload-title">上传报表</h2>
              <form id="upload-form" method="post" action="/portal/uploads" enctype="multipart/form-data" data-csrf="{csrf}">
                <label for="upload-period">报告期</label>
                <select id="upload-period" name="period">{periodOptions}</select>
                <div class="dropzone" id="dropzone">
                  <p>把 Excel 文件拖到这里，或</p>
                  <label for="upload-file" class="button">选择文件</label>
                  <input id="upload-file" name="file" type="file" accept=".xlsx,.xls,.xlsm,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv" required>
                  <p class="hint">支持 .xlsx、.xls、.csv，不超过{options.Ingestion.MaxUploadBytes / (1024 * 1024)}MB。上传后几秒内给出校验结果，同时发送回执邮件。</p>
                </div>
                <noscript><p class="notice error">上传需要启用浏览器的 JavaScript。</p></noscript>
              </form>
              <div id="upload-status" role="status" aria-live="polite"></div>
              <div id="upload-result"></div>
            </section>
            <section class="card" aria-labelledby="history-title">
              <h2 id="history-title">报送记录</h2>
              <div id="history">{History(history)}</div>
            </section>
            """);
        await request.HtmlAsync(Layout.Page($"{department.Name} · 本月报送", user, content, csrf, "home")).ConfigureAwait(false);
    }

    /// <summary>The history table alone, for the page's script to refresh after an upload.</summary>
    public static async Task HistoryFragmentAsync(PortalRequest request)
    {
        IReadOnlyList<SubmissionRecord> history = await request.Service<SubmissionStatusService>()
            .GetDepartmentSubmissionsAsync(request.User.DepartmentId!, request.Aborted).ConfigureAwait(false);
        await request.HtmlAsync(History(history)).ConfigureAwait(false);
    }

    /// <summary>POST /portal/uploads: the answer as an HTML fragment (the page's script shows it in place).</summary>
    public static Task UploadAsync(PortalRequest request) => UploadAsync(request, json: false);

    /// <summary>POST /portal/api/uploads: the same upload, answered in JSON.</summary>
    public static Task UploadJsonAsync(PortalRequest request) => UploadAsync(request, json: true);

    public static async Task SubmissionAsync(PortalRequest request)
    {
        if (await FindAsync(request).ConfigureAwait(false) is not { } record)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这条报送记录", "本单位没有这条报送记录。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        SubmissionTotals? totals = await request.Service<SubmissionFiles>().ReadTotalsAsync(record, request.Aborted).ConfigureAwait(false);
        HtmlText content = HtmlText.Of($"""
            {Fragments.Answer(record, totals, request.User.DepartmentName!, $"/portal/submissions/{record.LedgerKey()}")}
            <p><a href="/portal/">返回本月报送</a></p>
            """);
        await request.HtmlAsync(Layout.Page("报送详情", request.User, content, request.CsrfToken(), "home")).ConfigureAwait(false);
    }

    public static async Task OriginalAsync(PortalRequest request)
    {
        SubmissionRecord? record = await FindAsync(request).ConfigureAwait(false);
        Stream? content = record is null ? null : await request.Service<SubmissionFiles>().OpenOriginalAsync(record, request.Aborted).ConfigureAwait(false);
        await DownloadOrNotFoundAsync(request, content, record?.FileName ?? string.Empty).ConfigureAwait(false);
    }

    public static async Task AnnotatedAsync(PortalRequest request)
    {
        SubmissionRecord? record = await FindAsync(request).ConfigureAwait(false);
        Stream? content = record is null ? null : await request.Service<SubmissionFiles>().OpenAnnotatedAsync(record, request.Aborted).ConfigureAwait(false);
        string name = record is null ? string.Empty : Path.GetFileNameWithoutExtension(record.FileName) + "-校验结果.xlsx";
        await DownloadOrNotFoundAsync(request, content, name).ConfigureAwait(false);
    }

    public static async Task TemplateAsync(PortalRequest request)
    {
        if (!DatasetKinds.TryParse(request.Value("kind"), out DatasetKind kind))
        {
            await request.HtmlAsync(ErrorPage.Render(request, "没有这种报表", "可下载的模板：重大项目调度表、招商引资签约项目表、经济运行指标表。"), StatusCodes.Status404NotFound)
                .ConfigureAwait(false);
            return;
        }

        ReportingPeriod? period = ReportingPeriod.TryParse(request.Query("period"), out ReportingPeriod p) ? p : null;
        var workbook = new MemoryStream();
        TemplateWriter.Write(kind, request.Service<ReportingOptions>(), workbook, period);
        workbook.Position = 0;
        await request.FileAsync(workbook, TemplateWriter.FileName(kind, period), XlsxContentType).ConfigureAwait(false);
    }

    internal static async Task DownloadOrNotFoundAsync(PortalRequest request, Stream? content, string fileName)
    {
        if (content is null)
        {
            await request.HtmlAsync(ErrorPage.Render(request, "文件不存在", "没有找到这个文件。"), StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        string contentType = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" => XlsxContentType,
            ".XLSM" => "application/vnd.ms-excel.sheet.macroEnabled.12",
            ".XLS" => "application/vnd.ms-excel",
            ".CSV" => "text/csv",
            _ => "application/octet-stream",
        };
        await request.FileAsync(content, fileName, contentType).ConfigureAwait(false);
    }

    private static async Task UploadAsync(PortalRequest request, bool json)
    {
        PortalUser user = request.User;
        var options = request.Service<ReportingOptions>();
        UploadAnswer answer;
        try
        {
            answer = await UploadReceiver.ReceiveAsync(
                request.Context, user.DepartmentId!, options.Ingestion.MaxUploadBytes, request.Service<UploadPipeline>(), request.Aborted).ConfigureAwait(false);
        }
        catch (UploadRefusedException refused)
        {
            await (json
                ? request.ErrorJsonAsync(refused.Status, refused.Message)
                : request.HtmlAsync(HtmlText.Of($"<p class=\"notice error\" role=\"alert\">{refused.Message}</p>"), refused.Status)).ConfigureAwait(false);
            return;
        }

        SubmissionRecord record = answer.Record;
        SubmissionTotals? totals = await request.Service<SubmissionFiles>().ReadTotalsAsync(record, request.Aborted).ConfigureAwait(false);
        string links = $"/portal/submissions/{record.LedgerKey()}";
        if (json)
        {
            await request.JsonAsync(new UploadJson(
                record.LedgerKey(), record.Status, record.Period, record.FileName, record.ReceivedAt, record.ProjectCount, record.SigningCount, record.MetricCount,
                totals, record.ReadFindings(), answer.Receipt.AlreadyProcessed, answer.ReceiptDelivery?.Result.ToString(),
                links, record.AnnotatedPath is null ? null : links + "/annotated", links + "/original")).ConfigureAwait(false);
            return;
        }

        await request.HtmlAsync(Fragments.Answer(record, totals, user.DepartmentName!, links, answer.Receipt.AlreadyProcessed, answer.ReceiptDelivery)).ConfigureAwait(false);
    }

    private static Task<SubmissionRecord?> FindAsync(PortalRequest request) =>
        // The department is the signed-in clerk's: a key of another department's submission finds nothing.
        request.Service<SubmissionStatusService>().GetSubmissionAsync(request.User.DepartmentId!, request.Value("key"), request.Aborted);

    private static HtmlText History(IReadOnlyList<SubmissionRecord> history)
    {
        if (history.Count == 0)
        {
            return HtmlText.Of($"<p>还没有报送记录。</p>");
        }

        HtmlText rows = HtmlText.Join(history.Select(r =>
        {
            string links = $"/portal/submissions/{r.LedgerKey()}";
            HtmlText annotated = r.AnnotatedPath is null ? HtmlText.Empty : HtmlText.Of($" · <a href=\"{links}/annotated\" download>标注副本</a>");
            return HtmlText.Of($"""
                <tr>
                  <td data-label="收到时间">{Fragments.Time(r.ReceivedAt)}</td>
                  <td data-label="文件" class="file">{r.FileName}</td>
                  <td data-label="报告期">{r.Period?.ToChineseCumulative() ?? "—"}</td>
                  <td data-label="结果">{Fragments.ResultBadge(r.Status)}</td>
                  <td data-label="操作" class="links"><a href="{links}">详情</a> · <a href="{links}/original" download>原件</a>{annotated}</td>
                </tr>
                """);
        }));
        return HtmlText.Of($"""
            <div class="table-wrap">
              <table class="history stack">
                <thead><tr><th scope="col">收到时间</th><th scope="col">文件</th><th scope="col">报告期</th><th scope="col">结果</th><th scope="col">操作</th></tr></thead>
                <tbody>{rows}</tbody>
              </table>
            </div>
            """);
    }

    private static string StateAdvice(DepartmentSubmissionStatus status) => status.State switch
    {
        SubmissionState.OnTime => "本期已按时报送；如需更正，重新上传即可，以最后一次通过校验的报送为准。",
        SubmissionState.Late => "本期已报送（晚于截止时间）。",
        SubmissionState.Rejected => "最近一次报送未通过校验，请按报送记录中的提示修改后重新上传。",
        _ => "本期尚未收到报表。",
    };

    private sealed record UploadJson(
        string Id,
        SubmissionResult Status,
        ReportingPeriod? Period,
        string FileName,
        DateTimeOffset ReceivedAt,
        int Projects,
        int Signings,
        int Metrics,
        SubmissionTotals? Totals,
        IReadOnlyList<Finding> Findings,
        bool AlreadyProcessed,
        string? Receipt,
        string Details,
        string? Annotated,
        string Original);
}
