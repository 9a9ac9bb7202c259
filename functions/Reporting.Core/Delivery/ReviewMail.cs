using System.Text;
using Reporting.Core.Configuration;

namespace Reporting.Core.Delivery;

/// <summary>What a reviewer's notice says about one draft.</summary>
public sealed record ReviewMailContent
{
    public required ReportingPeriod Period { get; init; }

    public required int IssueNumber { get; init; }

    public required int IssueYear { get; init; }

    /// <summary>草稿第N版.</summary>
    public required int Version { get; init; }

    /// <summary>Why this version was drawn up: 定时生成, 安源区重新报送, ….</summary>
    public required string Reason { get; init; }

    /// <summary>What moved since the previous version, as sentences; empty for the first.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public IReadOnlyList<string> Headlines { get; init; } = [];

    /// <summary>For a corrected issue (更正): the number of the issue it corrects.</summary>
    public int? Corrects { get; init; }

    /// <summary>The draft as rendered.</summary>
    public required ReadOnlyMemory<byte> Pdf { get; init; }

    /// <summary>The review page in the portal; null when no portal address is configured.</summary>
    public string? ReviewLink { get; init; }
}

/// <summary>
/// 待审核: a new draft of the briefing for the office's reviewers, the draft attached. It goes only to the configured
/// reviewers and says plainly that it is a draft: nothing reaches a leader before the office has signed it off.
/// </summary>
public static class ReviewMail
{
    public static OutgoingMail Create(ReportingOptions options, ReviewMailContent content, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        string issue = BriefingMail.Subject(options, content.Period, content.IssueNumber, content.IssueYear, content.Corrects);
        string subject = $"【待审核】{issue}草稿第{content.Version}版";

        var body = new StringBuilder();
        body.Append("推进办：\n\n");
        body.Append($"《{issue}》（{content.Period.ToChineseCumulative()}）草稿第{content.Version}版已生成（{content.Reason}），请审核。");
        body.Append("审核无误后请在报送平台签发，签发后系统才会发送给各位领导；草稿不会发给领导。\n\n");
        if (content.Changes.Count > 0)
        {
            body.Append("与上一版相比：\n");
            foreach (string change in content.Changes)
            {
                body.Append("  · ").Append(change).Append('\n');
            }

            body.Append('\n');
        }

        if (content.Headlines.Count > 0)
        {
            body.Append("主要数据：\n");
            foreach (string line in content.Headlines)
            {
                body.Append("  · ").Append(line.Trim()).Append('\n');
            }

            body.Append('\n');
        }

        if (content.ReviewLink is { } link)
        {
            body.Append("审核、编辑编者按和签发：").Append(link).Append('\n');
        }
        else
        {
            body.Append("审核、编辑编者按和签发：报送平台“简报”页，或命令 reporting review / reporting sign。\n");
        }

        body.Append("草稿全文见附件（PDF）。本邮件由系统自动发送。\n");
        var pdf = new MailAttachment(MailText.FileNameSafe($"{issue}草稿第{content.Version}版", "draft") + ".pdf", "application", "pdf", content.Pdf);
        return MailComposer.Create(options.Delivery, reviewer, subject, body.ToString(), [pdf]);
    }
}
