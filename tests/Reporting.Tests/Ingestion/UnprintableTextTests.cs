using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

/// <summary>
/// A character the briefing's font lacks would print as 〓 in a leader's briefing: the clerk is told at
/// upload, at the cell, with the character named, and the submission is still accepted.
/// </summary>
public sealed class UnprintableTextTests
{
    [Fact]
    public void Warns_at_the_name_cell_naming_a_character_the_briefing_cannot_print()
    {
        using var workbook = TestWorkbooks.ProjectWorkbook(rows: [[1, "𠀋溪桥改造工程", "安源区", "重大基础设施", 1000, 900, "是"]]);

        IngestionOutcome outcome = TestWorkbooks.Read(workbook);

        Assert.True(outcome.Accepted);
        Finding warning = outcome.Single(RuleIds.TextUnprintable);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("B5", warning.Cell);
        Assert.Contains("“𠀋”（U+2000B）", warning.Message);
        Assert.Contains("〓", warning.Message);
        Assert.Equal("𠀋溪桥改造工程", Assert.Single(outcome.Projects).Name);
    }

    [Fact]
    public void Ordinary_chinese_text_raises_no_warning()
    {
        using var workbook = TestWorkbooks.ProjectWorkbook(rows: [[1, "萍乡经开区5G电子科技园（一期）", "萍乡经开区", "新型基础设施", 1000, 900, "是"]]);

        IngestionOutcome outcome = TestWorkbooks.Read(workbook);

        Assert.DoesNotContain(outcome.Findings, f => f.RuleId == RuleIds.TextUnprintable);
    }
}
