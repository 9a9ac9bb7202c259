using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>Dates in the office's register: 2023年1月5日, no leading zeros.</summary>
internal static class ChineseDates
{
    public static string Format(DateOnly date) =>
        Display.Plain(date.Year) + "年" + Display.Plain(date.Month) + "月" + Display.Plain(date.Day) + "日";

    /// <summary>A Beijing-time moment as "1月5日" (the year is clear from the period).</summary>
    public static string MonthDay(DateTimeOffset instant)
    {
        DateTimeOffset beijing = ChinaTime.ToBeijing(instant);
        return Display.Plain(beijing.Month) + "月" + Display.Plain(beijing.Day) + "日";
    }
}
