using System.Globalization;
using Reporting.Cli;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Numbers;
using Reporting.Core.Storage;
using Reporting.SampleData;
using Reporting.Tests.Delivery;
using Xunit.Abstractions;

namespace Reporting.Tests.Indicators;

/// <summary>
/// The golden test: every bundled sample workbook goes through the real ingestion path (archive,
/// read, validate, dataset, ledger) into a folder store; the indicators are then computed from
/// that store exactly as `reporting indicators` does, and every figure of the seed article must
/// come out as published.
/// </summary>
public sealed class SampleIngestionGoldenTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-golden-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(IndicatorReport Report, ReportingOptions Options, List<SubmissionReceipt> Receipts)> IngestBundledSamplesAsync()
    {
        ReportingOptions options = CliEnvironment.LoadOptions(null);
        var store = new FolderReportStore(_root);
        var clock = new SteppingClock(new DateTimeOffset(2023, 1, 5, 1, 0, 0, TimeSpan.Zero));
        var service = new IngestionService(store, new FolderLedgerStore(_root), options, clock);
        var receipts = new List<SubmissionReceipt>();
        IReadOnlyList<(string Department, string Path)> files = SampleDataFolder.Files(SampleSet.Period);
        Assert.Equal(11, files.Count);
        foreach ((string department, string path) in files)
        {
            string fileName = Path.GetFileName(path);
            await using FileStream content = File.OpenRead(path);
            SubmissionReceipt receipt = await service.IngestAsync($"uploads/{department}/{fileName}", department, fileName, content, null, default);
            receipts.Add(receipt);
            Assert.True(receipt.Accepted, $"{department}/{fileName} was rejected:\n" + string.Join("\n", receipt.Findings));
        }

        IndicatorReport report = await new IndicatorService(store, options).ComputeAsync(SampleSet.Period);
        return (report, options, receipts);
    }

    [Fact]
    public async Task Every_published_figure_comes_out_of_the_ingested_sample_workbooks()
    {
        (IndicatorReport report, ReportingOptions options, List<SubmissionReceipt> receipts) = await IngestBundledSamplesAsync();
        output.WriteLine(IndicatorTextReport.Render(report, options.DepartmentName));
        foreach (SubmissionReceipt receipt in receipts)
        {
            output.WriteLine($"{receipt.Record.Department}/{receipt.Record.FileName}: {receipt.Status}, {receipt.Findings.Count} findings");
            foreach (Finding finding in receipt.Findings)
            {
                output.WriteLine("  " + finding);
            }
        }

        SeedFigures.AssertAll(report);
        Assert.Equal(11, report.Sources.Count);
        Assert.StartsWith("项目“萍乡经开区5G电子科技园”同时出现在萍乡经开区", Assert.Single(report.Warnings, w => w.RuleId == RuleIds.ProjectDuplicate).Message);
    }

    [Fact]
    public async Task The_ingested_records_are_the_records_the_generator_wrote()
    {
        (_, _, _) = await IngestBundledSamplesAsync();
        var repository = new DatasetRepository(new FolderReportStore(_root));
        IReadOnlyList<Dataset> ingested = await repository.LoadPeriodAsync(SampleSet.Period);

        foreach (Dataset expected in SampleSet.Default.Datasets())
        {
            Dataset actual = Assert.Single(ingested, d => d.Department == expected.Department && d.Kind == expected.Kind);
            Assert.Equal(expected.Sha256, actual.Sha256);
            SameRows(expected.Department, expected.Projects.Select(Describe), actual.Projects.Select(Describe));
            SameRows(expected.Department, expected.Signings.Select(Describe), actual.Signings.Select(Describe));
            SameRows(expected.Department, expected.Metrics.Select(Describe), actual.Metrics.Select(Describe));
        }
    }

    private static void SameRows(string department, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        List<string> wanted = [.. expected];
        List<string> got = [.. actual];
        Assert.Equal(wanted.Count, got.Count);
        for (int i = 0; i < wanted.Count; i++)
        {
            Assert.True(wanted[i] == got[i], $"{department} row {i + 1}:\nexpected {wanted[i]}\nread     {got[i]}");
        }
    }

    // Every field the indicators use, with decimals compared by value (40400 and 40400.00 are equal).
    private static string Describe(ProjectRecord p) => string.Join(
        " | ",
        p.Name, p.County, p.Field, N(p.AnnualPlan), N(p.Completed), p.Code, N(p.TotalInvestment), p.Owner, p.ResponsibleUnit,
        string.Join("、", p.Levels), p.Nature, p.PlannedStart, p.ActualStart, p.Started, p.CompletedFlag, p.ProgressNote, p.Issues,
        p.Source.Sheet, p.Source.Row);

    private static string Describe(SigningRecord s) => string.Join(
        " | ", s.Name, s.County, s.SignedOn, N(s.Amount), s.IndustryChain, s.SourceRegion, s.Is5020, N(s.ForeignAmountUsd), s.Source.Sheet, s.Source.Row);

    private static string Describe(MetricRecord m) => string.Join(
        " | ", m.Name, m.Unit, N(m.Value), N(m.Prior), N(m.YoyReported), N(m.Share), N(m.SharePrior), m.Note, m.Source.Sheet, m.Source.Row);

    private static string N(decimal? value) => value is { } v ? Percentages.Trim(v).ToString(CultureInfo.InvariantCulture) : "null";
}
