using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Tests.Briefings;

namespace Reporting.Benchmarks.Briefings;

/// <summary>
/// The briefings the rendering benchmarks, the pages/s column and the Chromium side-by-side share,
/// so every number about a case describes the same content.
/// </summary>
internal static class BriefingCases
{
    public const string TwoSections = "two";
    public const string Demo = "demo";
    public const string Long = "long";
    public const string Scale = "scale";

    /// <summary>Projects in the scale case: the briefing must stay short however many there are.</summary>
    public const int ScaleProjects = 100_000;

    /// <summary>Lagging projects that make the long briefing run to about 50 pages.</summary>
    public const int LongLaggingProjects = 705;

    public static IReadOnlyList<string> Names { get; } = [TwoSections, Demo, Long, Scale];

    /// <summary>The seed's briefing cut to 一、二 (overview and counties), without the 版记.</summary>
    public static BriefingDocument TwoSectionsDocument()
    {
        BriefingDocument demo = DemoDocument();
        return demo with { Sections = demo.Sections.Take(2).ToArray(), Distribution = [] };
    }

    /// <summary>The seed's briefing with all seven sections (what <c>reporting demo</c> prints).</summary>
    public static BriefingDocument DemoDocument() => PingxiangSample.Document();

    /// <summary>
    /// The same briefing with a long lagging list (红色/黄色预警项目清单) running over many pages: every project named
    /// (LaggingListLimit 0), as before the list was cut to the furthest behind, so the runs stay comparable.
    /// </summary>
    public static BriefingDocument LongDocument() =>
        PingxiangSample.Document(PingxiangSample.Report(lagging: PingxiangSample.ManyLagging(LongLaggingProjects)), laggingListLimit: 0);

    /// <summary>Indicators of a city with 100,000 projects over November and December, about half of them lagging.</summary>
    public static IndicatorReport ScaleReport() => ScaleSample.Report(ScaleProjects);

    /// <summary>Its briefing with the default lagging list limit (20 named, 等M个项目 for the rest).</summary>
    public static BriefingDocument ScaleDocument() => PingxiangSample.Document(ScaleReport());

    public static BriefingDocument Document(string name) => name switch
    {
        TwoSections => TwoSectionsDocument(),
        Demo => DemoDocument(),
        Long => LongDocument(),
        Scale => ScaleDocument(),
        _ => throw new ArgumentException($"Unknown briefing '{name}'; use {string.Join(" or ", Names)}.", nameof(name)),
    };

    public static int Pages(BriefingDocument document) => new PdfBriefingRenderer().Layout(document).Pages.Count;
}
