using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Hostile.Fuzz;

/// <summary>Every input the fuzzer ever broke ingestion with, committed under Fixtures/fuzz-regressions/ and replayed with the full guarantee.</summary>
public sealed class FuzzRegressionTests
{
    private static readonly string s_folder = TestWorkbooks.FixturePath("fuzz-regressions");

    public static TheoryData<string> Regressions() =>
        [.. Directory.EnumerateFiles(s_folder).Select(f => Path.GetFileName(f)).Where(n => n != "README.md").Order(StringComparer.Ordinal)];

    [Fact]
    public void The_regression_folder_holds_inputs()
    {
        Assert.NotEmpty(Regressions());
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_former_crash_is_answered_with_a_rule(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(s_folder, name));

        List<string> problems = MutationFuzzTests.Check(bytes, name, wellFormed: name.StartsWith("cell-", StringComparison.Ordinal), deep: true, out _);

        Assert.Empty(problems);
    }
}
