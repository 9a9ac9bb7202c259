namespace Reporting.Core.Ingestion.Parsing;

/// <summary>
/// A unit of money as a header, a units row or a note writes it: 元, 千元, 万元, 十万元, 百万元, 千万元, 亿元 (yuan),
/// or a foreign currency at any of those magnitudes (美元, 万美元, 亿美元, 港元, 欧元…). <see cref="PerWan"/> is
/// how many 万 of its currency one unit is (千元 → 0.1, 亿美元 → 10000), so a yuan figure times it is exactly 万元.
/// </summary>
internal readonly record struct MoneyUnit(string Name, string Currency, decimal PerWan)
{
    public const string Yuan = "人民币";
    public const string Dollar = "美元";

    public static readonly MoneyUnit Wan = new("万元", Yuan, 1m);
    public static readonly MoneyUnit WanDollars = new("万美元", Dollar, 1m);

    private static readonly (string Word, string Currency)[] s_foreign =
    [
        ("美元", Dollar), ("美金", Dollar), ("港元", "港元"), ("港币", "港元"), ("欧元", "欧元"), ("日元", "日元"), ("英镑", "英镑"),
        ("韩元", "韩元"), ("澳元", "澳元"), ("加元", "加元"), ("新加坡元", "新加坡元"), ("新台币", "新台币"),
    ];

    public bool IsYuan => Currency == Yuan;

    /// <summary>
    /// The one unit of money <paramref name="compact"/> names ("累计完成投资(千元)", "签约金额(亿美元)", "单位:万元"). None when it
    /// names none; <see cref="UnitSearch.Ambiguous"/> when it names two different ones. "亿元以上" is a size class, not a unit,
    /// and "元/吨" a rate.
    /// </summary>
    public static UnitSearch Find(string compact)
    {
        MoneyUnit? found = null;
        for (int i = 0; i < compact.Length; i++)
        {
            if (Match(compact, i, out int end) is not MoneyUnit unit)
            {
                continue;
            }

            ReadOnlySpan<char> after = compact.AsSpan(end);
            if (after.StartsWith("以上") || after.StartsWith("以下") || after.StartsWith("及以上") || (after.Length > 1 && after[0] == '/' && !IsDelimiter(after[1])))
            {
                i = end - 1;
                continue;
            }

            if (found is MoneyUnit earlier && earlier != unit)
            {
                return new UnitSearch(earlier, Ambiguous: true, Other: unit);
            }

            found = unit;
            i = end - 1;
        }

        // "年度计划投资（亿）": the magnitude alone in brackets is the yuan unit it abbreviates.
        if (found is null)
        {
            found = compact.Contains("(亿)", StringComparison.Ordinal) ? Exactly("亿元")
                : compact.Contains("(万)", StringComparison.Ordinal) ? Exactly("万元")
                : null;
        }

        return new UnitSearch(found, Ambiguous: false, Other: null);
    }

    /// <summary>The unit a whole cell names ("万元", "（亿元）", "亿美元"), nothing else in it; null otherwise.</summary>
    public static MoneyUnit? Exactly(string compact)
    {
        string text = compact.Trim('(', ')', '[', ']', '【', '】');
        foreach (string label in (ReadOnlySpan<string>)["单位:", "单位", "人民币"])
        {
            if (text.StartsWith(label, StringComparison.Ordinal) && text.Length > label.Length)
            {
                text = text[label.Length..];
                break;
            }
        }

        return Match(text, 0, out int end) is MoneyUnit unit && end == text.Length ? unit : null;
    }

    // A unit starting at i: a magnitude (千, 万, 十万, 百万, 千万, 亿, 十亿, 百亿) and 元, or a foreign currency word with one.
    // A bare 元 must stand alone ("(元)", "单位:元"): 单元, 元件 and 多元 are words.
    private static MoneyUnit? Match(string text, int i, out int end)
    {
        end = i;
        int j = i;
        long magnitude = ReadMagnitude(text, ref j);
        string name;
        string currency;
        if (j < text.Length && text[j] == '元')
        {
            if (magnitude == 1 && !(i == 0 || IsDelimiter(text[i - 1]) || text.AsSpan(0, i).EndsWith("人民币")))
            {
                return null;
            }

            if (magnitude == 1 && j + 1 < text.Length && !IsDelimiter(text[j + 1]) && text[j + 1] != '/')
            {
                return null;
            }

            j++;
            currency = Yuan;
            name = text[i..j];
        }
        else if (Foreign(text, j) is (string word, string foreign))
        {
            j += word.Length;
            currency = foreign;
            name = text[i..j];
        }
        else
        {
            return null;
        }

        end = j;
        return new MoneyUnit(name, currency, magnitude / 10_000m);
    }

    private static (string Word, string Currency)? Foreign(string text, int j)
    {
        foreach ((string word, string currency) in s_foreign)
        {
            if (text.AsSpan(j).StartsWith(word))
            {
                return (word, currency);
            }
        }

        return null;
    }

    // 十万 is 10^5, 千万 10^7, 十亿 10^9; none is 1.
    private static long ReadMagnitude(string text, ref int j)
    {
        long multiplier = 1;
        if (j < text.Length && text[j] is '十' or '百' or '千')
        {
            multiplier = text[j] switch { '十' => 10, '百' => 100, _ => 1000 };
            j++;
        }

        if (j < text.Length && text[j] is '万' or '亿')
        {
            multiplier *= text[j] == '万' ? 10_000 : 100_000_000;
            j++;
        }
        else if (multiplier != 1000)
        {
            // 十元 and 百元 are not units (only 千元 stands without 万 or 亿).
            j -= multiplier == 1 ? 0 : 1;
            multiplier = 1;
        }

        return multiplier;
    }

    private static bool IsDelimiter(char c) => c is '(' or ')' or '[' or ']' or '【' or '】' or ':' or '/' or '、' or ',' or ';' or '|' or '-';
}

/// <summary>What a text says about units: the one it names (or none), or that it names two.</summary>
internal readonly record struct UnitSearch(MoneyUnit? Unit, bool Ambiguous, MoneyUnit? Other);
