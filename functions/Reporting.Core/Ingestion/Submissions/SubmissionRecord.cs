using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Core.Ingestion.Submissions;

[JsonConverter(typeof(JsonStringEnumConverter<SubmissionResult>))]
public enum SubmissionResult
{
    /// <summary>Archived and being read; a row left in this state by a crash is processed again on retry.</summary>
    [JsonStringEnumMemberName("processing")]
    Processing,

    [JsonStringEnumMemberName("accepted")]
    Accepted,

    [JsonStringEnumMemberName("acceptedWithWarnings")]
    AcceptedWithWarnings,

    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Our failure after the original was archived; retried on the next attempt.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>
/// One row of the submissions ledger: who sent what, when, its hash, what became of it and where
/// every artefact is. Keyed by department (partition) and a hash of upload path + content SHA-256 (row).
/// </summary>
public sealed record SubmissionRecord
{
    /// <summary>Department id (resolved from the sheet when the upload did not say); "_unassigned" when unknown.</summary>
    public required string Department { get; init; }

    /// <summary>填报单位 as written in the sheet, if any.</summary>
    public string? DepartmentName { get; init; }

    /// <summary>The file name as uploaded, made printable.</summary>
    public required string FileName { get; init; }

    public required string UploadPath { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public ReportingPeriod? Period { get; init; }

    public required SubmissionResult Status { get; init; }

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    public int ProjectCount { get; init; }

    public int SigningCount { get; init; }

    public int MetricCount { get; init; }

    /// <summary>The findings as JSON text (compact), as many as fit the ledger's column limit.</summary>
    public string FindingsJson { get; init; } = "[]";

    /// <summary>More findings existed than <see cref="FindingsJson"/> holds; the annotated workbook lists them all.</summary>
    public bool FindingsTruncated { get; init; }

    public required string ArchivePath { get; init; }

    /// <summary>
    /// Columns read in a unit other than their sheet's (a header "（千元）" under "单位：万元"), one sentence a line,
    /// for the receipt; null when every column was read in its sheet's unit.
    /// </summary>
    public string? UnitNotes { get; init; }

    public IReadOnlyList<string> DatasetPaths { get; init; } = [];

    public string? AnnotatedPath { get; init; }

    /// <summary>For <see cref="SubmissionResult.Failed"/>: what went wrong, for the operator.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>
    /// The row's key in the submissions ledger (within the department's partition): SHA-256 of upload path and
    /// content hash, the idempotency key of an upload. Also how a receipt and a page name the submission.
    /// </summary>
    public static string KeyFor(string uploadPath, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploadPath + "\n" + sha256)));

    /// <summary>This submission's ledger key (<see cref="KeyFor"/>).</summary>
    public string LedgerKey() => KeyFor(UploadPath, Sha256);

    public bool IsFinal => Status is SubmissionResult.Accepted or SubmissionResult.AcceptedWithWarnings or SubmissionResult.Rejected;

    public bool IsAccepted => Status is SubmissionResult.Accepted or SubmissionResult.AcceptedWithWarnings;

    public IReadOnlyList<Finding> ReadFindings() =>
        JsonSerializer.Deserialize<List<Finding>>(FindingsJson, ReportingJson.Options) ?? [];
}

/// <summary>What an upload got: the ledger row, its findings, and whether it had been processed before.</summary>
public sealed record SubmissionReceipt
{
    public required SubmissionRecord Record { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The same bytes at the same upload path were processed before; nothing new was written.</summary>
    public bool AlreadyProcessed { get; init; }

    public SubmissionResult Status => Record.Status;

    public bool Accepted => Record.IsAccepted;
}
