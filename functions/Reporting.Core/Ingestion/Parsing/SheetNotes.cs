namespace Reporting.Core.Ingestion.Parsing;

/// <summary>
/// Lines around the table: "时间：2022年1-12月", "单位：亿元", "填报单位：安源区发改委", footers.
/// </summary>
internal static class SheetNotes
{
    private static readonly string[] s_dateLabels = ["填报日期", "填表日期", "报送日期", "制表日期", "日期"];

    // A date after one of these is when the sheet was filled in, not the period it reports.
    private static readonly string[] s_filingLabels =
    [
        "填报日期", "填表日期", "报送日期", "制表日期", "打印日期", "填报时间", "填表时间", "报送时间", "制表时间", "打印时间",
    ];
    private static readonly System.Buffers.SearchValues<char> s_unitNoteEnds = System.Buffers.SearchValues.Create(" \t\u3000、,;，；)】。.");

    private static readonly string[] s_departmentLabels = ["填报单位", "报送单位", "填报部门", "报送部门", "填表单位"];

    private static readonly string[] s_footers =
    [
        "填表人", "填报人", "制表人", "制表", "联系电话", "电话", "联系人", "审核人", "审核", "负责人", "单位负责人", "统计负责人", "分管领导",
        "填报日期", "填表日期", "报送日期", "注:", "注1", "注：", "备注:", "说明:", "填报说明", "数据来源", "资料来源", "填报单位", "报送单位",
    ];

    /// <summary>
    /// "YYYY年M月", "YYYY年1-M月" or "YYYY年1月-M月"; a month-end date ("截至2022年12月31日") is that month, any
    /// other day date (2023年1月5日) is not a period; "时间：2022-12" after a time label. A date after 填报时间 is ignored.
    /// </summary>
    public static bool TryFindPeriod(string text, out ReportingPeriod period)
    {
        period = default;
        string compact = WrittenPeriod(ChineseText.ArabicMonths(ChineseText.Compact(text)));
        if (compact.Length == 0 || ChineseText.StartsWithAny(compact, s_dateLabels))
        {
            return false;
        }

        // "（2022.12）" closing a title, or a line that is only "2022.12": a period without a label.
        if (BracketedOrAlone(compact) is string bare && TryYearAndMonth(bare, out period))
        {
            return true;
        }

        for (int i = 0; i + 5 <= compact.Length; i++)
        {
            if (!IsDigits(compact, i, 4) || (i > 0 && char.IsAsciiDigit(compact[i - 1])) || AfterFilingLabel(compact, i))
            {
                continue;
            }

            int year = int.Parse(compact.AsSpan(i, 4), System.Globalization.CultureInfo.InvariantCulture);
            int j = i + 4;
            if (year is < 2000 or > 2100 || j >= compact.Length)
            {
                continue;
            }

            if (compact[j] == '年')
            {
                j++;
                if (CumulativePart(compact.AsSpan(j)) is int partEnd)
                {
                    period = new ReportingPeriod(year, partEnd);
                    return true;
                }

                int month = ReadMonth(compact, ref j);
                if (month > 0 && j < compact.Length && compact[j] == '月'
                    && (!(j + 1 < compact.Length && char.IsAsciiDigit(compact[j + 1])) || (HasTimeLabel(compact) && IsMonthEnd(compact, j + 1, year, month))))
                {
                    period = new ReportingPeriod(year, month);
                    return true;
                }
            }
            else if ((compact[j] is '-' or '.' or '/') && HasTimeLabel(compact))
            {
                j++;
                int month = ReadNumber(compact, ref j, 2);
                if (month is >= 1 and <= 12 && !(j < compact.Length && (char.IsAsciiDigit(compact[j]) || compact[j] is '-' or '.' or '/')))
                {
                    period = new ReportingPeriod(year, month);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A date cell after a "时间：" label (a template's month, shown as 2022年12月): the period of its month.</summary>
    public static bool IsTimeLabel(string text) =>
        ChineseText.Compact(text).TrimEnd(':') is { Length: > 0 and <= 6 } label && HasTimeLabel(label);

    // "二〇二二年十二月" and "时间：22年1-12月" written the usual way: "2022年12月", "时间:2022年1-12月".
    private static string WrittenPeriod(string compact)
    {
        if (compact.AsSpan().IndexOfAny(s_chineseDigits) >= 0)
        {
            var builder = new System.Text.StringBuilder(compact.Length);
            for (int i = 0; i < compact.Length; i++)
            {
                int year = i + 4 < compact.Length && compact[i + 4] == '年' ? ChineseYear(compact.AsSpan(i, 4)) : -1;
                if (year > 0)
                {
                    builder.Append(year).Append('年');
                    i += 4;
                    int month = ChineseMonth(compact.AsSpan(i + 1), out int used);
                    if (month > 0)
                    {
                        builder.Append(month).Append('月');
                        i += used + 1;
                    }

                    continue;
                }

                builder.Append(compact[i]);
            }

            compact = builder.ToString();
        }

        // A two-digit year, only after a time label: "时间:22年1-12月".
        int at = compact.IndexOf(':', StringComparison.Ordinal);
        if (at > 0 && at + 3 < compact.Length && HasTimeLabel(compact[..at]) && char.IsAsciiDigit(compact[at + 1]) && char.IsAsciiDigit(compact[at + 2]) && compact[at + 3] == '年')
        {
            compact = string.Concat(compact.AsSpan(0, at + 1), "20", compact.AsSpan(at + 1));
        }

        return compact;
    }

    private static readonly System.Buffers.SearchValues<char> s_chineseDigits = System.Buffers.SearchValues.Create("〇零");

    private static int ChineseYear(ReadOnlySpan<char> four)
    {
        int year = 0;
        foreach (char c in four)
        {
            int digit = "〇一二三四五六七八九".IndexOf(c);
            digit = digit < 0 && c == '零' ? 0 : digit;
            if (digit < 0)
            {
                return -1;
            }

            year = (year * 10) + digit;
        }

        return year is >= 2000 and <= 2100 ? year : -1;
    }

    // 一月 … 九月, 十月, 十一月, 十二月; the characters read (月 included) in used.
    private static int ChineseMonth(ReadOnlySpan<char> text, out int used)
    {
        used = 0;
        foreach ((string word, int month) in (ReadOnlySpan<(string, int)>)[("十二月", 12), ("十一月", 11), ("十月", 10), ("一月", 1), ("二月", 2), ("三月", 3), ("四月", 4), ("五月", 5), ("六月", 6), ("七月", 7), ("八月", 8), ("九月", 9)])
        {
            if (text.StartsWith(word))
            {
                used = word.Length;
                return month;
            }
        }

        return 0;
    }

    private static string? BracketedOrAlone(string compact)
    {
        if (compact.EndsWith(')'))
        {
            int open = compact.LastIndexOf('(');
            return open >= 0 ? compact[(open + 1)..^1] : null;
        }

        return compact.Length is >= 6 and <= 7 && char.IsAsciiDigit(compact[0]) ? compact : null;
    }

    /// <summary>
    /// A year alone, as in a title "2022年重大项目调度表" or "2022年度": only when the text names one year and
    /// no month, and not after 填报时间.
    /// </summary>
    public static bool TryFindYear(string text, out int year)
    {
        year = 0;
        string compact = ChineseText.Compact(text);
        if (compact.Length == 0 || ChineseText.StartsWithAny(compact, s_dateLabels))
        {
            return false;
        }

        for (int i = 0; i + 5 <= compact.Length; i++)
        {
            if (!IsDigits(compact, i, 4) || (i > 0 && char.IsAsciiDigit(compact[i - 1])) || compact[i + 4] != '年' || AfterFilingLabel(compact, i))
            {
                continue;
            }

            int found = int.Parse(compact.AsSpan(i, 4), System.Globalization.CultureInfo.InvariantCulture);
            if (found is < 2000 or > 2100 || (i + 5 < compact.Length && char.IsAsciiDigit(compact[i + 5])) || (year != 0 && year != found))
            {
                year = 0;
                return false;
            }

            year = found;
        }

        return year != 0;
    }

    /// <summary>
    /// The period a sheet or file is named after: "12月", "12月份", "1-12月" (month only), "2022年12月",
    /// "2022.12", "2022-12", "202212" (full). False when the name says nothing of the kind. A file name is
    /// passed without its extension.
    /// </summary>
    public static bool TryFindPeriodInName(string name, out ReportingPeriod? period, out int? month)
    {
        period = null;
        month = null;
        string compact = ChineseText.Compact(name);
        if (TryFindPeriod(compact, out ReportingPeriod stated))
        {
            period = stated;
            return true;
        }

        if (TryYearAndMonth(compact, out ReportingPeriod numeric))
        {
            period = numeric;
            return true;
        }

        string bare = compact.EndsWith("月份", StringComparison.Ordinal) ? compact[..^1] : compact;
        if (bare.EndsWith('月'))
        {
            int k = 0;
            int first = ReadMonth(bare, ref k);
            if (first > 0 && k == bare.Length - 1)
            {
                month = first;
                return true;
            }
        }

        return false;
    }

    // "2022.12", "2022-12", "2022_12" or "202212" in a name, not a day date "2022.12.31" or "20221231".
    private static bool TryYearAndMonth(string compact, out ReportingPeriod period)
    {
        period = default;
        for (int i = 0; i + 6 <= compact.Length; i++)
        {
            if (!IsDigits(compact, i, 4) || (i > 0 && char.IsAsciiDigit(compact[i - 1])))
            {
                continue;
            }

            int year = int.Parse(compact.AsSpan(i, 4), System.Globalization.CultureInfo.InvariantCulture);
            int j = i + 4;
            if (compact[j] is '.' or '-' or '_')
            {
                j++;
            }

            int start = j;
            int value = ReadNumber(compact, ref j, 2);
            bool separated = start > i + 4;

            // "2022.12" or "202212", but not a day date "2022.12.31" or "20221231".
            if (year is >= 2000 and <= 2100 && value is >= 1 and <= 12 && (separated || j - start == 2)
                && !(j < compact.Length && (char.IsAsciiDigit(compact[j]) || compact[j] is '.' or '-' or '_')))
            {
                period = new ReportingPeriod(year, value);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A note below the table saying what period its figures are: "注：本表数据为1-11月累计数", "本期为2022年1-11月". The period
    /// (with a year) or the last month of a running total (without one); nothing for a note about last year's figures
    /// ("上年同期数据为2021年1-12月") or one that names no running total.
    /// </summary>
    public static (ReportingPeriod? Period, int? Month)? FindFootnotePeriod(string text)
    {
        string compact = ChineseText.ArabicMonths(ChineseText.Compact(text));
        if (!ChineseText.ContainsAny(compact, ["本表", "本期", "数据为", "数据均为", "统计时段", "统计期"])
            || ChineseText.ContainsAny(compact, ["上年", "去年", "同期", "上月", "上期", "填报日期", "报送日期"]))
        {
            return null;
        }

        if (TryFindPeriod(compact, out ReportingPeriod period))
        {
            return (period, null);
        }

        System.Text.RegularExpressions.Match range = System.Text.RegularExpressions.Regex.Match(compact, @"(?<!\d)1[-－—–~～至到](\d{1,2})月");
        return range.Success && int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is int month and >= 1 and <= 12
            ? (null, month)
            : null;
    }

    /// <summary>"单位：亿元", "金额单位：千元", "（单位：亿美元）": the unit of money right after the label; null when there is none.</summary>
    public static MoneyUnit? FindUnitNote(string text)
    {
        string half = ChineseText.ToHalfWidthKeepSpaces(text);
        int label = half.IndexOf("单位", StringComparison.Ordinal);
        if (label < 0)
        {
            return null;
        }

        // "填报单位：…" names a department, not a unit; a unit note has the unit right after the label.
        ReadOnlySpan<char> after = half.AsSpan(label + 2).TrimStart(": \t\u3000为是均");
        int stop = after.IndexOfAny(s_unitNoteEnds);
        return MoneyUnit.Exactly(ChineseText.Compact((stop < 0 ? after : after[..stop]).ToString()));
    }

    /// <summary>The department named after 填报单位, up to the next label or a wide gap.</summary>
    public static string? FindDepartment(string text, string? nextCellText)
    {
        string half = ChineseText.ToHalfWidthKeepSpaces(text).Trim();
        foreach (string label in s_departmentLabels)
        {
            int at = half.IndexOf(label, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            string rest = half[(at + label.Length)..];
            int colon = rest.IndexOfAny([':', '：']);
            if (colon < 0 || colon > 6)
            {
                continue;
            }

            rest = rest[(colon + 1)..].TrimStart();
            int end = rest.Length;
            foreach (string stop in (ReadOnlySpan<string>)["  ", "\t", "时间", "单位:", "单位：", "填表", "填报人", "联系", "日期"])
            {
                int s = rest.IndexOf(stop, StringComparison.Ordinal);
                if (s >= 0 && s < end)
                {
                    end = s;
                }
            }

            string name = rest[..end].Trim().TrimEnd('(', '（').Replace("（盖章）", string.Empty, StringComparison.Ordinal).Replace("(盖章)", string.Empty, StringComparison.Ordinal).Trim();
            if (name.Length == 0 && !string.IsNullOrWhiteSpace(nextCellText))
            {
                name = ChineseText.Tidy(nextCellText);
            }

            return name.Length == 0 ? null : name;
        }

        return null;
    }

    /// <summary>
    /// A footer: a note or signature line ("填表人：", "注："), or any "…人：" / "…日期：" label of a person or a date
    /// ("主要负责人：", "报出日期：") that no record begins with.
    /// </summary>
    public static bool IsFooter(string compact)
    {
        if (ChineseText.StartsWithAny(compact, s_footers))
        {
            return true;
        }

        int colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 2 or > 8)
        {
            return false;
        }

        ReadOnlySpan<char> label = compact.AsSpan(0, colon);
        return label.EndsWith("人") || label.EndsWith("负责人") || label.EndsWith("日期") || label.EndsWith("电话") || label.EndsWith("盖章") || label.EndsWith("签字");
    }

    private static bool HasTimeLabel(string compact) =>
        ChineseText.ContainsAny(compact, ["时间", "报告期", "统计期", "期间", "所属期", "月份", "截至", "截止"]);

    private static int ReadMonth(string text, ref int j)
    {
        int first = ReadNumber(text, ref j, 2);
        if (first < 0)
        {
            return -1;
        }

        // "1-12月", and "1月-12月" where the range repeats 月.
        int dash = first == 1 && j + 1 < text.Length && text[j] == '月' ? j + 1 : j;
        if (first == 1 && dash < text.Length && text[dash] is '-' or '—' or '~' or '～' or '至' or '到' or '–')
        {
            int k = dash + 1;
            int second = ReadNumber(text, ref k, 2);
            if (second is >= 1 and <= 12 && k < text.Length && text[k] == '月')
            {
                j = k;
                return second;
            }
        }

        return first is >= 1 and <= 12 ? first : -1;
    }

    // "一季度", "第二季度", "上半年", "前三季度" after the year: cumulative to the part's last month.
    private static int? CumulativePart(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("第") || rest.StartsWith("前"))
        {
            rest = rest[1..];
        }

        if (rest.Length >= 3 && rest[1..].StartsWith("季度"))
        {
            int quarter = "一二三四".IndexOf(rest[0]) + 1;
            quarter = quarter == 0 ? "1234".IndexOf(rest[0]) + 1 : quarter;
            return quarter == 0 ? null : quarter * 3;
        }

        return rest.StartsWith("上半年") ? 6 : null;
    }

    // "…12月31日": the last day of the month closes the period that month.
    private static bool IsMonthEnd(string text, int j, int year, int month)
    {
        int day = ReadNumber(text, ref j, 2);
        return day == DateTime.DaysInMonth(year, month) && j < text.Length && text[j] is '日' or '号';
    }

    private static bool AfterFilingLabel(string compact, int position)
    {
        ReadOnlySpan<char> before = compact.AsSpan(0, position).TrimEnd(':');
        foreach (string label in s_filingLabels)
        {
            if (before.EndsWith(label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int ReadNumber(string text, ref int j, int maxDigits)
    {
        int value = 0;
        int start = j;
        while (j < text.Length && j - start < maxDigits && char.IsAsciiDigit(text[j]))
        {
            value = value * 10 + (text[j] - '0');
            j++;
        }

        return j == start ? -1 : value;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
