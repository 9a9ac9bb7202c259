using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>What every section builder reads, plus the running 表/图 numbers.</summary>
internal sealed class CompositionContext(IndicatorReport report, ReportingOptions reporting, BriefingOptions? briefing = null)
{
    private int _tables;
    private int _charts;

    public IndicatorReport Report { get; } = report;

    public ReportingOptions Reporting { get; } = reporting;

    /// <summary>The briefing's own options (the composer's argument, which may differ from <see cref="ReportingOptions.Briefing"/>).</summary>
    public BriefingOptions Briefing { get; } = briefing ?? reporting.Briefing;

    /// <summary>"2022年1-12月".</summary>
    public string PeriodText => Report.Period.ToChineseCumulative();

    public string NextTableCaption(string title) => "表" + Display.Plain(++_tables) + "　" + title;

    public string NextChartCaption(string title) => "图" + Display.Plain(++_charts) + "　" + title;
}
