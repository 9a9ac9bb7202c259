namespace Reporting.SampleData;

/// <summary>How a sheet names its month: the cumulative span and the day it was filled in.</summary>
internal static class Months
{
    /// <summary>"1-12月", "1-3月"; "1月" for January (there is no span yet).</summary>
    public static string Cumulative(int month) => month == 1 ? "1月" : $"1-{month}月";

    /// <summary>"2023年1月5日" for December: the clerk fills the sheet in on the <paramref name="day"/> of the next month.</summary>
    public static string FilingDate(int month, int day) => month == 12 ? $"2023年1月{day}日" : $"2022年{month + 1}月{day}日";
}
