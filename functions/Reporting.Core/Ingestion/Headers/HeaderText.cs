using System.Text;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Headers;

/// <summary>
/// A header as written ("2022年1-12月\n累计完成投资（亿元）") and what it means: the key used for
/// matching ("年累计完成投资": the numbers go, the words 年/年度 stay), the unit of money it names (亿元,
/// 千元, 亿美元), whether it is a percentage, and the period it embeds (2022, 12).
/// </summary>
internal sealed record HeaderText(string Display, string Key, UnitSearch Unit, bool Percent, int? Year, int? Month)
{
    /// <summary>The key of a header that names only a period ("1-12月", "本期"): the period's value.</summary>
    public const string PeriodKey = "本期";

    public static readonly HeaderText Blank = new(string.Empty, string.Empty, default, false, null, null);

    /// <summary>
    /// One month that is not a running total ("12月完成投资"): the month's own figure, never the
    /// cumulative one. January is both; 累计, 截至 or 年初 in the header make it cumulative.
    /// </summary>
    public bool MonthlyOnly { get; init; }

    /// <summary>A group cell merged over several columns with no sub-header joined below it: it names none of them alone.</summary>
    public bool SharedGroup { get; init; }

    /// <summary>Only a year ("2022年"): in a metrics table the latest year is the value, the one before last year's.</summary>
    public bool YearOnly { get; init; }

    public static HeaderText Analyze(string raw)
    {
        string display = ChineseText.Tidy(raw);
        string text = ChineseText.ArabicMonths(ChineseText.Compact(raw));
        if (text.Length == 0)
        {
            return Blank;
        }

        UnitSearch unit = MoneyUnit.Find(text);
        bool percent = text.Contains('%', StringComparison.Ordinal) || text.Contains("百分比", StringComparison.Ordinal);

        var key = new StringBuilder(text.Length);
        int? year = null;
        int? month = null;
        bool singleMonth = false;
        int depth = 0;
        int groupStart = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '(' or '[' or '【' or '〔')
            {
                depth++;
                groupStart = key.Length;
                continue;
            }

            if (c is ')' or ']' or '】' or '〕')
            {
                if (depth > 0)
                {
                    depth--;

                    // A bracketed unit "(万元)" or "(%)" goes; a bracketed word "县(区)" stays.
                    string group = key.ToString(groupStart, key.Length - groupStart);
                    if (IsUnitGroup(group))
                    {
                        key.Length = groupStart;
                    }
                }

                continue;
            }

            if (char.IsAsciiDigit(c) && TryReadPeriodToken(text, ref i, ref year, ref month, ref singleMonth, key))
            {
                continue;
            }

            if (c is ':' or '*' or '、' or ',' or '.' or '"' or '“' or '”' or '\'' or '‘' or '’' or '%' or '#' or '※' or '△')
            {
                continue;
            }

            key.Append(c);
        }

        string result = key.ToString();
        foreach (string word in (ReadOnlySpan<string>)["单位万元", "单位亿元", "万美元", "亿元", "万元"])
        {
            result = result.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        bool yearOnly = year is not null && month is null && result is "年" or "年度";
        if (month is not null && (result.Length == 0 || result is "年" or "年度"))
        {
            // "1-12月" or "2022年12月" alone heads the column of the period's figures.
            result = PeriodKey;
        }

        bool monthlyOnly = singleMonth && month != 1
            && !ChineseText.ContainsAny(result, ["累计", "截至", "截止", "年初", "止", "底", "末"]);
        return new HeaderText(display, result, unit, percent, year, month) { MonthlyOnly = monthlyOnly, YearOnly = yearOnly };
    }

    private static bool IsUnitGroup(string group) =>
        group.Length == 0 || group.Contains('元') || group.Contains('%') || group.Contains("单位", StringComparison.Ordinal)
        || group is "个" or "户" or "家" or "个数" or "项" or "人" or "亩" or "公里" or "年" or "年度";

    // Consumes "2022年", "2022年度", "1-12月", "1—12月", "12月" at position i; anything else leaves i unchanged.
    // The year's number goes but its word stays ("2022年度计划" reads "年度计划"), so a plan split over
    // header rows still says 年度计划. A month token leaves nothing.
    private static bool TryReadPeriodToken(string text, ref int i, ref int? year, ref int? month, ref bool singleMonth, StringBuilder key)
    {
        int start = i;
        int j = i;
        int value = 0;
        while (j < text.Length && char.IsAsciiDigit(text[j]) && j - start < 4)
        {
            value = value * 10 + (text[j] - '0');
            j++;
        }

        int digits = j - start;
        if (digits == 4 && j < text.Length && text[j] == '年' && value is >= 1990 and < 2100)
        {
            year = value;
            j++;
            key.Append('年');
            if (j < text.Length && text[j] == '度')
            {
                key.Append('度');
                j++;
            }

            i = j - 1;
            return true;
        }

        if (digits is 1 or 2)
        {
            // "1-12月" or "1至12月": the second number is the month.
            if (value == 1 && j < text.Length && text[j] is '-' or '—' or '~' or '～' or '至' or '到' or '–')
            {
                int k = j + 1;
                int second = 0;
                int secondStart = k;
                while (k < text.Length && char.IsAsciiDigit(text[k]) && k - secondStart < 2)
                {
                    second = second * 10 + (text[k] - '0');
                    k++;
                }

                if (k > secondStart && k < text.Length && text[k] == '月' && second is >= 1 and <= 12)
                {
                    month = second;
                    singleMonth = false;
                    i = k;
                    return true;
                }
            }

            if (j < text.Length && text[j] == '月' && value is >= 1 and <= 12)
            {
                // "1月-12月" and "1月至12月": the second month ends the range.
                int k = j + 1;
                if (value == 1 && k < text.Length && text[k] is '-' or '—' or '~' or '～' or '至' or '到' or '–')
                {
                    int second = 0;
                    int secondStart = k + 1;
                    int m = secondStart;
                    while (m < text.Length && char.IsAsciiDigit(text[m]) && m - secondStart < 2)
                    {
                        second = second * 10 + (text[m] - '0');
                        m++;
                    }

                    if (m > secondStart && m < text.Length && text[m] == '月' && second is >= 1 and <= 12)
                    {
                        month = second;
                        singleMonth = false;
                        i = m;
                        return true;
                    }
                }

                month = value;
                singleMonth = true;
                i = j;
                return true;
            }
        }

        return false;
    }
}
