using Reporting.Core.Ingestion;

namespace Reporting.SampleData;

/// <summary>Which of the overlapping level sets a project is in (省重点 46, 省大中型 201, overlapping in 20).</summary>
internal enum LevelPart
{
    ProvincialAndLarge,
    ProvincialOnly,
    LargeOnly,
    Neither,
}

internal enum LagPlan
{
    None,
    Yellow,
    Red,
    NotStarted,
}

/// <summary>One generated project with everything any county's layout might print. Amounts in 万元.</summary>
internal sealed class SampleProject
{
    public required CountyProfile County { get; init; }

    public required string Field { get; init; }

    public required int Serial { get; init; }

    public string Name { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public LevelPart Part { get; set; } = LevelPart.Neither;

    public bool Municipal { get; set; }

    public bool P5020 { get; set; }

    /// <summary>Amounts fixed by hand (named projects from the seed); calibration leaves them alone.</summary>
    public bool Pinned { get; set; }

    public LagPlan Lag { get; set; }

    public decimal AnnualPlan { get; set; }

    public decimal Completed { get; set; }

    public decimal TotalInvestment { get; set; }

    public string Nature { get; set; } = "续建";

    public DateOnly PlannedStart { get; set; }

    public DateOnly? ActualStart { get; set; }

    public bool Started { get; set; }

    public bool CompletedFlag { get; set; }

    public string Owner { get; set; } = string.Empty;

    public string ResponsibleUnit { get; set; } = string.Empty;

    public string? Issues { get; set; }

    public string ProgressNote { get; set; } = string.Empty;

    public bool Provincial => Part is LevelPart.ProvincialAndLarge or LevelPart.ProvincialOnly;

    public bool LargeMedium => Part is LevelPart.ProvincialAndLarge or LevelPart.LargeOnly;

    public decimal Ratio => AnnualPlan == 0 ? 0 : Completed / AnnualPlan;

    /// <summary>A copy to set an earlier month's figures on (the year's projects are the same objects each month otherwise).</summary>
    public SampleProject Copy() => (SampleProject)MemberwiseClone();

    /// <summary>Levels in <see cref="ProjectLevels.All"/> order.</summary>
    public IReadOnlyList<string> Levels
    {
        get
        {
            var levels = new List<string>();
            if (Provincial)
            {
                levels.Add(ProjectLevels.Provincial);
            }

            if (LargeMedium)
            {
                levels.Add(ProjectLevels.ProvincialLargeMedium);
            }

            if (Municipal)
            {
                levels.Add(ProjectLevels.Municipal);
            }

            if (P5020)
            {
                levels.Add(ProjectLevels.P5020);
            }

            return levels;
        }
    }
}
