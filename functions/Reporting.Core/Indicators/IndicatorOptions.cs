namespace Reporting.Core.Indicators;

/// <summary>Thresholds for the lagging-project list (percentage points behind 序时进度).</summary>
public sealed class IndicatorOptions
{
    /// <summary>A project this many points or more behind schedule (and not beyond <see cref="RedGapPp"/>) is yellow. Default −10.</summary>
    public decimal YellowGapPp { get; set; } = -10m;

    /// <summary>A project more than this many points behind schedule is red. Default −30.</summary>
    public decimal RedGapPp { get; set; } = -30m;
}
