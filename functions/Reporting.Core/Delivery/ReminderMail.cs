using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Delivery;

/// <summary>催报: the reminder to a department that has not yet submitted for the period.</summary>
public static class ReminderMail
{
    public static OutgoingMail Create(
        ReportingOptions options, DepartmentOptions department, ReportingPeriod period, IReadOnlyCollection<DatasetKind> missingKinds, DateOnly deadline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(missingKinds);
        string name = MailText.HeaderSafe(department.Name, 40);
        string kinds = missingKinds.Count == 0 ? "报表" : string.Join("、", missingKinds.Select(k => k.ToChinese()));
        string due = $"{deadline.Year}年{deadline.Month}月{deadline.Day}日";
        bool overdue = today > deadline;
        string subject = overdue
            ? $"【催报】{name}{period.ToChineseCumulative()}{kinds}已逾期未报，请尽快报送"
            : $"【催报】请于{due}前报送{period.ToChineseCumulative()}{kinds}";

        string timing = overdue
            ? $"报送截止日期为{due}，现已逾期{today.DayNumber - deadline.DayNumber}天"
            : today == deadline ? $"今天（{due}）是报送截止日" : $"报送截止日期为{due}，还有{deadline.DayNumber - today.DayNumber}天";
        string body =
            $"{name}：\n\n"
            + $"截至{today.Year}年{today.Month}月{today.Day}日，系统尚未收到贵单位{period.ToChineseCumulative()}的{kinds}。{timing}。\n"
            + "请将填写好的报表上传至贵单位的报送目录；空白模板可从系统下载。如已报送但未通过校验，请按回执邮件修改后重新报送。\n\n"
            + "本邮件由系统自动发送，请勿直接回复。\n"
            + options.Briefing.Office + "\n";
        string recipient = department.Contact ?? throw new ArgumentException($"Department '{department.Id}' has no contact address.", nameof(department));
        return MailComposer.Create(options.Delivery, recipient, subject, body, []);
    }
}
