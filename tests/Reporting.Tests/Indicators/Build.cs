using System.Globalization;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Indicators;

/// <summary>Small builders for hand-computed indicator cases.</summary>
internal static class Build
{
    public static readonly ReportingPeriod December = new(2022, 12);
    public static readonly DateTimeOffset T0 = new(2023, 1, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static ProjectRecord Project(
        string name, decimal plan, decimal completed, string county = "安源区", string field = "工业", string? code = null, string[]? levels = null) => new()
        {
            Name = name,
            County = county,
            Field = field,
            AnnualPlan = plan,
            Completed = completed,
            Code = code,
            Levels = levels ?? [],
            Source = new SourceRef("Sheet1", 5),
        };

    public static Dataset Projects(string department, DateTimeOffset receivedAt, params ProjectRecord[] projects) =>
        Dataset(DatasetKind.Projects, department, receivedAt) with { Projects = projects };

    public static Dataset Projects(string department, params ProjectRecord[] projects) => Projects(department, T0, projects);

    public static Dataset Signings(string department, params SigningRecord[] signings) =>
        Dataset(DatasetKind.Signings, department, T0) with { Signings = signings };

    public static Dataset Metrics(string department, params MetricRecord[] metrics) =>
        Dataset(DatasetKind.Metrics, department, T0) with { Metrics = metrics };

    public static SigningRecord Signing(decimal amount, string? region = "长三角", bool is5020 = false, string name = "签约项目") => new()
    {
        Name = name,
        County = "安源区",
        Amount = amount,
        SourceRegion = region,
        Is5020 = is5020,
        Source = new SourceRef("签约项目", 4),
    };

    public static MetricRecord Metric(
        string name, decimal? value = null, decimal? prior = null, decimal? yoy = null, decimal? share = null, decimal? sharePrior = null, string? unit = null, int row = 4) => new()
        {
            Name = name,
            Unit = unit,
            Value = value,
            Prior = prior,
            YoyReported = yoy,
            Share = share,
            SharePrior = sharePrior,
            Source = new SourceRef("指标", row),
        };

    public static Dataset Dataset(DatasetKind kind, string department, DateTimeOffset receivedAt, ReportingPeriod? period = null) => new()
    {
        Kind = kind,
        Period = period ?? December,
        Department = department,
        SourceFile = department + ".xlsx",
        ArchivePath = $"archive/2022-12/{department}/x.xlsx",
        Sha256 = (department + receivedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).PadRight(64, '0'),
        ReceivedAt = receivedAt,
    };
}
