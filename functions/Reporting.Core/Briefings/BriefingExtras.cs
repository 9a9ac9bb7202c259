namespace Reporting.Core.Briefings;

/// <summary>
/// What the office adds to an issue beyond the figures: 编者按 at the top and 下步工作 at the end (plain text, one
/// paragraph per line), and, for a corrected issue (更正), the number of the issue it corrects. Figures are never
/// edited by hand: a wrong figure is fixed by the department resubmitting.
/// </summary>
public sealed record BriefingExtras
{
    public static readonly BriefingExtras None = new();

    public string? EditorsNote { get; init; }

    public string? NextSteps { get; init; }

    /// <summary>The issue number (same year) this issue corrects; null for an ordinary issue.</summary>
    public int? Corrects { get; init; }

    /// <summary>Non-blank lines of a note, trimmed: its paragraphs.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}
