using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Pipeline;

/// <summary>One county's headline figures in a draft.</summary>
public sealed record CountyFigures(string County, int Count, decimal Completed, decimal? CompletionPct, int? Rank);

/// <summary>
/// The figures a reviewer checks first, kept with each draft so the office sees what moved when a department
/// resubmits between two drafts. Unrounded; printed through <see cref="Display"/>.
/// </summary>
public sealed record HeadlineFigures
{
    public int Projects { get; init; }

    public decimal AnnualPlan { get; init; }

    public decimal Completed { get; init; }

    public decimal? CompletionPct { get; init; }

    public int Lagging { get; init; }

    public int? Signings { get; init; }

    public decimal? SigningAmount { get; init; }

    public IReadOnlyList<CountyFigures> Counties { get; init; } = [];

    public static HeadlineFigures Of(IndicatorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new HeadlineFigures
        {
            Projects = report.Overall.Count,
            AnnualPlan = report.Overall.AnnualPlan,
            Completed = report.Overall.Completed,
            CompletionPct = report.Overall.CompletionPct,
            Lagging = report.Lagging.Count,
            Signings = report.Signings?.Count,
            SigningAmount = report.Signings?.Amount,
            Counties = [.. report.ByCounty.Select(c => new CountyFigures(c.Key, c.Figures.Count, c.Figures.Completed, c.Figures.CompletionPct, c.Rank))],
        };
    }
}

/// <summary>What moved between two drafts, in sentences the office reads: only what changed is said.</summary>
public static class DraftChanges
{
    public static IReadOnlyList<string> Between(HeadlineFigures? before, HeadlineFigures after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [];
        }

        var changes = new List<string>();
        if (before.Projects != after.Projects)
        {
            changes.Add($"全市重大项目：{before.Projects}个 → {after.Projects}个");
        }

        if (before.AnnualPlan != after.AnnualPlan)
        {
            changes.Add($"年度计划投资：{Display.YiYuan(before.AnnualPlan)} → {Display.YiYuan(after.AnnualPlan)}");
        }

        if (before.Completed != after.Completed)
        {
            changes.Add($"累计完成投资：{Display.YiYuan(before.Completed)} → {Display.YiYuan(after.Completed)}");
        }

        if (before.CompletionPct != after.CompletionPct)
        {
            changes.Add($"完成年计划投资：{Display.Percent(before.CompletionPct)} → {Display.Percent(after.CompletionPct)}");
        }

        if (before.Lagging != after.Lagging)
        {
            changes.Add($"滞后项目：{before.Lagging}个 → {after.Lagging}个");
        }

        if (before.Signings != after.Signings || before.SigningAmount != after.SigningAmount)
        {
            changes.Add($"新签约项目：{Display.Count(before.Signings)}个、{Display.YiYuan(before.SigningAmount)} → {Display.Count(after.Signings)}个、{Display.YiYuan(after.SigningAmount)}");
        }

        foreach (CountyFigures county in after.Counties)
        {
            CountyFigures? old = before.Counties.FirstOrDefault(c => c.County == county.County);
            if (old is null)
            {
                changes.Add($"{county.County}：新出现，{county.Count}个项目，完成率{Display.Percent(county.CompletionPct)}");
            }
            else if (old.Count != county.Count || old.Completed != county.Completed || old.CompletionPct != county.CompletionPct || old.Rank != county.Rank)
            {
                string rank = old.Rank != county.Rank ? $"，排名第{Display.Count(old.Rank)} → 第{Display.Count(county.Rank)}" : string.Empty;
                changes.Add($"{county.County}：完成率{Display.Percent(old.CompletionPct)} → {Display.Percent(county.CompletionPct)}（累计完成{Display.YiYuan(old.Completed)} → {Display.YiYuan(county.Completed)}）{rank}");
            }
        }

        foreach (CountyFigures gone in before.Counties.Where(b => after.Counties.All(a => a.County != b.County)))
        {
            changes.Add($"{gone.County}：不再有项目");
        }

        return changes;
    }
}
