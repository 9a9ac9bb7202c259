using BenchmarkDotNet.Attributes;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Attachments;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Tests.Briefings;

namespace Reporting.Benchmarks.Briefings;

/// <summary>
/// A briefing stays short at any scale: composing and rendering the briefing of a city with 100,000 projects
/// (about half of them lagging, read against the month before) against the seed's demo briefing in the same
/// run, and writing the attached 滞后项目清单.xlsx with every lagging project. The indicators are computed in
/// the setup (their cost is <see cref="Indicators.IndicatorBenchmarks"/>'s). Target: the 100,000-project
/// briefing renders in under a second, in at most 12 pages.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[PagesPerSecondColumn]
public class ScaleBriefingBenchmarks
{
    private readonly PdfBriefingRenderer _renderer = new();
    private IndicatorReport _demo = null!;
    private IndicatorReport _scale = null!;

    [GlobalSetup]
    public void Setup()
    {
        _demo = PingxiangSample.Report();
        _scale = BriefingCases.ScaleReport();
        Render(PingxiangSample.Document(_scale)); // font load and JIT outside the measurement
    }

    [Benchmark(Baseline = true)]
    public long DemoComposeAndRender() => Render(PingxiangSample.Document(_demo));

    [Benchmark]
    public long HundredThousandProjectsComposeAndRender() => Render(PingxiangSample.Document(_scale));

    [Benchmark]
    public int LaggingWorkbookOfHundredThousandProjects() => LaggingWorkbook.ToBytesAsync(_scale.Lagging).GetAwaiter().GetResult().Length;

    private long Render(BriefingDocument document)
    {
        using var stream = new MemoryStream();
        _renderer.Render(document, stream);
        return stream.Length;
    }
}
