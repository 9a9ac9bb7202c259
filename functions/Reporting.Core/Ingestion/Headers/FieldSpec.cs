namespace Reporting.Core.Ingestion.Headers;

internal enum ValueKind
{
    Text,
    Amount,
    Number,
    Percent,
    Date,
    Boolean,
    LevelList,
    LevelFlag,
    County,
    Field,
}

/// <summary>
/// A header pattern: every word in <see cref="All"/> present and none in <see cref="None"/>. With
/// <see cref="Exact"/> the normalised header must equal the single word (e.g. 单位). <see cref="Bonus"/>
/// lifts a pattern above others of the same length (所属领域 over 产业类别).
/// </summary>
internal sealed record HeaderPattern(string[] All, string[] None, bool Exact = false, int Bonus = 0)
{
    /// <summary>How specific a match is: longer key words beat shorter ones; an exact header beats both.</summary>
    public int Score(string key)
    {
        if (Exact)
        {
            return key == All[0] ? 100 : 0;
        }

        int score = 0;
        foreach (string word in All)
        {
            if (!key.Contains(word, StringComparison.Ordinal))
            {
                return 0;
            }

            score += word.Length;
        }

        foreach (string word in None)
        {
            if (key.Contains(word, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        // A header that is exactly the key word edges out one that merely contains it.
        return (key.Length == score ? score + 1 : score) + Bonus;
    }
}

/// <summary>A canonical field of one input kind and the ways its header is written.</summary>
internal sealed record FieldSpec(string Key, string Label, ValueKind Kind, bool Required, bool Distinctive, HeaderPattern[] Patterns)
{
    /// <summary>For level flags (是否省重点…): the level the column marks.</summary>
    public string? Level { get; init; }

    public int Score(string key)
    {
        int best = 0;
        foreach (HeaderPattern pattern in Patterns)
        {
            best = Math.Max(best, pattern.Score(key));
        }

        return best;
    }
}
