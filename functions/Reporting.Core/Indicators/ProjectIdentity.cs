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

    /// <summary>The comparable form of a project name.</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

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

    /// <summary>The comparable form of a project code, or null when there is none.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        string folded = code.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
