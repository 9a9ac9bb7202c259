namespace Reporting.Core.Ingestion.Parsing;

/// <summary>项目级别: a list such as "省重点、省大中型", yes/no columns, and a ☆ or ★ before the name.</summary>
internal static class LevelParser
{
    private static readonly char[] s_separators = ['、', ',', '，', '/', ';', '；', '+', ' ', '|', '\n'];

    /// <summary>Levels named in a list cell; unknown words are ignored (a level is an attribute, not a gate).</summary>
    public static void AddFromList(string text, HashSet<string> levels)
    {
        foreach (string part in ChineseText.ToHalfWidthKeepSpaces(text).Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string? level = Canonical(part);
            if (level is not null)
            {
                levels.Add(level);
            }
        }
    }

    /// <summary>Whether a cell names any level (even one already counted from another column).</summary>
    public static bool NamesAny(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        AddFromList(text, found);
        return found.Count > 0;
    }

    public static string? Canonical(string word)
    {
        string compact = ChineseText.Compact(word).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("“", string.Empty, StringComparison.Ordinal).Replace("”", string.Empty, StringComparison.Ordinal);
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
