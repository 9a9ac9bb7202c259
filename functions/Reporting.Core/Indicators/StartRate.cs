using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Indicators;

/// <summary>
/// 开工率 = started / planned new starts × 100.
/// A planned new start (计划新开工项目) is a project whose 计划开工时间 falls in the period's year, or
/// whose 建设性质 is 新建 unless its 计划开工时间 is in a later year: the denominator is the year's plan, so
/// the rate builds up month by month to the year-end figure the office publishes. A 新建 project listed
/// now but planned to start next year (拟新开工 in 2023 on the 2022 list) is next year's plan: counting it
/// would lower this year's rate for a start nobody expected this year. One planned for an earlier year and
/// still listed as 新建 is a delayed start, and stays in this year's plan.
/// A planned new start counts as started when the sheet says 是否开工 = 是, or gives an
/// 实际开工时间 no later than the end of the period (a date after it cannot be a start yet when
/// the figures are compiled, so it is treated as a plan). A sheet that says 否 but gives such a
/// date counts as started: the date is the more specific statement.
/// </summary>
public static class StartRate
{
    public const string NewBuild = "新建";

    public static bool IsPlannedNewStart(ProjectRecord project, ReportingPeriod period) =>
        project.PlannedStart?.Year == period.Year
        || (string.Equals(project.Nature?.Trim(), NewBuild, StringComparison.Ordinal) && !(project.PlannedStart?.Year > period.Year));

    public static bool HasStarted(ProjectRecord project, ReportingPeriod period) =>
        project.Started == true || (project.ActualStart is { } start && start < period.EndExclusive);

    public static (int Planned, int Started, decimal? RatePct) Compute(IEnumerable<ProjectRecord> projects, ReportingPeriod period)
    {
        int planned = 0;
        int started = 0;
        foreach (ProjectRecord project in projects)
        {
            if (!IsPlannedNewStart(project, period))
            {
                continue;
            }

            planned++;
            if (HasStarted(project, period))
            {
                started++;
            }
        }

        return (planned, started, Percentages.Of(started, planned));
    }
}
