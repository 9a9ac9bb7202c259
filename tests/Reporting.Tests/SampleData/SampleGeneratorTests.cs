using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ExcelDataReader;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.SampleData;
using Reporting.SampleData.Sheets;

namespace Reporting.Tests.SampleData;

public sealed class SampleGeneratorTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(7UL)]
    [InlineData(42UL)]
    [InlineData(2023UL)]
    [InlineData(123_456_789UL)]
    [InlineData(SampleSet.Seed)]
    public void Calibration_makes_the_published_ratios_exact_for_any_seed(ulong seed)
    {
        SampleSet set = SampleSet.Create(seed);
        IReadOnlyList<SampleProject> projects = set.Projects;

        Assert.Equal(380, projects.Count);
        Assert.Equal(46, projects.Count(p => p.Provincial));
        Assert.Equal(201, projects.Count(p => p.LargeMedium));

        // Exact decimal equality: the ratios are designed, not rounded into place.
        Assert.Equal(SampleProjects.OverallRatio, projects.Sum(p => p.Completed) / projects.Sum(p => p.AnnualPlan));
        Assert.Equal(SampleProjects.ProvincialRatio, projects.Where(p => p.Provincial).Sum(p => p.Completed) / projects.Where(p => p.Provincial).Sum(p => p.AnnualPlan));
        Assert.Equal(SampleProjects.LargeRatio, projects.Where(p => p.LargeMedium).Sum(p => p.Completed) / projects.Where(p => p.LargeMedium).Sum(p => p.AnnualPlan));

        // Amounts a county reporting in 亿元 (two decimals) can actually write.
        Assert.All(projects.Where(p => p.County.ReportsInYi), p => Assert.Equal(0m, p.Completed % 100m + p.AnnualPlan % 100m));
        Assert.All(projects, p => Assert.InRange(p.Ratio, 0m, 1.97m));
    }

    [Fact]
    public void The_same_seed_gives_the_same_submissions()
    {
        string first = JsonSerializer.Serialize(SampleSet.Create().Datasets(), ReportingJson.Options);
        string second = JsonSerializer.Serialize(SampleSet.Create().Datasets(), ReportingJson.Options);

        Assert.Equal(first, second);
        Assert.Equal(SampleSet.Create().Files().Select(f => f.Content), SampleSet.Create().Files().Select(f => f.Content));
    }

    [Fact]
    public void The_bundled_samples_are_what_the_generator_writes()
    {
        string folder = SampleDataFolder.For(SampleSet.Period);
        IReadOnlyList<SampleFile> generated = SampleSet.Default.Files();

        Assert.Equal(
            generated.Select(f => f.RelativePath).Order(StringComparer.Ordinal),
            SampleDataFolder.Files(SampleSet.Period).Select(f => f.Department + "/" + Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
        foreach (SampleFile file in generated)
        {
            byte[] committed = File.ReadAllBytes(Path.Combine(folder, file.Department, file.FileName));
            Assert.True(
                Unpacked(committed) == Unpacked(file.Content),
                $"{file.RelativePath} differs from the generator's output: run `dotnet run --project tools/Reporting.SampleData` and commit.");
        }
    }

    [Fact]
    public void Every_cell_reads_back_as_written_through_excel_data_reader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach ((SampleFile file, IReadOnlyList<SheetGrid> sheets) in SampleSet.Default.Sheets())
        {
            List<(string Name, List<object?[]> Rows)> read = Read(file);
            Assert.Equal(sheets.Count, read.Count);
            for (int s = 0; s < sheets.Count; s++)
            {
                SheetGrid grid = sheets[s];
                if (!file.FileName.EndsWith(".csv", StringComparison.Ordinal))
                {
                    Assert.Equal(grid.Name, read[s].Name);
                }

                for (int r = 0; r < grid.RowCount; r++)
                {
                    for (int c = 0; c < grid.Columns; c++)
                    {
                        object? expected = grid.Rows[r].Cells[c];
                        object? actual = r < read[s].Rows.Count && c < read[s].Rows[r].Length ? read[s].Rows[r][c] : null;
                        Assert.True(
                            Same(expected, actual, csv: file.FileName.EndsWith(".csv", StringComparison.Ordinal)),
                            $"{file.RelativePath} {grid.Name} R{r + 1}C{c + 1}: wrote {Describe(expected)}, read {Describe(actual)}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_samples_have_red_and_yellow_projects_with_stated_issues_and_distinct_ranks()
    {
        IndicatorReport report = IndicatorEngine.Compute(SampleSet.Period, SampleSet.Default.Datasets(), new IndicatorOptions());

        Assert.Equal(7, report.Lagging.Count(p => p.Severity == LagSeverity.Red));
        Assert.Equal(10, report.Lagging.Count(p => p.Severity == LagSeverity.Yellow));
        Assert.All(report.Lagging, p => Assert.False(string.IsNullOrEmpty(p.Issues)));
        Assert.Equal(7, report.ByCounty.Count);
        Assert.Equal(Enumerable.Range(1, 7), report.ByCounty.Select(g => g.Rank!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 7), report.ByField.Select(g => g.Rank!.Value).Order());

        // 安源区 also lists a 经开区 project under the same code: counted once, reported once.
        Reporting.Core.Ingestion.Finding duplicate = Assert.Single(report.Warnings);
        Assert.Equal(Reporting.Core.Ingestion.RuleIds.ProjectDuplicate, duplicate.RuleId);
    }

    private static List<(string, List<object?[]>)> Read(SampleFile file)
    {
        using var stream = new MemoryStream(file.Content);
        using IExcelDataReader reader = file.FileName.EndsWith(".csv", StringComparison.Ordinal)
            ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(54936) })
            : ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    private static bool Same(object? expected, object? actual, bool csv)
    {
        if (csv)
        {
            string text = expected switch
            {
                null => string.Empty,
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => expected.ToString()!,
            };
            return text == (actual as string ?? string.Empty);
        }

        return (expected, actual) switch
        {
            (null, null) => true,
            (string e, string a) => e == a,
            (int e, double a) => e == a,
            (decimal e, double a) => e == (decimal)a,
            (DateTime e, DateTime a) => e == a,
            _ => false,
        };
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    // Compare packages by their parts, not their deflate bytes (which may differ between runtimes).
    private static string Unpacked(byte[] content)
    {
        if (content.Length < 2 || content[0] != 'P' || content[1] != 'K')
        {
            return Convert.ToHexString(content);
        }

        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (ZipArchiveEntry entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var part = new MemoryStream();
            using (Stream s = entry.Open())
            {
                s.CopyTo(part);
            }

            text.Append(entry.FullName).Append('=').Append(Convert.ToHexString(part.ToArray())).Append('\n');
        }

        return text.ToString();
    }
}
