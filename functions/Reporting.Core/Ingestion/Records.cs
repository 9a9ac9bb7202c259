namespace Reporting.Core.Ingestion;

/// <summary>Project levels recognised by the indicators (项目级别).</summary>
public static class ProjectLevels
{
    public const string Provincial = "省重点";
    public const string ProvincialLargeMedium = "省大中型";
    public const string Municipal = "市重点";
    public const string P5020 = "5020";

    public static readonly IReadOnlyList<string> All = [Provincial, ProvincialLargeMedium, Municipal, P5020];
}

/// <summary>One row of a 重大项目调度表. Amounts in 万元.</summary>
public sealed record ProjectRecord
{
    public required string Name { get; init; }

    /// <summary>Canonical county-level unit (one of the configured seven), after alias matching.</summary>
    public required string County { get; init; }

    /// <summary>Canonical field (领域), one of the configured fields.</summary>
    public required string Field { get; init; }

    /// <summary>年度计划投资, 万元.</summary>
    public required decimal AnnualPlan { get; init; }

    /// <summary>自年初累计完成投资, 万元.</summary>
    public required decimal Completed { get; init; }

    public string? Code { get; init; }

    public decimal? TotalInvestment { get; init; }

    public string? Owner { get; init; }

    public string? ResponsibleUnit { get; init; }

    /// <summary>Subset of <see cref="ProjectLevels.All"/>, in that order.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>建设性质: 新建, 续建, 竣工投产, 前期.</summary>
    public string? Nature { get; init; }

    public DateOnly? PlannedStart { get; init; }

    public DateOnly? ActualStart { get; init; }

    /// <summary>是否开工; null when the sheet does not say.</summary>
    public bool? Started { get; init; }

    public DateOnly? PlannedCompletion { get; init; }

    /// <summary>是否竣工投产.</summary>
    public bool? CompletedFlag { get; init; }

    public string? ProgressNote { get; init; }

    public string? Issues { get; init; }

    public string? Leader { get; init; }

    public required SourceRef Source { get; init; }
}

/// <summary>One row of a 招商引资签约项目表. Amounts in 万元.</summary>
public sealed record SigningRecord
{
    public required string Name { get; init; }

    public required string County { get; init; }

    public DateOnly? SignedOn { get; init; }

    /// <summary>签约金额 / 合同投资额, 万元.</summary>
    public required decimal Amount { get; init; }

    public string? IndustryChain { get; init; }

    /// <summary>来源地: 粤港澳大湾区, 长三角, 长株潭, 其他.</summary>
    public string? SourceRegion { get; init; }

    public bool Is5020 { get; init; }

    public decimal? ForeignAmountUsd { get; init; }

    public required SourceRef Source { get; init; }
}

/// <summary>One row of a 经济运行指标表.</summary>
public sealed record MetricRecord
{
    /// <summary>指标名称 as the department wrote it, trimmed.</summary>
    public required string Name { get; init; }

    /// <summary>Unit after normalisation: amounts are stored in 万元 whatever the sheet used; counts keep their unit (个, 户).</summary>
    public string? Unit { get; init; }

    public decimal? Value { get; init; }

    public decimal? Prior { get; init; }

    /// <summary>同比增长 in percent as reported (24.7 means 24.7%); takes precedence over the ratio of levels.</summary>
    public decimal? YoyReported { get; init; }

    /// <summary>占比/比重 in percent.</summary>
    public decimal? Share { get; init; }

    /// <summary>上年同期比重 in percent.</summary>
    public decimal? SharePrior { get; init; }

    public string? Note { get; init; }

    public required SourceRef Source { get; init; }
}
