using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using static Reporting.Tests.Indicators.Build;

namespace Reporting.Tests.Indicators;

public sealed class DeduplicationTests
{
    private static IndicatorReport Compute(params Dataset[] datasets) =>
        IndicatorEngine.Compute(December, datasets, new IndicatorOptions(), id => id switch { "anyuan" => "安源区", "jingkai" => "萍乡经开区", _ => id });

    [Fact]
    public void A_project_with_the_same_code_in_two_submissions_counts_once_from_the_latest()
    {
        Dataset older = Projects("anyuan", T0, Project("萍乡经开区5G电子科技园", 5000m, 4000m, county: "萍乡经开区", code: "2203-360399-04-01-123456"));
        Dataset newer = Projects("jingkai", T0.AddHours(2), Project("5G电子科技园", 5000m, 4600m, county: "萍乡经开区", code: " 2203-360399-04-01-123456 "));

        IndicatorReport report = Compute(older, newer);

        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(4600m, report.Overall.Completed);
        Finding warning = Assert.Single(report.Warnings);
        Assert.Equal(RuleIds.ProjectDuplicate, warning.RuleId);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("安源区", warning.Message);
        Assert.Contains("萍乡经开区", warning.Message);
        Assert.Contains("项目代码相同", warning.Message);
    }

    [Fact]
    public void Without_a_code_the_same_normalised_name_and_county_is_the_same_project()
    {
        Dataset older = Projects("anyuan", T0, Project("☆中材锂电（萍乡）锂电池隔膜项目", 10000m, 9000m, county: "芦溪县"));
        Dataset newer = Projects("luxi", T0.AddMinutes(1), Project("中材锂电(萍乡) 锂电池隔膜项目", 10000m, 12000m, county: "芦溪县", code: "2201-360323-07-01-000001"));

        IndicatorReport report = Compute(older, newer);

        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(12000m, report.Overall.Completed);
        Assert.Contains("项目名称和县区相同", Assert.Single(report.Warnings).Message);
    }

    [Fact]
    public void The_same_name_in_another_county_is_another_project()
    {
        IndicatorReport report = Compute(
            Projects("anyuan", Project("国省道升级改造项目", 100m, 100m, county: "安源区")),
            Projects("luxi", Project("国省道升级改造项目", 100m, 100m, county: "芦溪县")));

        Assert.Equal(2, report.Overall.Count);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Different_codes_are_different_projects_even_with_the_same_name()
    {
        IndicatorReport report = Compute(
            Projects("anyuan", Project("标准厂房建设项目", 100m, 100m, code: "A-1")),
            Projects("jingkai", Project("标准厂房建设项目", 100m, 100m, code: "A-2")));

        Assert.Equal(2, report.Overall.Count);
    }

    [Fact]
    public void Rows_within_one_submission_are_not_merged_by_the_engine()
    {
        IndicatorReport report = Compute(Projects("anyuan", Project("甲", 100m, 100m), Project("甲", 100m, 100m)));

        Assert.Equal(2, report.Overall.Count);
        Assert.Empty(report.Warnings);
    }

    [Theory]
    [InlineData("☆中材锂电（萍乡）锂电池隔膜项目", "中材锂电萍乡锂电池隔膜项目")]
    [InlineData("★ 萍乡经开区５Ｇ电子科技园 ", "萍乡经开区5g电子科技园")]
    [InlineData("沪昆高速萍乡段改扩建工程【续建】", "沪昆高速萍乡段改扩建工程")]
    [InlineData("  ", "")]
    public void Names_are_compared_without_marks_spaces_widths_or_brackets(string name, string expected) =>
        Assert.Equal(expected, ProjectIdentity.NormalizeName(name));
}
