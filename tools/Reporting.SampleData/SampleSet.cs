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

    /// <summary>A first version that the department corrected with a later upload the same month (the later one counts).</summary>
    public bool Superseded { get; init; }
}

/// <summary>
/// The 2022 sample submissions of Pingxiang's departments, January to December, generated from a fixed seed:
/// the workbooks (<see cref="Files(int)"/>) and, for comparison, the datasets a correct ingestion makes of them
/// (<see cref="Datasets(int)"/>). December is the seed's month; the earlier months follow from it (<see cref="SampleYear"/>).
/// </summary>
public sealed class SampleSet
{
    public const ulong Seed = 20_221_231;

    public static readonly ReportingPeriod Period = new(2022, 12);

    private static readonly Lazy<SampleSet> s_default = new(() => new SampleSet(Seed));

    /// <summary>Every month the samples cover: January to December 2022.</summary>
    public static IReadOnlyList<ReportingPeriod> Periods => SampleYear.Periods;

    private readonly SampleYear _year;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<(SampleFile File, IReadOnlyList<SheetGrid> Sheets)>> _rendered = new();

    private SampleSet(ulong seed)
    {
        var random = new SampleRandom(seed);
        Projects = SampleProjects.Generate(random);
        Signings = SampleSignings.Generate(random);
        Metrics = SampleMetrics.All;
        _year = new SampleYear(Projects, seed);
    }

    public static SampleSet Default => s_default.Value;

    internal IReadOnlyList<SampleProject> Projects { get; }

    internal IReadOnlyList<SampleSigning> Signings { get; }

    internal IReadOnlyList<SampleMetric> Metrics { get; }

    public static SampleSet Create(ulong seed = Seed) => new(seed);

    /// <summary>The projects a department lists in <paramref name="month"/>: its own, and for 安源区 also the shared 经开区 project.</summary>
    internal IReadOnlyList<SampleProject> ProjectsOf(string department, int month = 12) => ProjectsOf(department, _year.ProjectsIn(month));

    internal IReadOnlyList<SampleProject> ProjectsIn(int month) => _year.ProjectsIn(month);

    private static List<SampleProject> ProjectsOf(string department, IReadOnlyList<SampleProject> projects)
    {
        List<SampleProject> own = projects.Where(p => p.County.Department == department).ToList();
        if (department == "anyuan")
        {
            own.Add(projects.Single(p => p.Name == NamedProjects.SharedProjectName));
        }

        return own;
    }

    /// <summary>December's files (the seed's month).</summary>
    public IReadOnlyList<SampleFile> Files() => Files(12);

    /// <summary>
    /// The files of <paramref name="month"/>, in the order a department uploads them: a first version that was
    /// corrected later in the month comes before its correction.
    /// </summary>
    public IReadOnlyList<SampleFile> Files(int month) => Sheets(month).Select(s => s.File).ToList();

    /// <summary>December's files with the grids they were rendered from (for tests that read the files back).</summary>
    internal IReadOnlyList<(SampleFile File, IReadOnlyList<SheetGrid> Sheets)> Sheets() => Sheets(12);

    // Rendering a month's workbooks takes a while and a set never changes: each month is rendered once.
    internal IReadOnlyList<(SampleFile File, IReadOnlyList<SheetGrid> Sheets)> Sheets(int month) => _rendered.GetOrAdd(month, Render);
    private List<(SampleFile File, IReadOnlyList<SheetGrid> Sheets)> Render(int month)
    {
        var files = new List<(SampleFile, IReadOnlyList<SheetGrid>)>();
        IReadOnlyList<SampleProject> projects = _year.ProjectsIn(month);
        foreach (ProjectLayout layout in ProjectLayouts.For(month))
        {
            if (SampleYear.Resubmissions.Contains((month, layout.Department)))
            {
                (SampleFile first, IReadOnlyList<SheetGrid> firstSheets) = ProjectFile(layout, ProjectsOf(layout.Department, _year.FirstVersion(projects, layout.Department, month)));
                files.Add((first with { Superseded = true }, firstSheets));
                (SampleFile corrected, IReadOnlyList<SheetGrid> correctedSheets) = ProjectFile(layout, ProjectsOf(layout.Department, projects));
                files.Add((corrected with { FileName = CorrectedName(corrected.FileName) }, correctedSheets));
                continue;
            }

            files.Add(ProjectFile(layout, ProjectsOf(layout.Department, projects)));
        }

        (SheetGrid signingGrid, _) = SigningSheet.Build(SampleYear.SigningsIn(Signings, month), month);
        files.Add((new SampleFile("swj", DatasetKind.Signings, SigningSheet.FileNameFor(month), XlsxRenderer.Render([signingGrid])), [signingGrid]));

        foreach (string department in s_metricDepartments)
        {
            (string fileName, SheetGrid grid, _) = MetricSheets.Build(department, MetricsOf(department, month), month);
            files.Add((new SampleFile(department, DatasetKind.Metrics, fileName, XlsxRenderer.Render([grid])), [grid]));
        }

        return files;
    }

    private static (SampleFile, IReadOnlyList<SheetGrid>) ProjectFile(ProjectLayout layout, IReadOnlyList<SampleProject> projects)
    {
        (SheetGrid grid, _) = ProjectSheetBuilder.Build(layout, projects);
        SheetGrid[] sheets = layout.ExtraSheet is null ? [grid] : [grid, layout.ExtraSheet];
        byte[] content = layout.Csv ? CsvRenderer.Render(grid, Gb18030()) : XlsxRenderer.Render(sheets);
        return (new SampleFile(layout.Department, DatasetKind.Projects, layout.FileName, content), sheets);
    }

    /// <summary>"…表.xlsx" → "…表（更正）.xlsx": after the first version in name order, as it is in time.</summary>
    internal static string CorrectedName(string fileName) => Path.GetFileNameWithoutExtension(fileName) + "（更正）" + Path.GetExtension(fileName);

    /// <summary>Writes December's files to <c>{directory}/{department}/{file}</c>, replacing what is there.</summary>
    public IReadOnlyList<string> WriteTo(string directory) => Write(directory, Files(12));

    /// <summary>Writes every month's files to <c>{root}/{period}/{department}/{file}</c>, replacing what is there.</summary>
    public IReadOnlyList<string> WriteYearTo(string root) =>
        [.. Periods.SelectMany(period => Write(Path.Combine(root, period.ToString()), Files(period.Month)))];

    private static List<string> Write(string directory, IReadOnlyList<SampleFile> files)
    {
        var written = new List<string>();
        foreach (SampleFile file in files)
        {
            string path = Path.Combine(directory, file.Department, file.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            written.Add(path);
        }

        return written;
    }

    /// <summary>December's datasets.</summary>
    public IReadOnlyList<Dataset> Datasets() => Datasets(12);

    /// <summary>
    /// The datasets a correct ingestion makes of <see cref="Files(int)"/> (the corrected version where a department
    /// resubmitted): amounts in 万元, counties canonical, levels and optional fields only where the department's
    /// sheet carries them. Submissions arrive one minute apart in department order, on the 5th of the next month.
    /// </summary>
    public IReadOnlyList<Dataset> Datasets(int month)
    {
        var period = new ReportingPeriod(2022, month);
        var datasets = new List<Dataset>();
        DateOnly fifth = period.EndExclusive.AddDays(4);
        var receivedAt = new DateTimeOffset(fifth.Year, fifth.Month, fifth.Day, 9, 0, 0, TimeSpan.FromHours(8));
        foreach (SampleFile file in Files(month).Where(f => !f.Superseded))
        {
            Dataset dataset = new()
            {
                Kind = file.Kind,
                Period = period,
                Department = file.Department,
                SourceFile = file.FileName,
                ArchivePath = $"archive/{period}/{file.Department}/{file.FileName}",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
                ReceivedAt = receivedAt,
            };
            receivedAt = receivedAt.AddMinutes(1);
            datasets.Add(file.Kind switch
            {
                DatasetKind.Projects => dataset with { Projects = ProjectRecords(file.Department, month) },
                DatasetKind.Signings => dataset with { Signings = SigningRecords(month) },
                _ => dataset with { Metrics = MetricRecords(file.Department, month) },
            });
        }

        return datasets;
    }

    private static readonly string[] s_metricDepartments = ["gxj", "jrb", "scjgj"];

    private List<SampleMetric> MetricsOf(string department, int month) =>
        SampleYear.MetricsIn(Metrics, month).Where(m => m.Department == department).ToList();

    private List<ProjectRecord> ProjectRecords(string department, int month)
    {
        ProjectLayout layout = ProjectLayouts.For(department, month);
        (SheetGrid grid, IReadOnlyList<(SampleProject Project, int Row)> rows) = ProjectSheetBuilder.Build(layout, ProjectsOf(department, month));
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

    private List<SigningRecord> SigningRecords(int month)
    {
        (SheetGrid grid, IReadOnlyList<(SampleSigning Signing, int Row)> rows) = SigningSheet.Build(SampleYear.SigningsIn(Signings, month), month);
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

    private List<MetricRecord> MetricRecords(string department, int month)
    {
        (_, SheetGrid grid, IReadOnlyList<(SampleMetric Metric, int Row)> rows) = MetricSheets.Build(department, MetricsOf(department, month), month);
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
