using System.Globalization;
using System.Text;

namespace Reporting.Core.Ingestion;

/// <summary>
/// When two rows are the same project, the one rule for the duplicate check inside a file and the count
/// across files: the same 项目代码; or else, when either row has no code, the same name and county once the
/// cosmetic differences clerks introduce are removed (☆/★ level marks, spaces, punctuation, brackets of any
/// shape, full-width characters, letter case). Two different codes are two projects, even under one name.
/// </summary>
public static class ProjectIdentity
{
    /// <summary>The comparable form of a project name: its letters and digits, width-folded and lower-cased.</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        name = WithoutStatusTag(name);
        return TryNormalizeCommonName(name) ?? NormalizeNameGeneral(name);
    }

    // A status written after a name in brackets ("（集中签约）", "（续建）", "（新增）") says how the project stands this
    // month, not which project it is: the copy with it is the same project (it was counted twice). "（一期）", "（二期）" and any
    // other bracket stay: they tell projects apart.
    private static readonly string[] s_statusTags =
    [
        "集中签约", "已签约", "签约", "续建", "新建", "新开工", "计划新开工", "新增", "调入", "调整", "在建", "已开工", "竣工", "已竣工", "投产",
        "已投产", "补报", "储备", "省重点", "市重点", "重点",
    ];

    private static string WithoutStatusTag(string name)
    {
        string trimmed = name.TrimEnd();
        if (trimmed.Length < 4 || trimmed[^1] is not (')' or '）' or '】'))
        {
            return name;
        }

        int open = trimmed.LastIndexOfAny(['(', '（', '【']);
        if (open <= 0)
        {
            return name;
        }

        string inside = trimmed[(open + 1)..^1].Trim();
        return Array.IndexOf(s_statusTags, inside) >= 0 ? trimmed[..open] : name;
    }

    /// <summary>NFKC, then only letters and digits kept, lower-cased: the definition.</summary>
    internal static string NormalizeNameGeneral(string name)
    {
        // NFKC folds full-width letters, digits and brackets to their ASCII forms; runes keep a character
        // beyond the BMP (a 生僻字 of Extension B) whole.
        string folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (Rune rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The same result without the normalisation and casing tables, for names made only of ASCII, Chinese
    /// characters, full-width ASCII and the usual Chinese punctuation: NFKC maps full-width ASCII to ASCII and
    /// U+3000 to a space and leaves the rest alone, and none of it but ASCII has case. Null for any other
    /// character. Every row of every file and every project of every indicator run comes here.
    /// </summary>
    internal static string? TryNormalizeCommonName(string name)
    {
        bool changed = false;
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        foreach (char original in name)
        {
            char c = Fold(original);
            if (c >= 0x80 && !IsCaselessAndStable(c))
            {
                return null;
            }

            if (!char.IsLetterOrDigit(c))
            {
                changed = true;
                continue;
            }

            char lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            changed |= lower != original;
            buffer[length++] = lower;
        }

        return changed ? new string(buffer[..length]) : name;
    }

    /// <summary>The comparable form of a project code, or null when there is none.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        string normalized = TryNormalizeCommonCode(code) ?? NormalizeCodeGeneral(code);
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>NFKC, then spaces dropped and letters upper-cased: the definition.</summary>
    internal static string NormalizeCodeGeneral(string code)
    {
        string folded = code.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>As <see cref="TryNormalizeCommonName"/> for codes: spaces dropped, letters upper-cased, marks kept; the code itself when nothing changes.</summary>
    internal static string? TryNormalizeCommonCode(string code)
    {
        bool changed = false;
        Span<char> buffer = code.Length <= 256 ? stackalloc char[code.Length] : new char[code.Length];
        int length = 0;
        foreach (char original in code)
        {
            char c = Fold(original);
            if (c >= 0x80 && !IsCaselessAndStable(c))
            {
                return null;
            }

            if (char.IsWhiteSpace(c))
            {
                changed = true;
                continue;
            }

            char upper = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            changed |= upper != original;
            buffer[length++] = upper;
        }

        return changed ? new string(buffer[..length]) : code;
    }

    /// <summary>A row's identity, normalised once: code (or null), name and canonical county.</summary>
    public static ProjectKey KeyOf(string? code, string? name, string county) => new(NormalizeCode(code), NormalizeNameIn(name, county), county);

    /// <summary>
    /// The comparable name of a project of <paramref name="county"/>: its own county (and the city) written before the
    /// name says nothing more, so "安源区污水处理厂" and "萍乡市安源区污水处理厂" in 安源区 are "污水处理厂" there (they were
    /// counted twice). Another county's name before it, or a name that is only the county, stays.
    /// </summary>
    public static string NormalizeNameIn(string? name, string county)
    {
        string normalized = NormalizeName(name);
        foreach (string place in (ReadOnlySpan<string>)["萍乡市", "萍乡"])
        {
            if (normalized.StartsWith(place, StringComparison.Ordinal) && normalized.Length > place.Length + 2)
            {
                normalized = normalized[place.Length..];
                break;
            }
        }

        string own = NormalizeName(county);
        return own.Length > 0 && normalized.Length > own.Length + 1 && normalized.StartsWith(own, StringComparison.Ordinal) ? normalized[own.Length..] : normalized;
    }

    /// <summary>A read project's identity.</summary>
    public static ProjectKey KeyOf(ProjectRecord project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return KeyOf(project.Code, project.Name, project.County);
    }

    /// <summary>Whether a match is the same project (same code, or same name and county with at most one code), not merely a question.</summary>
    public static bool IsSameProject(IdentityMatch match) => match is IdentityMatch.SameCode or IdentityMatch.SameNameAndCounty;

    // What NFKC does to full-width ASCII and the ideographic space.
    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    // No NFKC mapping, no case, not combining: CJK ideographs (Extension A and Unified), 、。 and the
    // brackets 〈〉《》「」『』【】〔〕〖〗, and the level marks ☆★※▲△●○◆◇.
    private static bool IsCaselessAndStable(char c) =>
        c is (>= '\u3400' and <= '\u9FFF') or '\u3001' or '\u3002' or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u3017')
        or '☆' or '★' or '※' or '▲' or '△' or '●' or '○' or '◆' or '◇';
}

/// <summary>A project row's identity as <see cref="ProjectIdentity"/> compares it.</summary>
public readonly record struct ProjectKey(string? Code, string Name, string County);

/// <summary>How a row relates to a project already seen.</summary>
public enum IdentityMatch
{
    /// <summary>Not seen before.</summary>
    None,

    /// <summary>The same 项目代码: the same project.</summary>
    SameCode,

    /// <summary>The same name and county, and at most one of the two has a code: the same project.</summary>
    SameNameAndCounty,

    /// <summary>The same name and county under two different codes: two projects, worth a question to the clerk.</summary>
    SameNameOtherCode,
}

/// <summary>
/// The projects seen so far, looked up by <see cref="ProjectIdentity"/>'s rule. The first one added under
/// a key stays; a later one under the same key is not added.
/// </summary>
public sealed class ProjectIndex<T>(int capacity = 0)
{
    private readonly Dictionary<string, T> _byCode = new(capacity, StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string County), (T Value, string? Code)> _byName = new(capacity);

    public bool IsEmpty => _byName.Count == 0 && _byCode.Count == 0;

    public IdentityMatch Find(in ProjectKey key, out T? found)
    {
        if (key.Code is not null && _byCode.TryGetValue(key.Code, out found))
        {
            return IdentityMatch.SameCode;
        }

        if (key.Name.Length > 0 && _byName.TryGetValue((key.Name, key.County), out (T Value, string? Code) sameName))
        {
            found = sameName.Value;
            return key.Code is null || sameName.Code is null ? IdentityMatch.SameNameAndCounty : IdentityMatch.SameNameOtherCode;
        }

        found = default;
        return IdentityMatch.None;
    }

    public void Add(in ProjectKey key, T value)
    {
        if (key.Code is not null)
        {
            _byCode.TryAdd(key.Code, value);
        }

        if (key.Name.Length > 0)
        {
            _byName.TryAdd((key.Name, key.County), (value, key.Code));
        }
    }
}
