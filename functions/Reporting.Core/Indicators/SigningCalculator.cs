using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Indicators;

/// <summary>新签约项目: count, 亿元以上 (≥ 10,000 万元, the boundary included), "5020", amount and by source region.</summary>
public static class SigningCalculator
{
    /// <summary>亿元以上 means at least one 亿元 = 10,000 万元.</summary>
    public const decimal Over100mThresholdWan = 10_000m;

    public static SigningSummary Summarize(IEnumerable<SigningRecord> signings)
    {
        ArgumentNullException.ThrowIfNull(signings);
        int count = 0;
        int over100m = 0;
        int p5020 = 0;
        decimal amount = 0m;
        var regions = new Dictionary<string, (int Count, decimal Amount)>(StringComparer.Ordinal);
        foreach (SigningRecord signing in signings)
        {
            count++;
            amount += signing.Amount;
            if (signing.Amount >= Over100mThresholdWan)
            {
                over100m++;
            }

            if (signing.Is5020)
            {
                p5020++;
            }

            string region = string.IsNullOrWhiteSpace(signing.SourceRegion) ? IndicatorDefaults.UnstatedRegion : signing.SourceRegion.Trim();
            (int c, decimal a) = regions.GetValueOrDefault(region);
            regions[region] = (c + 1, a + signing.Amount);
        }

        return new SigningSummary
        {
            Count = count,
            Over100mCount = over100m,
            P5020Count = p5020,
            Amount = amount,
            ByRegion = regions
                .OrderBy(r => RegionOrder(r.Key))
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new RegionSignings(r.Key, r.Value.Count, r.Value.Amount))
                .ToList(),
        };
    }

    // Named regions first in the briefing's order, then anything else a department wrote, then 未注明.
    private static int RegionOrder(string region)
    {
        for (int i = 0; i < IndicatorDefaults.SourceRegions.Count; i++)
        {
            if (IndicatorDefaults.SourceRegions[i] == region)
            {
                return i;
            }
        }

        return region == IndicatorDefaults.UnstatedRegion ? int.MaxValue : int.MaxValue - 1;
    }
}
