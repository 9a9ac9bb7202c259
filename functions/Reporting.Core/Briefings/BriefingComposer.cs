using System.Globalization;
using Reporting.Core.Briefings.Composition;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings;

/// <summary>
/// Turns one period's indicators into a briefing model: the sections of domain.md in order, the
/// prose in the office's register, adapting to the data (快于/慢于, 提高/下降, no sentence for a
/// missing figure). Pure: the same inputs give the same document.
/// </summary>
public static class BriefingComposer
{
    public static BriefingDocument Compose(
        IndicatorReport report,
        IReadOnlyList<DepartmentSubmissionStatus> submissions,
        BriefingOptions options,
        ReportingOptions reporting,
        int issueNumber,
        DateOnly issueDate,
        BriefingExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentOutOfRangeException.ThrowIfLessThan(issueNumber, 1);

        var context = new CompositionContext(report, reporting, options);
        var sections = new List<(string Title, IReadOnlyList<Block> Blocks)>
        {
            (OverviewSection.Title, OverviewSection.Build(context)),
        };
        if (report.Overall.Count > 0)
        {
            sections.Add(("分县区推进情况", ProgressSection.Build(context, report.ByCounty, "县区", "分县区看", c => c.PreviousCounty, pairedChart: true)));
            sections.Add(("分领域推进情况", ProgressSection.Build(context, report.ByField, "领域", "分领域看", c => c.PreviousField)));
        }

        sections.Add((SigningsSection.Title, SigningsSection.Build(context)));
        sections.Add((MetricsSection.Title, MetricsSection.Build(context)));
        if (report.Overall.Count > 0)
        {
            sections.Add((LaggingSection.Title, LaggingSection.Build(context)));
        }

        if (submissions.Count > 0)
        {
            sections.Add((SubmissionsSection.Title, SubmissionsSection.Build(submissions)));
        }

        extras ??= BriefingExtras.None;
        IReadOnlyList<string> nextSteps = BriefingExtras.Paragraphs(extras.NextSteps);
        if (nextSteps.Count > 0)
        {
            sections.Add(("下步工作", [.. nextSteps.Select(p => (Block)new Paragraph([new TextRun(p)]))]));
        }

        int year = report.Period.Year;
        string issueLabel = string.Format(CultureInfo.InvariantCulture, options.IssueLabelFormat, Display.Plain(year), Display.Plain(issueNumber));
        return new BriefingDocument
        {
            Title = options.Title,
            Year = year,
            IssueNumber = issueNumber,
            IssueLabel = extras.Corrects is null ? issueLabel : issueLabel + "（更正）",
            Office = options.Office,
            IssueDate = issueDate,
            IssueDateLabel = ChineseDates.Format(issueDate),
            Period = report.Period,
            Headline = reporting.City + context.PeriodText + "重大项目推进情况",
            CorrectionNote = extras.Corrects is { } corrected
                ? $"本期更正{string.Format(CultureInfo.InvariantCulture, options.IssueLabelFormat, Display.Plain(year), Display.Plain(corrected))}简报，请以本期为准。"
                : null,
            EditorsNote = BriefingExtras.Paragraphs(extras.EditorsNote),
            Marking = NullIfBlank(options.Marking),
            CadenceLabel = NullIfBlank(options.CadenceLabel),
            Sections = sections.Select((s, i) => new Section(ChineseNumerals.Format(i + 1), s.Title, s.Blocks)).ToArray(),
            SourceNote = SourceNoteText.Build(context),
            Distribution = Distribution(options),
        };
    }

    private static DistributionLine[] Distribution(BriefingOptions options) =>
        new (string Label, string? Recipients)[] { ("报", options.ReportTo), ("送", options.SendTo), ("发", options.IssueTo) }
            .Where(line => !string.IsNullOrWhiteSpace(line.Recipients))
            .Select(line => new DistributionLine(line.Label, line.Recipients!.Trim()))
            .ToArray();

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
