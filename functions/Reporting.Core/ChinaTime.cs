namespace Reporting.Core;

/// <summary>
/// Periods, deadlines and briefing dates are Beijing dates. Timers run in UTC because
/// WEBSITE_TIME_ZONE is not supported on Linux Consumption/Flex, so conversion happens here.
/// China has no daylight saving time, so a fixed +08:00 offset is exact and needs no tz database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToBeijing(clock.GetUtcNow()).DateTime);

    /// <summary>The period a briefing issued on <paramref name="beijingDate"/> reports on: the previous month.</summary>
    public static ReportingPeriod PeriodReportedOn(DateOnly beijingDate)
    {
        DateOnly previousMonth = beijingDate.AddMonths(-1);
        return new ReportingPeriod(previousMonth.Year, previousMonth.Month);
    }
}
