using System.Globalization;
using System.Text.RegularExpressions;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Core.Mailbox;

/// <summary>
/// The period of a mailed spreadsheet, in the office's order: the workbook's own statement as for any upload;
/// else the subject ("2022年12月调度表", "2022.12", "12月报表"), which the clerk wrote and which is therefore checked
/// against the workbook (a conflict is a finding); else the month before the message's date in Beijing time,
/// a guess that is never held against the workbook.
/// </summary>
public static partial class MailPeriod
{
    /// <summary>How a conflict finding names the subject: "报表期间不一致：邮件主题中指定为…".</summary>
    public const string SubjectSource = "邮件主题中";

    /// <summary>A Date header further from the server's arrival time than this is a wrong clock, not a date.</summary>
    private static readonly TimeSpan s_plausibleClockSkew = TimeSpan.FromDays(31);

    public static PeriodHint For(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return For(message.Subject, SentAt(message));
    }

    /// <summary>The period hint from a subject and the date the message was written (what the mailbox ledger keeps of it).</summary>
    public static PeriodHint For(string? subject, DateTimeOffset sentAt)
    {
        ReportingPeriod guess = Guess(sentAt);
        return FromSubject(subject, guess) is ReportingPeriod stated
            ? new PeriodHint(stated, null, SubjectSource)
            : new PeriodHint(null, guess, SubjectSource);
    }

    /// <summary>When the message was written: its Date header, unless that is missing or implausibly far from its arrival.</summary>
    public static DateTimeOffset SentAt(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Date is DateTimeOffset date && (date - message.ArrivedAt).Duration() <= s_plausibleClockSkew ? date : message.ArrivedAt;
    }

    /// <summary>The month before <paramref name="sentAt"/>'s Beijing date: a report sent on 3 January is December's.</summary>
    public static ReportingPeriod Guess(DateTimeOffset sentAt) =>
        ChinaTime.PeriodReportedOn(DateOnly.FromDateTime(ChinaTime.ToBeijing(sentAt).DateTime));

    /// <summary>
    /// The period a subject names; a month alone ("12月报表", "1-12月") is that month in the latest year not after
    /// <paramref name="guess"/>. A day date ("2023年1月3日") names no period. Null when the subject names none, or several.
    /// </summary>
    public static ReportingPeriod? FromSubject(string? subject, ReportingPeriod guess)
    {
        string text = DayDate().Replace(subject ?? string.Empty, " ");
        if (text.Trim().Length == 0)
        {
            return null;
        }

        if (SheetNotes.TryFindPeriodInName(text, out ReportingPeriod? period, out _) && period is ReportingPeriod full)
        {
            return full;
        }

        int[] months = [.. Month().Matches(text).Select(m => int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture)).Distinct()];
        return months.Length == 1 ? new ReportingPeriod(months[0] <= guess.Month ? guess.Year : guess.Year - 1, months[0]) : null;
    }

    [GeneratedRegex(@"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex DayDate();

    // "12月", "12月份", the end of a range "1-12月" / "1—12月"; not part of a longer number.
    [GeneratedRegex(@"(?<!\d)(?:\d{1,2}\s*[-－—~～至到]\s*)?(?<month>1[0-2]|0?[1-9])\s*月", RegexOptions.CultureInvariant)]
    private static partial Regex Month();
}
