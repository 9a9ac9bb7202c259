namespace Reporting.Core.Pipeline;

/// <summary>Where an issue of the briefing is in its life.</summary>
public enum IssueState
{
    /// <summary>草稿: rendered, reviewable, editable; follows the data. Leaders receive nothing.</summary>
    Draft,

    /// <summary>已签发: frozen; the signed bytes are what the leaders receive.</summary>
    SignedOff,

    /// <summary>已发送: every leader's mail was handed over.</summary>
    Delivered,
}

/// <summary>One thing done to an issue: when, who, what (in Chinese, for the office).</summary>
public sealed record IssueEvent(DateTimeOffset At, string Who, string What);

/// <summary>
/// An issue of the briefing in the `issues` ledger (partition = year, row = the zero-padded number): the row
/// <see cref="Briefings.IssueNumbering"/> allocates, grown with the issue's life when sign-off is required. Every
/// change is an ETag-conditional replace of this row, so two people (or a person and the data) changing it at once
/// cannot both win: the second is told what happened first.
/// </summary>
public sealed record BriefingIssue
{
    public required int Number { get; init; }

    /// <summary>The period, YYYY-MM.</summary>
    public required string Period { get; init; }

    public DateTimeOffset AllocatedAt { get; init; }

    /// <summary>For a corrected issue (更正): the number of the issue it corrects.</summary>
    public int? Corrects { get; init; }

    /// <summary>Null for an issue rendered without sign-off (the automatic mode, or before sign-off existed).</summary>
    public IssueState? State { get; init; }

    /// <summary>草稿第N版: 1 for the first draft, one more for each re-rendering.</summary>
    public int DraftVersion { get; init; }

    /// <summary>When the current draft version was claimed (before it was rendered): a claim never rendered is taken over after a while.</summary>
    public DateTimeOffset? DraftClaimedAt { get; init; }

    public DateTimeOffset? DraftRenderedAt { get; init; }

    /// <summary>Why the current version was drawn up: 定时生成, 安源区重新报送, 推进办修改编者按, ….</summary>
    public string? DraftReason { get; init; }

    /// <summary>What moved from the previous version to this one, as sentences.</summary>
    public IReadOnlyList<string> DraftChanges { get; init; } = [];

    /// <summary>编者按 as the office wrote it.</summary>
    public string? EditorsNote { get; init; }

    /// <summary>下步工作 as the office wrote it.</summary>
    public string? NextSteps { get; init; }

    public string? SignedBy { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The draft version that was signed.</summary>
    public int? SignedVersion { get; init; }

    /// <summary>SHA-256 of the signed PDF: the bytes every leader receives.</summary>
    public string? SignedSha256 { get; init; }

    /// <summary>Where the indicators the signed issue was drawn from are kept.</summary>
    public string? SignedIndicatorsPath { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Set when accepted data for the period changed after signing: what changed (the signed issue stays as it is).</summary>
    public string? DataChangedAfterSigning { get; init; }

    /// <summary>The number of the corrected issue drawn up for this one, once the office has started one.</summary>
    public int? CorrectedBy { get; init; }

    public IReadOnlyList<IssueEvent> History { get; init; } = [];

    public ReportingPeriod PeriodOf() => ReportingPeriod.Parse(Period);

    public BriefingIssue With(DateTimeOffset at, string who, string what) => this with { History = [.. History, new IssueEvent(at, who, what)] };
}
