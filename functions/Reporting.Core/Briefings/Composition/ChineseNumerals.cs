namespace Reporting.Core.Briefings.Composition;

/// <summary>Chinese numerals for section numbers (一、二、…) and counts in prose (七大领域).</summary>
internal static class ChineseNumerals
{
    private static readonly string[] s_digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.</summary>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        int tens = value / 10;
        int units = value % 10;
        string text = tens switch
        {
            0 => string.Empty,
            1 => "十",
            _ => s_digits[tens] + "十",
        };
        return units == 0 ? text : text + s_digits[units];
    }
}
