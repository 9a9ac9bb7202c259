using Reporting.Core.Briefings.Model;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>七、报送情况: who submitted on time, late, was rejected, or sent nothing.</summary>
internal static class SubmissionsSection
{
    public const string Title = "报送情况";

    public static IReadOnlyList<Block> Build(IReadOnlyList<DepartmentSubmissionStatus> submissions)
    {
        List<DepartmentSubmissionStatus> onTime = Of(submissions, SubmissionState.OnTime);
        List<DepartmentSubmissionStatus> late = Of(submissions, SubmissionState.Late);
        List<DepartmentSubmissionStatus> rejected = Of(submissions, SubmissionState.Rejected);
        List<DepartmentSubmissionStatus> missing = Of(submissions, SubmissionState.Missing);

        var prose = new ProseBuilder().Text("本期应报送单位").Figure(Display.Plain(submissions.Count)).Text("个");
        if (onTime.Count == submissions.Count)
        {
            return [prose.Text("，均已按时报送。").Build()];
        }

        prose.Text("，按时报送").Figure(Display.Plain(onTime.Count)).Text("个");
        AppendCount(prose, "逾期报送", late.Count);
        AppendCount(prose, "报送未通过审核", rejected.Count);
        AppendCount(prose, "未报送", missing.Count);
        prose.Text("。");
        var details = new List<string>();
        if (late.Count > 0)
        {
            details.Add("逾期报送的是" + Names(late, d => d.LastReceivedAt is { } at ? ChineseDates.MonthDay(at) + "报送" : null));
        }

        if (rejected.Count > 0)
        {
            details.Add("报送未通过审核、需修改后重报的是" + Names(rejected, d => d.ErrorCount > 0 ? "错误" + Display.Plain(d.ErrorCount) + "处" : null));
        }

        if (missing.Count > 0)
        {
            details.Add("尚未报送的是" + Names(missing, _ => null));
        }

        prose.Text(string.Join("；", details) + "。");
        return [prose.Build()];
    }

    private static List<DepartmentSubmissionStatus> Of(IReadOnlyList<DepartmentSubmissionStatus> submissions, SubmissionState state) =>
        submissions.Where(s => s.State == state).ToList();

    private static void AppendCount(ProseBuilder prose, string label, int count)
    {
        if (count > 0)
        {
            prose.Text("，" + label).Figure(Display.Plain(count)).Text("个");
        }
    }

    private static string Names(IEnumerable<DepartmentSubmissionStatus> departments, Func<DepartmentSubmissionStatus, string?> detail) =>
        string.Join("、", departments.Select(d => detail(d) is { } text ? d.DepartmentName + "（" + text + "）" : d.DepartmentName));
}
