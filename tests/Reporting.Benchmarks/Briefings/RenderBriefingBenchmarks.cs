using BenchmarkDotNet.Attributes;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Tests.Briefings;

namespace Reporting.Benchmarks.Briefings;

/// <summary>
/// Composing and rendering the seed's briefing: the two-section cut (一、二 only), the demo
/// briefing (all seven sections) and a long one whose lagging list runs to about 50 pages.
/// Fonts are loaded once per process (as in a warm Functions host), so this measures one render,
/// not the 30 MB font load; start-up is measured separately (startup.sh). Target: at least 200
/// pages per second for the long briefing (the Pages/s column).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[PagesPerSecondColumn]
public class RenderBriefingBenchmarks
{
    private readonly PdfBriefingRenderer _renderer = new();
    private BriefingDocument _demo = null!;
    private BriefingDocument _twoSections = null!;
    private BriefingDocument _long = null!;

    [GlobalSetup]
    public void Setup()
    {
        _demo = BriefingCases.DemoDocument();
        _twoSections = BriefingCases.TwoSectionsDocument();
        _long = BriefingCases.LongDocument();
        _renderer.Render(_demo, Stream.Null); // font load and JIT outside the measurement
    }

    [Benchmark]
    public BriefingDocument Compose() => PingxiangSample.Document();

    [Benchmark]
    public long RenderTwoSections() => Render(_twoSections);

    [Benchmark(Baseline = true)]
    public long RenderDemo() => Render(_demo);

    [Benchmark]
    public long RenderLong() => Render(_long);

    private long Render(BriefingDocument document)
    {
        using var stream = new MemoryStream();
        _renderer.Render(document, stream);
        return stream.Length;
    }
}
