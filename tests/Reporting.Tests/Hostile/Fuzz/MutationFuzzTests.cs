using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;
using Reporting.Tests.Ingestion;
using Xunit.Abstractions;

namespace Reporting.Tests.Hostile.Fuzz;

/// <summary>
/// The mutation fuzzer: thousands of deterministic mutations of valid workbooks, each read through
/// the real ingestor. The guarantee is the corpus's: <see cref="WorkbookIngestor.Read"/> returns,
/// accepted or with a finding naming its rule; accepted amounts are decimals ≥ 0 below 10^12; a package
/// that is still valid is never "unreadable"; no exception comes out of our own code; the annotated
/// workbook is written and inert; the same bytes give the same answer.
/// <para>
/// REPORTING_FUZZ_CASES sets the number of cases (default 2,500, about half a minute on two cores);
/// REPORTING_FUZZ_SEED another deterministic series. A failing case is saved under
/// REPORTING_FUZZ_OUT (default: the system temp folder, reporting-fuzz-crashes/) to be committed to
/// Fixtures/fuzz-regressions/, which <see cref="FuzzRegressionTests"/> replays.
/// </para>
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    public const int DefaultCases = 2_500;
    public const int DefaultSeed = 20_230_131;

    [Fact]
    public void Mutated_workbooks_are_always_answered_and_never_crash_ingestion()
    {
        int cases = Setting("REPORTING_FUZZ_CASES", DefaultCases);
        int baseSeed = Setting("REPORTING_FUZZ_SEED", DefaultSeed);
        string outFolder = Environment.GetEnvironmentVariable("REPORTING_FUZZ_OUT") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "reporting-fuzz-crashes");
        IReadOnlyList<FuzzSeed> seeds = FuzzSeeds.All;
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, index =>
        {
            var random = new Random(unchecked((baseSeed * 1_000_003) + index));
            FuzzCase fuzzCase = WorkbookMutator.Mutate(index, seeds[random.Next(seeds.Count)], random);
            List<string> problems = Check(fuzzCase, deep: index % 8 == 0, out string verdict);
            counts.AddOrUpdate(fuzzCase.Mutation + " " + verdict, 1, (_, n) => n + 1);
            if (problems.Count > 0)
            {
                Directory.CreateDirectory(outFolder);
                string saved = Path.Combine(outFolder, fuzzCase.FileName);
                File.WriteAllBytes(saved, fuzzCase.Bytes);
                failures.Add($"{WorkbookMutator.Describe(fuzzCase)} (seed {baseSeed}) saved as {saved}:\n  {string.Join("\n  ", problems)}");
            }
        });

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} cases from {seeds.Count} seeds in {clock.Elapsed.TotalSeconds:0.0} s, {failures.Count} failing"));
        foreach ((string key, int count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases} cases broke the guarantee; commit each saved file to tests/Reporting.Tests/Fixtures/fuzz-regressions/ and fix:\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>Everything the guarantee says about one input; <paramref name="deep"/> adds the annotated workbook and a second read.</summary>
    internal static List<string> Check(FuzzCase fuzzCase, bool deep, out string verdict) =>
        Check(fuzzCase.Bytes, fuzzCase.Seed.FileName, fuzzCase.WellFormed, deep, out verdict);

    internal static List<string> Check(byte[] bytes, string fileName, bool wellFormed, bool deep, out string verdict)
    {
        IngestionOutcome outcome;
        try
        {
            outcome = TestWorkbooks.Read(new MemoryStream(bytes), fileName);
        }
        catch (Exception e)
        {
            verdict = "threw";
            return [$"Read threw {e}"];
        }

        verdict = outcome.Accepted ? "accepted" : outcome.Findings.FirstOrDefault(f => f.Severity == Severity.Error)?.RuleId ?? "rejected";
        List<string> problems = IngestionInvariants.Violations(outcome, TestWorkbooks.Options, wellFormed);
        if (!deep)
        {
            return problems;
        }

        try
        {
            using var annotated = new MemoryStream();
            AnnotatedWorkbookWriter.Write(new MemoryStream(bytes), fileName, outcome, TestWorkbooks.Options.Ingestion, annotated);
            problems.AddRange(WrittenWorkbook.Problems(annotated.ToArray()).Select(p => "annotated workbook: " + p));
        }
        catch (Exception e)
        {
            problems.Add($"annotated workbook threw {e}");
        }

        IngestionOutcome again = TestWorkbooks.Read(new MemoryStream(bytes), fileName);
        if (again.Accepted != outcome.Accepted || again.ErrorCount != outcome.ErrorCount || again.WarningCount != outcome.WarningCount
            || !again.Findings.Select(f => f.Message).SequenceEqual(outcome.Findings.Select(f => f.Message)))
        {
            problems.Add("a second read of the same bytes answered differently");
        }

        return problems;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}
