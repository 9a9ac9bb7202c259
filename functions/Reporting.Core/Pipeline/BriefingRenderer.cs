using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Attachments;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Core.Pipeline;

/// <summary>One rendering of an issue: the indicators it was drawn from, the document, the PDF and its companions.</summary>
public sealed record RenderedBriefing(
    IndicatorReport Report,
    BriefingDocument Document,
    byte[] Pdf,
    IReadOnlyList<BriefingAttachment> Attachments,
    IReadOnlyDictionary<string, byte[]> CountyAppendices);

/// <summary>
/// Indicators → briefing → PDF, with everything that travels with it: 滞后项目清单.xlsx for every leader and the one-page
/// 本县区 appendix for each county a leader is tagged with. Pure of storage: the publisher and the review store what it returns.
/// </summary>
public sealed class BriefingRenderer(IndicatorService indicators, SubmissionStatusService status, ReportingOptions options)
{
    public Task<IndicatorReport> ComputeAsync(ReportingPeriod period, CancellationToken cancellationToken = default) =>
        indicators.ComputeAsync(period, cancellationToken);

    public async Task<RenderedBriefing> RenderAsync(IndicatorReport report, int issueNumber, DateOnly issueDate, BriefingExtras extras, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(extras);
        IReadOnlyList<DepartmentSubmissionStatus> submissions = await status.GetStatusAsync(report.Period, cancellationToken).ConfigureAwait(false);
        BriefingDocument document = BriefingComposer.Compose(report, submissions, options.Briefing, options, issueNumber, issueDate, extras);
        using var pdf = new MemoryStream();
        new PdfBriefingRenderer().Render(document, pdf);

        IReadOnlyList<BriefingAttachment> attachments = await BriefingAttachments.ForAsync(report, cancellationToken).ConfigureAwait(false);
        var appendices = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string county in TaggedCounties())
        {
            using var appendix = new MemoryStream();
            CountyAppendix.Render(report, county, options.Briefing, options, issueNumber, issueDate, appendix);
            appendices[county] = appendix.ToArray();
        }

        return new RenderedBriefing(report, document, pdf.ToArray(), attachments, appendices);
    }

    /// <summary>The counties leaders are tagged with, by their canonical names (经开区 → 萍乡经开区).</summary>
    public IReadOnlyList<string> TaggedCounties() =>
        [.. options.Delivery.Leaders().Where(l => l.County is not null).Select(l => CanonicalCounty(l.County!)).Distinct(StringComparer.Ordinal)];

    /// <summary>The configured county a tag names (by name or alias); the tag itself when it names none (its appendix then says there is no data).</summary>
    public string CanonicalCounty(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        string trimmed = tag.Trim();
        VocabularyEntry? entry = options.Ingestion.EffectiveCounties()
            .FirstOrDefault(c => c.Name == trimmed || c.Aliases.Contains(trimmed, StringComparer.Ordinal));
        return entry?.Name ?? trimmed;
    }
}
