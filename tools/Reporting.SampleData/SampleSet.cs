using System.Security.Cryptography;
using System.Text;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.SampleData.Sheets;

namespace Reporting.SampleData;

/// <summary>One generated submission: where it goes and its bytes.</summary>
public sealed record SampleFile(string Department, DatasetKind Kind, string FileName, byte[] Content)
{
    /// <summary>Path below the sample folder: <c>{department}/{file}</c>.</summary>
    public string RelativePath => Department + "/" + FileName;
}

/// <summary>
/// The 2022-12 sample submissions of Pingxiang's departments, generated from a fixed seed: the
/// workbooks (<see cref="Files"/>) and, for comparison, the datasets a correct ingestion makes of
/// them (<see cref="Datasets"/>).
/// </summary>
public sealed class SampleSet
{
    public const ulong Seed = 20_221_231;

    public static readonly ReportingPeriod Period = new(2022, 12);

    private static readonly Lazy<SampleSet> s_default = new(() => new SampleSet(Seed));

    private SampleSet(ulong seed)
    {
        var random = new SampleRandom(seed);
        Projects = SampleProjects.Generate(random);
        Signings = SampleSignings.Generate(random);
        Metrics = SampleMetrics.All;
    }

    public static SampleSet Default => s_default.Value;

    internal IReadOnlyList<SampleProject> Projects { get; }

    internal IReadOnlyList<SampleSigning> Signings { get; }

    internal IReadOnlyList<SampleMetric> Metrics { get; }

    public static SampleSet Create(ulong seed = Seed) => new(seed);

    /// <summary>The projects a department lists: its own, and for 安源区 also the shared 经开区 project.</summary>
    internal IReadOnlyList<SampleProject> ProjectsOf(string department)
    {
        List<SampleProject> own = Projects.Where(p => p.County.Department == department).ToList();
        if (department == "anyuan")
        {
            own.Add(Projects.Single(p => p.Name == NamedProjects.SharedProjectName));
        }

        return own;
    }

    public IReadOnlyList<SampleFile> Files() => Sheets().Select(s => s.File).ToList();

    /// <summary>Each file with the grids it was rendered from (for tests that read the files back).</summary>
    internal IReadOnlyList<(SampleFile File, IReadOnlyList<SheetGrid> Sheets)> Sheets()
    {
        var files = new List<(SampleFile, IReadOnlyList<SheetGrid>)>();
        foreach (ProjectLayout layout in ProjectLayouts.All)
        {
            (SheetGrid grid, _) = ProjectSheetBuilder.Build(layout, ProjectsOf(layout.Department));
            SheetGrid[] sheets = layout.ExtraSheet is null ? [grid] : [grid, layout.ExtraSheet];
            byte[] content = layout.Csv ? CsvRenderer.Render(grid, Gb18030()) : XlsxRenderer.Render(sheets);
            files.Add((new SampleFile(layout.Department, DatasetKind.Projects, layout.FileName, content), sheets));
        }

        (SheetGrid signingGrid, _) = SigningSheet.Build(Signings);
        files.Add((new SampleFile("swj", DatasetKind.Signings, SigningSheet.FileName, XlsxRenderer.Render([signingGrid])), [signingGrid]));

        foreach (string department in s_metricDepartments)
        {
            (string fileName, SheetGrid grid, _) = MetricSheets.Build(department, MetricsOf(department));
            files.Add((new SampleFile(department, DatasetKind.Metrics, fileName, XlsxRenderer.Render([grid])), [grid]));
        }

        return files;
    }

    /// <summary>Writes every file to <c>{directory}/{department}/{file}</c>, replacing what is there.</summary>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        var written = new List<string>();
        foreach (SampleFile file in Files())
        {
            string path = Path.Combine(directory, file.Department, file.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// The datasets a correct ingestion makes of <see cref="Files"/>: amounts in 万元, counties
    /// canonical, levels and optional fields only where the department's sheet carries them.
    /// Submissions arrive one minute apart in department order.
    /// </summary>
    public IReadOnlyList<Dataset> Datasets()
    {
        var datasets = new List<Dataset>();
        var receivedAt = new DateTimeOffset(2023, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
        foreach (SampleFile file in Files())
        {
            Dataset dataset = new()
            {
                Kind = file.Kind,
                Period = Period,
                Department = file.Department,
                SourceFile = file.FileName,
                ArchivePath = $"archive/{Period}/{file.Department}/{file.FileName}",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                ReceivedAt = receivedAt,
            };
            receivedAt = receivedAt.AddMinutes(1);
            datasets.Add(file.Kind switch
            {
                DatasetKind.Projects => dataset with { Projects = ProjectRecords(file.Department) },
                DatasetKind.Signings => dataset with { Signings = SigningRecords() },
                _ => dataset with { Metrics = MetricRecords(file.Department) },
            });
        }

        return datasets;
    }

    private static readonly string[] s_metricDepartments = ["gxj", "jrb", "scjgj"];

    private List<SampleMetric> MetricsOf(string department) => Metrics.Where(m => m.Department == department).ToList();

    private List<ProjectRecord> ProjectRecords(string department)
    {
        ProjectLayout layout = ProjectLayouts.For(department);
        (SheetGrid grid, IReadOnlyList<(SampleProject Project, int Row)> rows) = ProjectSheetBuilder.Build(layout, ProjectsOf(department));
        Captures has = layout.Captured;
        return rows.Select(r =>
        {
            SampleProject p = r.Project;
            return new ProjectRecord
            {
                Name = p.Name,
                County = p.County.County,
                Field = p.Field,
                AnnualPlan = p.AnnualPlan,
                Completed = p.Completed,
                Code = has.HasFlag(Captures.Code) ? p.Code : null,
                TotalInvestment = has.HasFlag(Captures.TotalInvestment) ? p.TotalInvestment : null,
                Owner = has.HasFlag(Captures.Owner) ? p.Owner : null,
                ResponsibleUnit = has.HasFlag(Captures.ResponsibleUnit) ? p.ResponsibleUnit : null,
                Levels = p.Levels.Where(layout.Levels.Contains).ToList(),
                Nature = has.HasFlag(Captures.Nature) ? p.Nature : null,
                PlannedStart = has.HasFlag(Captures.PlannedStart) ? Month(layout, p.PlannedStart) : null,
                ActualStart = has.HasFlag(Captures.ActualStart) ? Month(layout, p.ActualStart) : null,
                // Without a 是否开工 column, the reader takes an 实际开工时间 as "started".
                Started = has.HasFlag(Captures.Started) ? p.Started
                    : has.HasFlag(Captures.ActualStart) && p.ActualStart is not null ? true : null,
                CompletedFlag = has.HasFlag(Captures.CompletedFlag) ? p.CompletedFlag : null,
                ProgressNote = has.HasFlag(Captures.ProgressNote) ? p.ProgressNote : null,
                Issues = has.HasFlag(Captures.Issues) ? p.Issues : null,
                Source = new SourceRef(grid.Name, r.Row),
            };
        }).ToList();
    }

    // "2022.3" says only the month: a reader takes its first day.
    private static DateOnly? Month(ProjectLayout layout, DateOnly? date) =>
        date is { } d && layout.Department == "lianhua" ? new DateOnly(d.Year, d.Month, 1) : date;

    private List<SigningRecord> SigningRecords()
    {
        (SheetGrid grid, IReadOnlyList<(SampleSigning Signing, int Row)> rows) = SigningSheet.Build(Signings);
        return rows.Select(r => new SigningRecord
        {
            Name = r.Signing.Name,
            County = r.Signing.County,
            SignedOn = r.Signing.SignedOn,
            Amount = r.Signing.Amount,
            IndustryChain = r.Signing.Chain,
            SourceRegion = r.Signing.Region,
            Is5020 = r.Signing.Is5020,
            ForeignAmountUsd = r.Signing.ForeignUsd,
            Source = new SourceRef(grid.Name, r.Row),
        }).ToList();
    }

    private List<MetricRecord> MetricRecords(string department)
    {
        (_, SheetGrid grid, IReadOnlyList<(SampleMetric Metric, int Row)> rows) = MetricSheets.Build(department, MetricsOf(department));
        return rows.Select(r =>
        {
            SampleMetric m = r.Metric;
            decimal scale = m.Unit == "亿元" ? 10_000m : 1m;
            return new MetricRecord
            {
                // "其中：企业户数" is a sub-item; the reader keeps the indicator's own name.
                Name = m.Name.StartsWith("其中：", StringComparison.Ordinal) ? m.Name["其中：".Length..] : m.Name,
                Unit = m.Unit == "亿元" ? "万元" : m.Unit,
                Value = m.Value * scale,
                Prior = m.Prior * scale,
                YoyReported = m.YoyReported,
                Share = m.Share,
                SharePrior = m.SharePrior,
                Note = m.Note,
                Source = new SourceRef(grid.Name, r.Row),
            };
        }).ToList();
    }

    internal static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
