using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion;

/// <summary>Finds the configured department a sheet's 填报单位 names ("安源区发改委" → anyuan).</summary>
public static class DepartmentResolver
{
    public static string? Resolve(ReportingOptions options, string? writtenName)
    {
        ArgumentNullException.ThrowIfNull(options);
        string written = ChineseText.Compact(writtenName);
        if (written.Length == 0)
        {
            return null;
        }

        DepartmentOptions? best = null;
        foreach (DepartmentOptions department in options.Departments)
        {
            string name = ChineseText.Compact(department.Name);
            if (name.Length == 0)
            {
                continue;
            }

            // 市商务局 is written 萍乡市商务局 or 商务局; 安源区 is written 安源区发改委.
            string bare = name.StartsWith('市') ? name[1..] : name;
            bool matches = written.Contains(name, StringComparison.Ordinal) || (bare.Length >= 2 && written.Contains(bare, StringComparison.Ordinal));
            if (matches && (best is null || name.Length > ChineseText.Compact(best.Name).Length))
            {
                best = department;
            }
        }

        if (best is null && new Vocabulary(options.Ingestion.EffectiveCounties()).Match(written) is string county)
        {
            // "萍乡经济技术开发区经济发展局" and "武功山管委会" name their county by an alias.
            best = options.Departments.FirstOrDefault(d => ChineseText.Compact(d.Name) == county);
        }

        return best?.Id;
    }
}
