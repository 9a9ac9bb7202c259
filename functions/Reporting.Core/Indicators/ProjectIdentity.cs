using System.Buffers;
using System.Globalization;
using System.Text;

namespace Reporting.Core.Indicators;

/// <summary>
/// When two rows are the same project: the same 项目代码, or else the same name and county once
/// the cosmetic differences clerks introduce are removed (☆/★ level marks, spaces, full-width
/// characters, brackets of any shape).
/// </summary>
public static class ProjectIdentity
{
    // Brackets are dropped entirely: "中材锂电（萍乡）…" and "中材锂电萍乡…" are the same project.
    private const string Dropped = "☆★※▲△●○◆◇()[]{}<>【】〔〕〖〗《》〈〉「」『』";

    private static readonly SearchValues<char> s_dropped = SearchValues.Create(Dropped);

    /// <summary>The comparable form of a project name.</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        return TryNormalizeCommonName(name) ?? NormalizeNameGeneral(name);
    }

    /// <summary>NFKC, then marks, brackets and spaces dropped and letters lower-cased: the definition.</summary>
    internal static string NormalizeNameGeneral(string name)
    {
        // NFKC folds full-width letters, digits and brackets to their ASCII forms.
        string folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c) || Dropped.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The same result without the normalisation and casing tables, for names made only of ASCII, Chinese
    /// characters, full-width ASCII and the usual Chinese punctuation: NFKC maps full-width ASCII to ASCII and
    /// U+3000 to a space and leaves the rest alone, and none of it but ASCII has case. Null for any other
    /// character. Indicators normalise every project's name, and the tables were a large part of a 100,000-project run.
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

            if (char.IsWhiteSpace(c) || s_dropped.Contains(c))
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

    // What NFKC does to full-width ASCII and the ideographic space.
    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    // No NFKC mapping, no case, not combining: CJK ideographs (Extension A and Unified), 、。 and the
    // brackets 〈〉《》「」『』【】〔〕〖〗, and the level marks of Dropped.
    private static bool IsCaselessAndStable(char c) =>
        c is (>= '\u3400' and <= '\u9FFF') or '\u3001' or '\u3002' or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u3017')
        || (c >= '\u2000' && s_dropped.Contains(c));

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
}
