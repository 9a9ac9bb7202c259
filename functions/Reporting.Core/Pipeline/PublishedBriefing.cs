using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Pipeline;

/// <summary>A file stored with a briefing: what every leader receives besides the PDF, or one county's appendix.</summary>
public sealed record StoredAttachment(string FileName, string MediaType, string Path);

/// <summary>
/// A rendered briefing as stored (its manifest): the PDF and its companions, what its e-mail says, and, once signed,
/// who signed which bytes. The issued copy lives at briefings/{period}/{issue}.pdf; drafts under briefings/{period}/drafts/.
/// </summary>
public sealed record PublishedBriefing
{
    public required ReportingPeriod Period { get; init; }

    public required int IssueNumber { get; init; }

    public required int IssueYear { get; init; }

    public required DateOnly IssueDate { get; init; }

    /// <summary>briefings/{period}/{issue}.pdf (a draft: briefings/{period}/drafts/{issue}-v{n}.pdf).</summary>
    public required string PdfPath { get; init; }

    public required string Subject { get; init; }

    /// <summary>The headline figures as sentences, for the e-mail body.</summary>
    public required IReadOnlyList<string> Headlines { get; init; }

    public required DateTimeOffset RenderedAt { get; init; }

    public long PdfBytes { get; init; }

    /// <summary>SHA-256 of the PDF (lower-case hex): what a signature covers and what is checked before mailing.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Cross-submission findings of the indicators (e.g. a project reported twice, counted once), for the office.</summary>
    public IReadOnlyList<Finding> Warnings { get; init; } = [];

    /// <summary>Sent to every leader with the PDF (滞后项目清单.xlsx).</summary>
    public IReadOnlyList<StoredAttachment> Attachments { get; init; } = [];

    /// <summary>Per county (as configured): its one-page appendix, for the leaders tagged with that county.</summary>
    public IReadOnlyDictionary<string, StoredAttachment> CountyAppendices { get; init; } = new Dictionary<string, StoredAttachment>();

    /// <summary>The indicators the briefing was drawn from (id → value, as `reporting indicators --format json`).</summary>
    public string? IndicatorsPath { get; init; }

    /// <summary>The headline figures, for telling the office what moved between two drafts.</summary>
    public HeadlineFigures? Figures { get; init; }

    /// <summary>For a corrected issue (更正): the number of the issue it corrects.</summary>
    public int? Corrects { get; init; }

    /// <summary>The draft version (草稿第N版) this rendering is, or was signed from; null when no sign-off is required.</summary>
    public int? DraftVersion { get; init; }

    public string? SignedBy { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The deliveries ledger partition of this issue's leader mails: the period, or for a correction its own.</summary>
    public string DeliveryPartition => DeliveryPartitionFor(Period, IssueNumber, Corrects);

    public static string DeliveryPartitionFor(ReportingPeriod period, int issueNumber, int? corrects) =>
        corrects is null ? period.ToString() : $"{period}-c{issueNumber}";
}

/// <summary>What one scheduled run did.</summary>
public sealed record BriefingRun(ReportingPeriod Period, PublishedBriefing? Briefing, DeliveryReport? Delivery)
{
    /// <summary>Set when sign-off is required and the run stopped at a draft: the issue and what happened to it.</summary>
    public BriefingIssue? Issue { get; init; }

    /// <summary>The notice of the draft to the reviewers, when one was due.</summary>
    public DeliveryReport? ReviewNotice { get; init; }

    public override string ToString() =>
        Briefing is null
            ? $"{Period}: no accepted submission, no briefing"
            : Issue is { State: IssueState.Draft } draft
                ? $"{Period}: draft {Briefing.PdfPath} (issue {draft.Number}, version {draft.DraftVersion}) awaits sign-off; reviewers: {ReviewNotice}"
                : $"{Period}: {Briefing.PdfPath}, {Delivery}";
}
