using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Reporting.Benchmarks.Briefings;

namespace Reporting.Benchmarks;

/// <summary>Allocated bytes per operation divided by the Rows parameter: flat means memory grows no faster than the rows.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BytesPerRowColumnAttribute : ColumnConfigBaseAttribute
{
    public BytesPerRowColumnAttribute()
        : base(new DerivedColumn("Bytes/row", "Allocated bytes per operation / Rows", static (summary, benchmark) =>
        {
            long? bytes = summary[benchmark]?.GcStats.GetBytesAllocatedPerOperation(benchmark);
            return bytes is long allocated && benchmark.Parameters["Rows"] is int rows && rows > 0
                ? (allocated / (double)rows).ToString("N0", CultureInfo.InvariantCulture)
                : "-";
        }))
    {
    }
}

/// <summary>Pages of the rendered briefing divided by the mean time of one render.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PagesPerSecondColumnAttribute : ColumnConfigBaseAttribute
{
    public PagesPerSecondColumnAttribute()
        : base(new DerivedColumn("Pages/s", "Pages of the briefing / mean time of one render", static (summary, benchmark) =>
        {
            string method = benchmark.Descriptor.WorkloadMethod.Name;
            double? meanNs = summary[benchmark]?.ResultStatistics?.Mean;
            int? pages = method switch
            {
                nameof(RenderBriefingBenchmarks.RenderDemo) => BriefingCases.Pages(BriefingCases.DemoDocument()),
                nameof(RenderBriefingBenchmarks.RenderLong) => BriefingCases.Pages(BriefingCases.LongDocument()),
                nameof(RenderBriefingBenchmarks.RenderTwoSections) => BriefingCases.Pages(BriefingCases.TwoSectionsDocument()),
                nameof(ScaleBriefingBenchmarks.DemoComposeAndRender) => BriefingCases.Pages(BriefingCases.DemoDocument()),
                nameof(ScaleBriefingBenchmarks.HundredThousandProjectsComposeAndRender) => BriefingCases.Pages(BriefingCases.ScaleDocument()),
                _ => null,
            };
            return pages is int count && meanNs is double ns && ns > 0
                ? $"{count} p, {count / (ns / 1e9):N0}"
                : "-";
        }))
    {
    }
}

/// <summary>A column computed from the summary after the run (in the host process).</summary>
internal sealed class DerivedColumn(string name, string legend, Func<Summary, BenchmarkCase, string> value) : IColumn
{
    public string Id => "Reporting." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
