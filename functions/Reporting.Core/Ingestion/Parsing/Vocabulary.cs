using Reporting.Core.Configuration;

namespace Reporting.Core.Ingestion.Parsing;

/// <summary>
/// Maps what departments write (安源, 经开区, 萍乡经济技术开发区) to a canonical name. Exact aliases first;
/// otherwise the longest alias contained in the text, unless the text also names a different unit
/// (a joint project "安源区、湘东区" is ambiguous and must be fixed by the clerk).
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _byLength = [];
    private readonly bool _qualifiedIsOther;

    /// <param name="entries">The canonical names and their aliases.</param>
    /// <param name="qualifiedIsOther">
    /// Whether words before a name make another thing (fields: 数字基础设施 is 新型, not 重大基础设施; 新能源 is no 能源 project),
    /// as they do not for counties (萍乡市安源区 is 安源区). Words after it (工业项目, 生态环保类) still match.
    /// </param>
    public Vocabulary(IEnumerable<VocabularyEntry> entries, bool qualifiedIsOther = false)
    {
        _qualifiedIsOther = qualifiedIsOther;
        var names = new List<string>();
        foreach (VocabularyEntry entry in entries)
        {
            string name = entry.Name.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            names.Add(name);
            foreach (string alias in entry.Aliases.Prepend(name))
            {
                string key = ChineseText.Compact(alias);
                if (key.Length > 0 && _exact.TryAdd(key, name))
                {
                    _byLength.Add(new(key, name));
                }
            }
        }

        _byLength.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether the text is exactly a name or an alias ("安源区", "安源"), not merely contains one.</summary>
    public bool IsExactly(string? text) => _exact.ContainsKey(ChineseText.Compact(text));

    public string? Match(string? text) => Match(text, out _);

    /// <summary>
    /// As <see cref="Match(string?)"/>; when the text is a known short name with the wrong administrative
    /// suffix ("安源县" for 安源区, "芦溪区" for 芦溪县) it does not match, and <paramref name="suggestion"/> names
    /// the unit probably meant. 安源镇 (a town in 安源区) is not such a slip.
    /// </summary>
    public string? Match(string? text, out string? suggestion)
    {
        suggestion = null;
        string key = ChineseText.Compact(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_exact.TryGetValue(key, out string? name))
        {
            return name;
        }

        string? found = null;
        string? foundAlias = null;
        foreach ((string alias, string canonical) in _byLength)
        {
            int at = key.IndexOf(alias, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && _qualifiedIsOther))
            {
                continue;
            }

            int after = at + alias.Length;
            if (after < key.Length && key[after] is '县' or '区' or '市' && canonical[^1] is '县' or '区' or '市'
                && !alias.EndsWith(key[after]) && canonical[^1] != key[after] && foundAlias?.Contains(alias, StringComparison.Ordinal) != true)
            {
                suggestion = canonical;
                return null;
            }

            if (found is null)
            {
                found = canonical;
                foundAlias = alias;
            }
            else if (canonical != found && !foundAlias!.Contains(alias, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return found;
    }
}
