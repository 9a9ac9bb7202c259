namespace Reporting.Core.Briefings.Model;

/// <summary>
/// A briefing (简报) as content, independent of how it is rendered: the PDF renderer, a future
/// HTML mail body or a test can all read the same model. Every figure is already text here
/// (formatted by Indicators/Display), so a renderer never rounds or formats a number.
/// </summary>
public sealed record BriefingDocument
{
    /// <summary>报头 title printed in red, e.g. 重大项目推进情况简报.</summary>
    public required string Title { get; init; }

    /// <summary>The year the issue numbers count in.</summary>
    public required int Year { get; init; }

    /// <summary>第N期 within <see cref="Year"/>.</summary>
    public required int IssueNumber { get; init; }

    /// <summary>The printed issue line, e.g. "2022年第12期".</summary>
    public required string IssueLabel { get; init; }

    /// <summary>The issuing office (编印单位), printed left under the title.</summary>
    public required string Office { get; init; }

    public required DateOnly IssueDate { get; init; }

    /// <summary>The issue date as printed, e.g. "2023年1月5日".</summary>
    public required string IssueDateLabel { get; init; }

    public required ReportingPeriod Period { get; init; }

    /// <summary>The article title under the masthead, e.g. "萍乡市2022年1-12月重大项目推进情况".</summary>
    public required string Headline { get; init; }

    /// <summary>A marking above the masthead such as 内部资料; null prints nothing.</summary>
    public string? Marking { get; init; }

    /// <summary>Printed in parentheses under the title, e.g. 月报; null prints nothing.</summary>
    public string? CadenceLabel { get; init; }

    /// <summary>
    /// For a corrected issue (更正): the line under the headline saying which issue it corrects and that it
    /// supersedes it; null for an ordinary issue.
    /// </summary>
    public string? CorrectionNote { get; init; }

    /// <summary>编者按: the office's own words before the figures, one paragraph per element; empty prints nothing.</summary>
    public IReadOnlyList<string> EditorsNote { get; init; } = [];

    /// <summary>
    /// Set for a document that accompanies an issue rather than being one (e.g. "本县区附页"): it gets a compact
    /// heading naming the issue it belongs to instead of the full 报头.
    /// </summary>
    public string? AppendixLabel { get; init; }

    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Where the figures come from (which submissions, which period; not official statistics).</summary>
    public string? SourceNote { get; init; }

    /// <summary>报尾 (版记): 报、送、发 lines; empty lines are left out by the composer.</summary>
    public IReadOnlyList<DistributionLine> Distribution { get; init; } = [];

    /// <summary>Every string the document prints, for checks such as glyph coverage.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Title;
        yield return IssueLabel;
        yield return Office;
        yield return IssueDateLabel;
        yield return Headline;
        if (Marking is not null)
        {
            yield return Marking;
        }

        if (CadenceLabel is not null)
        {
            yield return CadenceLabel;
        }

        if (CorrectionNote is not null)
        {
            yield return CorrectionNote;
        }

        foreach (string paragraph in EditorsNote)
        {
            yield return paragraph;
        }

        if (AppendixLabel is not null)
        {
            yield return AppendixLabel;
        }

        foreach (Section section in Sections)
        {
            foreach (string text in section.Texts())
            {
                yield return text;
            }
        }

        if (SourceNote is not null)
        {
            yield return SourceNote;
        }

        foreach (DistributionLine line in Distribution)
        {
            yield return line.Label;
            yield return line.Recipients;
        }
    }
}

/// <summary>One line of the 版记, e.g. 报：市委、市政府领导.</summary>
public sealed record DistributionLine(string Label, string Recipients);
