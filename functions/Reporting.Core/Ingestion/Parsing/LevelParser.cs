namespace Reporting.Core.Ingestion.Parsing;

/// <summary>项目级别: a list such as "省重点、省大中型", yes/no columns, and a ☆ or ★ before the name.</summary>
internal static class LevelParser
{
    private static readonly char[] s_separators = ['、', ',', '，', '/', ';', '；', '+', ' ', '|', '\n'];

    /// <summary>
    /// Levels named in a list cell. A word that is not a level is ignored (a level is an attribute, not a gate);
    /// the first one that looks like a provincial or city level in other words ("省重大") is returned, to be asked about.
    /// </summary>
    public static string? AddFromList(string text, HashSet<string> levels)
    {
        string? unknown = null;
        foreach (string part in ChineseText.ToHalfWidthKeepSpaces(text).Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string? level = Canonical(part);
            if (level is not null)
            {
                levels.Add(level);
            }
            else if (unknown is null && !IsNegated(ChineseText.Compact(part)) && ChineseText.ContainsAny(part, ["省", "市"]))
            {
                unknown = part;
            }
        }

        return unknown;
    }

    /// <summary>Whether a cell names any level (even one already counted from another column).</summary>
    public static bool NamesAny(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        AddFromList(text, found);
        return found.Count > 0;
    }

    /// <summary>The level a word names: 省重点 (省级重点), 省大中型, 市重点 (市级重点), 5020; null for any other word and for a negation ("非省重点", "非5020项目").</summary>
    public static string? Canonical(string word)
    {
        string compact = ChineseText.Compact(word).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("“", string.Empty, StringComparison.Ordinal).Replace("”", string.Empty, StringComparison.Ordinal)
            .Replace("级重点", "重点", StringComparison.Ordinal);
        if (IsNegated(compact))
        {
            return null;
        }

        if (compact.Contains("5020", StringComparison.Ordinal))
        {
            return ProjectLevels.P5020;
        }

        if (compact.Contains("大中型", StringComparison.Ordinal))
        {
            return ProjectLevels.ProvincialLargeMedium;
        }

        if (compact.Contains("省重点", StringComparison.Ordinal))
        {
            return ProjectLevels.Provincial;
        }

        if (compact.Contains("市重点", StringComparison.Ordinal))
        {
            return ProjectLevels.Municipal;
        }

        return null;
    }

    // "非省重点", "不是5020项目", "否（省重点）": a level named only to say the project is not one.
    private static bool IsNegated(string compact) =>
        compact.StartsWith('非') || compact.StartsWith("不是", StringComparison.Ordinal) || compact.StartsWith("不属于", StringComparison.Ordinal)
        || compact.StartsWith('否') || compact.StartsWith('无') || compact.Contains("非5020", StringComparison.Ordinal);

    /// <summary>Removes a leading ☆/★ (省重点 marker) from a project name.</summary>
    public static string StripStar(string name, out bool starred)
    {
        string trimmed = name.TrimStart();
        starred = trimmed.Length > 0 && trimmed[0] is '☆' or '★';
        return starred ? trimmed.TrimStart('☆', '★', ' ', '\u3000') : trimmed;
    }

    public static IReadOnlyList<string> Ordered(HashSet<string> levels) =>
        levels.Count == 0 ? [] : [.. ProjectLevels.All.Where(levels.Contains)];
}
