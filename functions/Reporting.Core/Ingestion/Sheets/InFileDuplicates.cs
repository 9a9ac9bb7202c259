using System.Runtime.InteropServices;
using System.Text;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>The same project twice in one file, on one sheet or across its sheets.</summary>
internal sealed class InFileDuplicates
{
    /// <summary>First occurrence of each project code (compacted, upper-cased).</summary>
    private readonly Dictionary<string, SourceRef> _codes = new(StringComparer.Ordinal);

    /// <summary>First occurrence of each project name and county: "IDENTITYNAME|county".</summary>
    private readonly Dictionary<string, SourceRef> _names = new(StringComparer.Ordinal);

    public void Check(SheetContext sheet, int row, SourceRef here, string name, string county, string? code)
    {
        // One hash look-up per key, and no key built by concatenation: this runs for every row and its keys
        // stay alive for the whole file.
        bool warned = false;
        if (!string.IsNullOrWhiteSpace(code))
        {
            warned = Register(sheet, _codes, ChineseText.Compact(code).ToUpperInvariant(), here, row, name, "项目代码相同", warned);
        }

        Register(sheet, _names, IdentityKey(name, county), here, row, name, "项目名称和县区相同", warned);
    }

    // Returns whether a duplicate warning has now been given for the row.
    private static bool Register(SheetContext sheet, Dictionary<string, SourceRef> identities, string key, SourceRef here, int row, string name, string why, bool warned)
    {
        ref SourceRef? first = ref CollectionsMarshal.GetValueRefOrAddDefault(identities, key, out bool exists);
        if (!exists)
        {
            first = here;
            return warned;
        }

        if (!warned)
        {
            string where = first!.Sheet == sheet.Sheet ? $"第{first.Row}行" : $"工作表“{first.Sheet}”第{first.Row}行";
            sheet.Warn(RuleIds.ProjectDuplicate, row, sheet[FieldCatalog.Name]!, name, $"与{where}的项目重复（{why}），请删除重复行或核实。");
        }

        return true;
    }

    /// <summary><see cref="IdentityName"/>, "|" and the county, built in one string.</summary>
    internal static string IdentityKey(string name, string county)
    {
        string compact = ChineseText.Compact(name);
        int length = compact.Length + 1 + county.Length;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        int at = 0;
        foreach (char c in compact)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[at++] = ChineseText.ToUpperInvariant(c);
            }
        }

        buffer[at++] = '|';
        county.AsSpan().CopyTo(buffer[at..]);
        return new string(buffer[..(at + county.Length)]);
    }

    /// <summary>Name for identity: no spaces, marks or punctuation, full-width folded, Latin upper-cased.</summary>
    internal static string IdentityName(string name)
    {
        string compact = ChineseText.Compact(name);
        var builder = new StringBuilder(compact.Length);
        foreach (char c in compact)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(ChineseText.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
