using System.Text.Json.Serialization;

namespace Reporting.Core.Ingestion;

/// <summary>The three spreadsheet kinds departments send (see docs: domain.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatasetKind>))]
public enum DatasetKind
{
    /// <summary>重大项目调度表: one row per project.</summary>
    [JsonStringEnumMemberName("projects")]
    Projects,

    /// <summary>招商引资签约项目表: one row per signed investment project.</summary>
    [JsonStringEnumMemberName("signings")]
    Signings,

    /// <summary>经济运行指标表: one row per indicator.</summary>
    [JsonStringEnumMemberName("metrics")]
    Metrics,
}

public static class DatasetKinds
{
    public static string ToId(this DatasetKind kind) => kind switch
    {
        DatasetKind.Projects => "projects",
        DatasetKind.Signings => "signings",
        DatasetKind.Metrics => "metrics",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToChinese(this DatasetKind kind) => kind switch
    {
        DatasetKind.Projects => "重大项目调度表",
        DatasetKind.Signings => "招商引资签约项目表",
        DatasetKind.Metrics => "经济运行指标表",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? id, out DatasetKind kind)
    {
        switch (id?.Trim().ToLowerInvariant())
        {
            case "projects":
                kind = DatasetKind.Projects;
                return true;
            case "signings":
                kind = DatasetKind.Signings;
                return true;
            case "metrics":
                kind = DatasetKind.Metrics;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
