using System.IO.Compression;
using System.Text;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;
using Reporting.SampleData;

namespace Reporting.Tests.SampleData;

/// <summary>The bundled year, January to December 2022: consistent month to month, December the seed's.</summary>
public sealed class SampleYearTests
{
    private static readonly SampleSet s_set = SampleSet.Default;

    [Fact]
    public void Every_bundled_month_is_what_the_generator_writes()
    {
        Assert.Equal(SampleSet.Periods, SampleDataFolder.Periods());
        foreach (ReportingPeriod period in SampleSet.Periods)
        {
            IReadOnlyList<SampleFile> generated = s_set.Files(period.Month);
            Assert.Equal(
                generated.Select(f => f.RelativePath).Order(StringComparer.Ordinal),
                SampleDataFolder.Files(period).Select(f => f.Department + "/" + Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
            foreach (SampleFile file in generated)
            {
                byte[] committed = File.ReadAllBytes(Path.Combine(SampleDataFolder.For(period), file.Department, file.FileName));
                Assert.True(
                    Unpacked(committed) == Unpacked(file.Content),
                    $"{period}/{file.RelativePath} differs from the generator's output: run `dotnet run --project tools/Reporting.SampleData` and commit.");
            }
        }
    }

    [Fact]
    public void No_project_s_cumulative_figure_ever_falls_and_december_reaches_the_seed()
    {
        Dictionary<string, decimal> last = [];
        foreach (ReportingPeriod period in SampleSet.Periods)
        {
            foreach (ProjectRecord project in s_set.Datasets(period.Month).SelectMany(d => d.Projects))
            {
                string key = project.County + "|" + project.Name;
                decimal before = last.GetValueOrDefault(key);
                Assert.True(project.Completed >= before, $"{period} {key}: {project.Completed} after {before}");
                last[key] = project.Completed;
            }
        }

        Assert.Equal("134.8%", Display.Percent(IndicatorEngine.Compute(SampleSet.Period, s_set.Datasets(12), new IndicatorOptions()).Overall.CompletionPct));
    }

    [Fact]
    public void Projects_start_and_finish_during_the_year_and_signings_accumulate()
    {
        IReadOnlyList<ProjectRecord> january = [.. s_set.Datasets(1).SelectMany(d => d.Projects)];
        IReadOnlyList<ProjectRecord> december = [.. s_set.Datasets(12).SelectMany(d => d.Projects)];
        Assert.Equal(january.Count, december.Count);
        Assert.Contains(january, p => p.Started == false && p.Completed == 0m);
        Assert.True(december.Count(p => p.Started == true) > january.Count(p => p.Started == true));
        Assert.True(december.Count(p => p.CompletedFlag == true) > january.Count(p => p.CompletedFlag == true));

        int[] signings = [.. SampleSet.Periods.Select(p => s_set.Datasets(p.Month).Single(d => d.Kind == DatasetKind.Signings).Signings.Count)];
        Assert.Equal(185, signings[^1]);
        Assert.All(signings.Zip(signings.Skip(1)), pair => Assert.True(pair.First <= pair.Second));
        Assert.True(signings[0] < signings[^1]);
    }

    [Fact]
    public void A_few_departments_resubmit_a_corrected_workbook_that_sorts_after_the_first()
    {
        List<(ReportingPeriod Period, SampleFile File)> superseded = [.. SampleSet.Periods.SelectMany(p => s_set.Files(p.Month).Where(f => f.Superseded).Select(f => (p, f)))];

        Assert.Equal(3, superseded.Count);
        foreach ((ReportingPeriod period, SampleFile first) in superseded)
        {
            SampleFile corrected = s_set.Files(period.Month).Single(f => f.Department == first.Department && !f.Superseded && f.Kind == DatasetKind.Projects);
            Assert.True(string.CompareOrdinal(first.FileName, corrected.FileName) < 0, $"{first.FileName} should be uploaded before {corrected.FileName}");
            Assert.NotEqual(first.Content, corrected.Content);
        }
    }

    [Fact]
    public void Every_month_is_compared_with_the_one_before_except_january()
    {
        List<Dataset> year = [.. SampleSet.Periods.SelectMany(p => s_set.Datasets(p.Month))];

        IndicatorReport january = IndicatorEngine.ComputeWithHistory(new ReportingPeriod(2022, 1), year, new IndicatorOptions());
        IndicatorReport december = IndicatorEngine.ComputeWithHistory(SampleSet.Period, year, new IndicatorOptions());

        Assert.Equal(ComparisonBasis.FirstMonthOfYear, january.Comparison!.Basis);
        Assert.Equal(ComparisonBasis.Compared, december.Comparison!.Basis);
        Assert.Equal(12, december.Series.Count);
        Assert.All(december.Series, m => Assert.NotNull(m.Figures));
        Assert.All(december.Series.Zip(december.Series.Skip(1)), pair => Assert.True(pair.First.Figures!.Completed <= pair.Second.Figures!.Completed));
        Assert.NotEmpty(december.Comparison.NoLongerLagging);
    }

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
