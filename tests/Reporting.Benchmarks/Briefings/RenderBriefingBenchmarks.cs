using BenchmarkDotNet.Attributes;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Tests.Briefings;

namespace Reporting.Benchmarks.Briefings;

/// <summary>
/// Composing and rendering the seed's briefing: the two-page cut (一、二 only) and the full
/// seven sections. Fonts are loaded once per process (as in a warm Functions host), so this
/// measures one render, not the 30 MB font load.
/// </summary>
[MemoryDiagnoser]
public class RenderBriefingBenchmarks
{
    private readonly PdfBriefingRenderer _renderer = new();
    private BriefingDocument _full = null!;
    private BriefingDocument _twoPages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _full = PingxiangSample.Document();
        _twoPages = _full with { Sections = _full.Sections.Take(2).ToArray(), Distribution = [] };
        _renderer.Render(_full, Stream.Null); // font load and JIT outside the measurement
    }

    [Benchmark]
    public BriefingDocument Compose() => PingxiangSample.Document();

    [Benchmark]
    public long RenderTwoPages() => Render(_twoPages);

    [Benchmark]
    public long RenderFull() => Render(_full);

    private long Render(BriefingDocument document)
    {
        using var stream = new MemoryStream();
        _renderer.Render(document, stream);
        return stream.Length;
    }
}
