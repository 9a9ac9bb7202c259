using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Briefings.Composition;

/// <summary>
/// The 说明 after the sections: which departments' scheduling submissions for which period the
/// figures come from, and that they are not official statistics.
/// </summary>
internal static class SourceNoteText
{
    public static string Build(CompositionContext context)
    {
        IndicatorReport report = context.Report;
        string period = context.PeriodText;
        var kinds = report.Sources
            .GroupBy(s => s.Kind)
            .OrderBy(g => g.Key)
            .Select(g => g.Key.ToChinese() + "：" + string.Join("、", g.Select(s => context.Reporting.DepartmentName(s.Department)).Distinct()))
            .ToList();
        string origin = kinds.Count > 0
            ? "各县区和市直有关单位报送的" + period + "调度数据（" + string.Join("；", kinds) + "）"
            : "各县区和市直有关单位报送的" + period + "调度数据";
        string asOf = report.Sources.Count > 0
            ? "，数据截至" + ChineseDates.Format(DateOnly.FromDateTime(ChinaTime.ToBeijing(report.Sources.Max(s => s.ReceivedAt)).DateTime))
            : string.Empty;
        return "说明：本简报数据来源于" + origin + asOf + "，为工作调度数据，非统计部门正式发布数据，以统计部门公布的为准。";
    }
}
