using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The indicator engine's fast paths (identity without the globalisation tables, one-pass sums, one
/// comparison sort) against their definitions, on inputs full of the characters and ties that matter.
/// </summary>
[Properties(MaxTest = 300)]
public sealed class FastPathProperties
{
    // ASCII, Chinese, full-width forms, CJK punctuation and brackets, level marks, and characters the fast
    // path must hand to NFKC: accents, a combining mark, half-width katakana, small and circled forms,
    // Roman numerals, Latin-1, a surrogate pair's halves and the dotless i.
    private static readonly string[] s_pieces =
    [
        "a", "Z", "5", " ", "\t", "-", "(", ")", "安源区", "锂电", "项目", "二期", "５", "Ｇ", "ｇ", "（", "）", "　", "、", "。",
        "【", "】", "〔", "〕", "《", "》", "☆", "★", "※", "▲", "é", "e\u0301", "ｶ", "ﾞ", "﹙", "①", "ⓐ", "Ⅻ", "ⅻ", "ß", "ı", "ﬁ",
        "\uD840\uDC00", "µ", "㎡", "℃", "〸", "＿",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.ListOf(Gen.Elements(s_pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property]
    public Property Name_identity_fast_path_matches_the_definition() =>
        Prop.ForAll(Texts(), text =>
            ProjectIdentity.NormalizeName(text) == (string.IsNullOrWhiteSpace(text) ? string.Empty : ProjectIdentity.NormalizeNameGeneral(text)));

    [Property]
    public Property Code_identity_fast_path_matches_the_definition() =>
        Prop.ForAll(Texts(), text =>
        {
            string? expected = string.IsNullOrWhiteSpace(text) ? null : ProjectIdentity.NormalizeCodeGeneral(text);
            return ProjectIdentity.NormalizeCode(text) == (expected is { Length: > 0 } ? expected : null);
        });

    [Property]
    public Property Lagging_order_is_the_four_key_stable_order() =>
        Prop.ForAll(ProjectRows().ToArbitrary(), projects =>
        {
            var options = new IndicatorOptions();
            List<CountedProject> counted = [.. projects.Select((p, i) => new CountedProject(p, "d" + i))];

            // The definition: every project behind schedule, in LINQ's stable four-key order.
            var expected = counted
                .Where(c => c.Record.AnnualPlan > 0)
                .Select(c => (c.Record.Name, c.Record.County, c.Department, Gap: (c.Record.Completed / c.Record.AnnualPlan * 100m) - 100m))
                .Where(x => LaggingClassifier.Classify(x.Gap, options) is not null)
                .Select(x => (x.Name, x.County, x.Department, Severity: LaggingClassifier.Classify(x.Gap, options)!.Value, x.Gap))
                .OrderByDescending(x => x.Severity)
                .ThenBy(x => x.Gap)
                .ThenBy(x => x.County, StringComparer.Ordinal)
                .ThenBy(x => x.Name, StringComparer.Ordinal)
                .ToList();
            var actual = LaggingClassifier.List(counted, 100m, options)
                .Select(p => (p.Name, p.County, p.Department, p.Severity, Gap: p.ScheduleGapPp))
                .ToList();
            return actual.SequenceEqual(expected);
        });

    [Property]
    public Property Breakdowns_equal_the_sums_of_their_members() =>
        Prop.ForAll(ProjectRows().ToArbitrary(), projects =>
        {
            IndicatorReport report = IndicatorEngine.Compute(December, [Projects("fgw", [.. projects])], new IndicatorOptions());
            bool counties = report.ByCounty.All(g => Same(g.Figures, projects.Where(p => p.County == g.Key)))
                && report.ByCounty.Sum(g => g.Figures.Count) == projects.Length;
            bool fields = report.ByField.All(g => Same(g.Figures, projects.Where(p => p.Field == g.Key)));
            bool levels = ProjectLevels.All.All(level =>
                report.ByLevel.FirstOrDefault(g => g.Key == level) is { } group
                    ? Same(group.Figures, projects.Where(p => p.Levels.Contains(level)))
                    : !projects.Any(p => p.Levels.Contains(level)));
            return counties && fields && levels;
        });

    private static bool Same(ProgressFigures figures, IEnumerable<ProjectRecord> members)
    {
        ProgressFigures expected = ReferenceIndicators.Figures(members, 0m);
        return figures.Count == expected.Count && figures.AnnualPlan == expected.AnnualPlan && figures.Completed == expected.Completed
            && figures.CompletionPct == expected.CompletionPct;
    }

    // Few distinct names, counties and completions, so that every sort key ties somewhere.
    private static Gen<ProjectRecord[]> ProjectRows() =>
        Gen.ArrayOf(
            from name in Gen.Elements("甲", "乙", "丙")
            from county in Gen.Elements("安源区", "湘东区")
            from field in Gen.Elements("工业", "农业")
            from plan in Gen.Elements(0m, 100m, 300m)
            from completed in Gen.Elements(0m, 10m, 50m, 80m, 100m, 95m)
            from levels in Gen.SubListOf(ProjectLevels.All.ToArray())
            select Project(name, plan, completed, county, field, levels: [.. ProjectLevels.All.Where(levels.Contains)]));
}
