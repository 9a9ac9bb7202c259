using Microsoft.AspNetCore.Http;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Portal.Hosting;
using Reporting.Portal.Html;

namespace Reporting.Portal.Pages;

/// <summary>
/// 邮件报送 for the office: the mail the reporting mailbox kept (a sender it could not attribute to a department) on the
/// status page, and the office's assignment of one to a department. The decision and the ingestion are Core's
/// (<see cref="MailboxService.AssignAsync"/>, the same as <c>reporting mailbox --assign</c>); who assigned is the signed-in name.
/// </summary>
internal static class MailboxPages
{
    /// <summary>The kept messages with an assignment form each; nothing when there are none.</summary>
    public static async Task<HtmlText> KeptSectionAsync(PortalRequest request, string csrf)
    {
        IReadOnlyList<MailboxRecord> kept = await request.Service<MailboxService>().GetKeptAsync(request.Aborted).ConfigureAwait(false);
        if (kept.Count == 0)
        {
            return HtmlText.Empty;
        }

        var options = request.Service<ReportingOptions>();
        HtmlText choices = HtmlText.Join(options.Departments.Select(d => HtmlText.Of($"<option value=\"{d.Id}\">{d.Name}</option>")));
        HtmlText items = HtmlText.Join(kept.Select(m => HtmlText.Of($"""
            <li class="card kept">
              <p><strong>{m.FromName ?? m.From}</strong> &lt;{m.From}&gt; · {Fragments.Time(m.ArrivedAt)} · 编号 {MessageKeys.Display(m.Key)}</p>
              <p>主题：{(m.Subject.Length == 0 ? "（无主题）" : m.Subject)}</p>
              <p>附件：{Files(m)}</p>
              <p class="hint">未受理的原因：{m.Note ?? "—"}</p>
              <form method="post" action="/portal/office/mailbox/{m.Key}/assign" class="inline" data-confirm="确认这封邮件来自所选单位？分配后其中的报表将按该单位受理，回执发给该单位的联系邮箱。">
                <input type="hidden" name="__csrf" value="{csrf}">
                <label for="department-{m.Key}">分配给</label>
                <select id="department-{m.Key}" name="department" required><option value="">请选择单位</option>{choices}</select>
                <button type="submit">分配并受理</button>
              </form>
            </li>
            """)));
        return HtmlText.Of($"""
            <h2 id="kept-title">报送邮箱待人工处理（{kept.Count}封）</h2>
            <p class="hint">发件人不是已配置的单位邮箱，或邮件服务器的SPF/DKIM核验未通过，系统没有受理，也没有回复。请核实来源后分配给对应单位。</p>
            <ul class="kept" aria-labelledby="kept-title">{items}</ul>
            """);
    }

    /// <summary>POST: assign a kept message to the chosen department, then show what its spreadsheets got.</summary>
    public static async Task AssignAsync(PortalRequest request)
    {
        IFormCollection form = await request.Context.Request.ReadFormAsync(request.Aborted).ConfigureAwait(false);
        string key = request.Value("key") ?? string.Empty;
        string department = form["department"].ToString();
        MailboxAssignment assignment;
        try
        {
            assignment = await request.Service<MailboxService>().AssignAsync(key, department, request.User.Name, request.Aborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            // The office's mistake or a stale page (another colleague assigned it first): said, nothing changed.
            await request.HtmlAsync(ErrorPage.Render(request, "未能分配", e.Message), StatusCodes.Status409Conflict).ConfigureAwait(false);
            return;
        }

        MailboxRecord message = assignment.Message;
        string departmentName = request.Service<ReportingOptions>().DepartmentName(message.Department ?? department);
        HtmlText content = HtmlText.Of($"""
            <div class="notice {(assignment.Complete ? "ok" : "warning")}" role="status">
              <p>{(assignment.AlreadyAssigned ? "这封邮件此前已分配" : "已分配")}给{departmentName}（{message.AssignedBy}，{Fragments.Time(message.AssignedAt ?? message.UpdatedAt)}）。
                 {(assignment.Complete ? "其中的报表已受理，回执已发给该单位的联系邮箱。" : "报表尚未全部处理完，请稍后刷新报送情况。")}</p>
            </div>
            <p>附件：{Files(message)}</p>
            <p><a href="/portal/office">返回报送情况</a></p>
            """);
        await request.HtmlAsync(Layout.Page("分配邮件", request.User, content, request.CsrfToken(), "status")).ConfigureAwait(false);
    }

    private static HtmlText Files(MailboxRecord message) => message.Attachments.Count == 0
        ? HtmlText.Of($"无")
        : HtmlText.Join(message.Attachments.Select(a => HtmlText.Of($"《{a.FileName}》{(a.Result is { } result ? $"（{Result(result)}）" : string.Empty)} ")));

    private static string Result(SubmissionResult result) => result switch
    {
        SubmissionResult.Accepted => "已受理",
        SubmissionResult.AcceptedWithWarnings => "已受理，有提示",
        SubmissionResult.Rejected => "未通过校验",
        _ => "待处理",
    };
}
