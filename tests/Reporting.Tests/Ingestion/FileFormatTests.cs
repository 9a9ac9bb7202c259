using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class FileFormatTests
{
    private static IngestionOutcome ReadFixture(string name, string? department)
    {
        using FileStream file = File.OpenRead(TestWorkbooks.FixturePath(name));
        return TestWorkbooks.Read(file, name, department);
    }

    [Fact]
    public void Reads_a_legacy_xls_with_merged_header_total_row_and_department_line()
    {
        IngestionOutcome outcome = ReadFixture("projects-lianhua-2022-12.xls", department: null);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal(("lianhua", "莲花县发改委", new ReportingPeriod(2022, 12)), (outcome.DepartmentId!, outcome.DepartmentName!, outcome.Period!.Value));
        Assert.Collection(
            outcome.Projects,
            // "本年度计划/形象进度" is the planned progress, not the progress made: it must not fill ProgressNote.
            p => Assert.Equal(("莲花县城市更新", "莲花县", "公共服务", 1500m, 2020.5m, (string?)null), (p.Name, p.County, p.Field, p.AnnualPlan, p.Completed, p.ProgressNote)),
            p => Assert.Equal(("莲花现代农业园", 2000m, 2000m), (p.Name, p.AnnualPlan, p.Completed)));
        Assert.Equal([ProjectLevels.Provincial], outcome.Projects[0].Levels);
        Assert.Equal(new SourceRef("项目表", 7), outcome.Projects[0].Source);
    }

    [Fact]
    public void Reads_a_legacy_xls_metrics_sheet()
    {
        IngestionOutcome outcome = ReadFixture("metrics-jrb-2022-12.xls", department: "jrb");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal([1471800m, 320000m, 2295m], outcome.Metrics.Select(m => m.Value!.Value));
        Assert.Equal(["万元", "万元", "个"], outcome.Metrics.Select(m => m.Unit));
    }

    [Fact]
    public void Reads_a_gb18030_csv_with_unit_note_and_full_width_digits()
    {
        IngestionOutcome outcome = ReadFixture("projects-luxi-2022-12-gb18030.csv", department: null);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Equal("luxi", outcome.DepartmentId);
        Assert.Collection(
            outcome.Projects,
            p => Assert.Equal(("中材锂电（萍乡）锂电池隔膜项目", "芦溪县", 125000m, 158000m), (p.Name, p.County, p.AnnualPlan, p.Completed)),
            p => Assert.Equal(("芦溪县污水处理提标改造", 8000m, 0m, false), (p.Name, p.AnnualPlan, p.Completed, p.Started!.Value)));
        Assert.Equal("projects-luxi-2022-12-gb18030", outcome.Projects[0].Source.Sheet);
    }

    [Fact]
    public void Reads_a_utf8_csv_with_bom()
    {
        IngestionOutcome outcome = ReadFixture("signings-swj-2022-12-utf8bom.csv", department: "swj");

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        Assert.Collection(
            outcome.Signings,
            s => Assert.Equal(("佳禾智能产业园", "萍乡经开区", 50000m, new DateOnly(2022, 3, 1), "粤港澳大湾区", true), (s.Name, s.County, s.Amount, s.SignedOn!.Value, s.SourceRegion!, s.Is5020)),
            s => Assert.Equal(("湘东区", 12000m, new DateOnly(2022, 6, 1), "长三角", false), (s.County, s.Amount, s.SignedOn!.Value, s.SourceRegion!, s.Is5020)));
    }
}
