using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;
using Reporting.Tests.Ingestion;
using Xunit.Abstractions;

namespace Reporting.Tests.Hostile;

/// <summary>
/// Every broken or hostile upload ends as accepted or rejected with a finding that names its rule, none
/// throws, and the annotated workbook we send back is writable and inert (no formula, macro or link).
/// </summary>
public sealed class HostileCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Corpus() => [.. HostileFiles.All.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Every_hostile_file_is_answered_with_a_rule_and_never_throws(string id)
    {
        HostileFile file = HostileFiles.Get(id);
        byte[] bytes = file.Build();

        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(bytes), file.FileName);

        output.WriteLine($"{id}: accepted={outcome.Accepted}, {outcome.Projects.Count} projects; {string.Join(" | ", outcome.Findings.Take(3))}");
        Assert.Empty(IngestionInvariants.Violations(outcome, TestWorkbooks.Options));
        Assert.True(
            outcome.Accepted == (file.Verdict == Verdict.Accepted),
            $"{id}: expected {file.Verdict}, got accepted={outcome.Accepted}: {string.Join(" | ", outcome.Findings)}");
        if (file.RuleIds.Length > 0)
        {
            Assert.Contains(outcome.Findings, f => file.RuleIds.Contains(f.RuleId));
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_annotated_workbook_for_every_hostile_file_is_written_and_inert(string id)
    {
        HostileFile file = HostileFiles.Get(id);
        byte[] bytes = file.Build();
        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(bytes), file.FileName);

        using var annotated = new MemoryStream();
        AnnotatedWorkbookWriter.Write(new MemoryStream(bytes), file.FileName, outcome, TestWorkbooks.Options.Ingestion, annotated);

        Assert.Empty(WrittenWorkbook.Problems(annotated.ToArray()));
        Assert.DoesNotContain(TestWorkbooks.Read(new MemoryStream(annotated.ToArray()), "校验结果.xlsx").Findings, f => f.RuleId == RuleIds.FileUnreadable);
    }
}
