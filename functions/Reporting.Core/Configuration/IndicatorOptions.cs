namespace Reporting.Core.Configuration;

/// <summary>Thresholds for the lagging-project list (percentage points behind 序时进度) and the order of breakdowns.</summary>
public sealed class IndicatorOptions
{
    /// <summary>A project this many points or more behind schedule (and not beyond <see cref="RedGapPp"/>) is yellow. Default −10.</summary>
    public decimal YellowGapPp { get; set; } = -10m;

    /// <summary>A project more than this many points behind schedule is red. Default −30.</summary>
    public decimal RedGapPp { get; set; } = -30m;

    /// <summary>
    /// Order of the by-county breakdown (the office's customary order, not alphabetical). Empty means
    /// the order of the ingestion vocabulary (<see cref="IngestionOptions.Counties"/>). Counties not
    /// listed follow in ordinal order.
    /// </summary>
    public List<string> CountyOrder { get; set; } = [];

    /// <summary>Order of the by-field breakdown. Empty means the order of <see cref="IngestionOptions.Fields"/>.</summary>
    public List<string> FieldOrder { get; set; } = [];

    /// <summary>These options with empty orders filled from the ingestion vocabularies, so one list configures both.</summary>
    public IndicatorOptions WithOrdersFrom(IngestionOptions ingestion)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        return new IndicatorOptions
        {
            YellowGapPp = YellowGapPp,
            RedGapPp = RedGapPp,
            CountyOrder = CountyOrder.Count > 0 ? CountyOrder : [.. ingestion.EffectiveCounties().Select(c => c.Name)],
            FieldOrder = FieldOrder.Count > 0 ? FieldOrder : [.. ingestion.EffectiveFields().Select(f => f.Name)],
        };
    }

    /// <summary>Configuration mistakes, in English for the operator; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (YellowGapPp > 0)
        {
            problems.Add($"Indicators.YellowGapPp ({YellowGapPp}) must be zero or negative (points behind schedule).");
        }

        if (RedGapPp > YellowGapPp)
        {
            problems.Add($"Indicators.RedGapPp ({RedGapPp}) must not be above Indicators.YellowGapPp ({YellowGapPp}).");
        }

        return problems;
    }
}

/// <summary>Pingxiang's customary orders, used when the configuration does not give its own.</summary>
public static class IndicatorDefaults
{
    /// <summary>The seven county-level units in the order the city's documents list them (the ingestion defaults).</summary>
    public static readonly IReadOnlyList<string> Counties = [.. IngestionOptions.DefaultCounties.Select(c => c.Name)];

    /// <summary>The seven fields (七大领域) of the 项目大会战 (the ingestion defaults).</summary>
    public static readonly IReadOnlyList<string> Fields = [.. IngestionOptions.DefaultFields.Select(f => f.Name)];

    /// <summary>Source regions of signed investment (来源地) in the order the briefing names them.</summary>
    public static readonly IReadOnlyList<string> SourceRegions = ["粤港澳大湾区", "长三角", "长株潭", "其他"];

    /// <summary>Group for signings whose source region is not stated.</summary>
    public const string UnstatedRegion = "未注明";
}
