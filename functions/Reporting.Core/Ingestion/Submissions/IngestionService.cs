using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Output;
using Reporting.Core.Storage;

namespace Reporting.Core.Ingestion.Submissions;

/// <summary>
/// Takes one upload from arrival to answer: archive, read, store, annotate, record.
/// <para>
/// Archive-first and idempotent: the content is spooled once while its SHA-256 is computed, then
/// written to <c>archive/originals/{department}/{sha256}{ext}</c> with "if not exists". The path is a
/// function of the bytes alone, so it is known before the period is (which only reading reveals), a
/// retry writes nothing new, and every later step can fail without losing the original. The period
/// lives in the ledger row and in the dataset, which both point at that path.
/// </para>
/// <para>
/// The idempotency key is upload path + content SHA-256: the ledger row (partition = department,
/// row = SHA-256 of both) is written as "processing" after archiving and replaced by the final
/// status at the end. A final row makes a repeat call return the earlier receipt; a row left as
/// processing or failed (a crash, a store outage) is processed again with the same received time,
/// so the same artefact names are produced.
/// </para>
/// </summary>
public sealed class IngestionService(IReportStore store, ILedgerStore ledger, ReportingOptions options, TimeProvider clock)
{
    /// <summary>Department segment for uploads that did not say whose they are; never a valid id, so never a real department.</summary>
    public const string UnassignedDepartment = "_unassigned";

    /// <summary>Department segment for uploads whose department id is not valid.</summary>
    public const string InvalidDepartment = "_invalid";

    /// <summary>Azure Table string columns hold 32K characters; findings beyond are in the annotated workbook.</summary>
    private const int MaxFindingsJsonLength = 30_000;

    private static readonly JsonSerializerOptions s_compact = new(ReportingJson.Options) { WriteIndented = false };

    private readonly DatasetRepository _datasets = new(store);

    /// <param name="uploadPath">Where the upload arrived (blob path, or a local path for the CLI); part of the idempotency key.</param>
    /// <param name="department">Department id; empty means "take it from the sheet's 填报单位".</param>
    public Task<SubmissionReceipt> IngestAsync(
        string uploadPath, string department, string fileName, Stream content, ReportingPeriod? periodOverride, CancellationToken ct) =>
        IngestAsync(uploadPath, department, fileName, content, new PeriodHint(periodOverride), ct);

    /// <param name="uploadPath">Where the upload arrived (blob path, mailbox path, or a local path for the CLI); part of the idempotency key.</param>
    /// <param name="department">Department id; empty means "take it from the sheet's 填报单位".</param>
    /// <param name="period">What the entrance knows of the period: stated (a conflict with the sheet is a finding), or only guessed.</param>
    public async Task<SubmissionReceipt> IngestAsync(
        string uploadPath, string department, string fileName, Stream content, PeriodHint period, CancellationToken ct)
    {
        ReportingPeriod? periodOverride = period.Stated;
        ArgumentNullException.ThrowIfNull(content);
        uploadPath ??= string.Empty;
        string safeName = UploadNames.SanitizeFileName(fileName);
        string segment = string.IsNullOrEmpty(department) ? UnassignedDepartment : DepartmentOptions.IsValidId(department) ? department : InvalidDepartment;

        await using FileStream spool = CreateSpool();
        (string sha, long size) = await SpoolAsync(content, spool, ct).ConfigureAwait(false);
        string rowKey = SubmissionRecord.KeyFor(uploadPath, sha);

        LedgerRow<SubmissionRecord>? existing = await ledger.GetAsync<SubmissionRecord>(LedgerTables.Submissions, segment, rowKey, ct).ConfigureAwait(false);
        if (existing is not null && existing.Value.IsFinal)
        {
            return Receipt(existing.Value, alreadyProcessed: true);
        }

        // A retry keeps the first attempt's received time, so names and "latest wins" decisions repeat exactly.
        DateTimeOffset receivedAt = existing?.Value.ReceivedAt ?? TruncateToSeconds(clock.GetUtcNow());
        string archivePath = StorePath.Combine(Containers.Archive, "originals", segment, sha + UploadNames.Extension(safeName));
        await ArchiveAsync(archivePath, spool, ct).ConfigureAwait(false);

        var record = new SubmissionRecord
        {
            Department = segment,
            FileName = StorePath.Printable(fileName ?? string.Empty),
            UploadPath = StorePath.Printable(uploadPath),
            Sha256 = sha,
            Size = size,
            ReceivedAt = receivedAt,
            Period = periodOverride,
            Status = SubmissionResult.Processing,
            ArchivePath = archivePath,
        };
        await ledger.UpsertAsync(LedgerTables.Submissions, segment, rowKey, record, ct).ConfigureAwait(false);

        try
        {
            record = await ProcessAsync(record, segment, department, safeName, spool, period, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failure = new Finding
            {
                Severity = Severity.Error,
                RuleId = RuleIds.IngestionFailed,
                Message = "处理文件时发生内部错误，原件已存档，管理员会处理；您也可以稍后重新上传。",
            };
            record = record with
            {
                Status = SubmissionResult.Failed,
                ErrorCount = 1,
                FindingsJson = JsonSerializer.Serialize(new[] { failure }, s_compact),
                FailureMessage = SecretText.Redact($"{ex.GetType().Name}: {ex.Message}"),
            };
        }

        await ledger.UpsertAsync(LedgerTables.Submissions, segment, rowKey, record, ct).ConfigureAwait(false);
        return Receipt(record, alreadyProcessed: false);
    }

    private async Task<SubmissionRecord> ProcessAsync(
        SubmissionRecord record, string segment, string department, string safeName, FileStream spool, PeriodHint hint, CancellationToken ct)
    {
        var context = new IngestionContext
        {
            Department = string.IsNullOrEmpty(department) ? null : department,
            Period = hint.Stated,
            PeriodSource = hint.Where,
            FallbackPeriod = hint.Guess,
            Options = options,
        };
        spool.Position = 0;
        IngestionOutcome outcome = new WorkbookIngestor().Read(spool, safeName, context);
        string resolved = outcome.DepartmentId ?? segment;

        if (outcome.Accepted && outcome.Period is ReportingPeriod period && outcome.Projects.Count > 0 && outcome.DepartmentId is string departmentId)
        {
            Dataset? previous = await _datasets.LoadAsync(period.Previous, departmentId, DatasetKind.Projects, ct).ConfigureAwait(false);
            outcome = WorkbookIngestor.WithPreviousMonth(outcome, previous?.Projects, options);
            Dataset? earlier = await _datasets.LoadAsync(period, departmentId, DatasetKind.Projects, ct).ConfigureAwait(false);
            outcome = WorkbookIngestor.WithEarlierUpload(outcome, earlier, options);
        }

        var datasetPaths = new List<string>();
        if (outcome.Accepted && outcome.Period is ReportingPeriod accepted && outcome.DepartmentId is not null)
        {
            foreach (DatasetKind kind in outcome.Kinds)
            {
                var dataset = new Dataset
                {
                    Kind = kind,
                    Period = accepted,
                    Department = outcome.DepartmentId,
                    SourceFile = record.FileName,
                    ArchivePath = record.ArchivePath,
                    Sha256 = record.Sha256,
                    ReceivedAt = record.ReceivedAt,
                    Projects = kind == DatasetKind.Projects ? outcome.Projects : [],
                    Signings = kind == DatasetKind.Signings ? outcome.Signings : [],
                    Metrics = kind == DatasetKind.Metrics ? outcome.Metrics : [],
                    Units = outcome.UnitsOf(kind),
                    Warnings = outcome.Warnings,
                };
                await _datasets.SaveIfLatestAsync(dataset, ct).ConfigureAwait(false);
                datasetPaths.Add(DatasetRepository.PathFor(accepted, outcome.DepartmentId, kind));
            }
        }

        string? annotatedPath = null;
        if (outcome.Findings.Count > 0)
        {
            annotatedPath = StorePath.Combine(
                Containers.Rejected,
                DepartmentOptions.IsValidId(resolved) ? resolved : segment,
                $"{record.ReceivedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{record.Sha256[..12]}-校验结果.xlsx");
            using var annotated = new MemoryStream();
            spool.Position = 0;
            AnnotatedWorkbookWriter.Write(spool, safeName, outcome, options.Ingestion, annotated);
            annotated.Position = 0;
            await store.WriteAsync(annotatedPath, annotated, WriteCondition.Overwrite, ct).ConfigureAwait(false);
        }

        (string findingsJson, bool truncated) = SerializeFindings(outcome.Findings);
        return record with
        {
            Department = resolved,
            DepartmentName = outcome.DepartmentName,
            Period = outcome.Period,
            Status = !outcome.Accepted ? SubmissionResult.Rejected : outcome.WarningCount > 0 ? SubmissionResult.AcceptedWithWarnings : SubmissionResult.Accepted,
            ErrorCount = outcome.ErrorCount,
            WarningCount = outcome.WarningCount,
            ProjectCount = outcome.Projects.Count,
            SigningCount = outcome.Signings.Count,
            MetricCount = outcome.Metrics.Count,
            FindingsJson = findingsJson,
            FindingsTruncated = truncated || outcome.FindingsTruncated,
            UnitNotes = outcome.UnitNotes.Count == 0 ? null : string.Join('\n', outcome.UnitNotes),
            DatasetPaths = datasetPaths,
            AnnotatedPath = annotatedPath,
        };
    }

    private async Task ArchiveAsync(string archivePath, FileStream spool, CancellationToken ct)
    {
        if (await store.GetInfoAsync(archivePath, ct).ConfigureAwait(false) is not null)
        {
            return;
        }

        spool.Position = 0;
        try
        {
            await store.WriteAsync(archivePath, spool, WriteCondition.IfNotExists, ct).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            // The same bytes arrived concurrently: the path is their hash, so what is there is identical.
        }
    }

    private static (string Json, bool Truncated) SerializeFindings(IReadOnlyList<Finding> findings)
    {
        string json = JsonSerializer.Serialize(findings, s_compact);
        if (json.Length <= MaxFindingsJsonLength)
        {
            return (json, false);
        }

        // Keep the first findings that fit; errors come first in reading order anyway.
        int low = 0;
        int high = findings.Count;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (JsonSerializer.Serialize(findings.Take(mid), s_compact).Length <= MaxFindingsJsonLength)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (JsonSerializer.Serialize(findings.Take(low), s_compact), true);
    }

    private static SubmissionReceipt Receipt(SubmissionRecord record, bool alreadyProcessed) => new()
    {
        Record = record,
        Findings = record.ReadFindings(),
        AlreadyProcessed = alreadyProcessed,
    };

    private static FileStream CreateSpool() =>
        new(Path.Combine(Path.GetTempPath(), "reporting-upload-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static async Task<(string Sha, long Size)> SpoolAsync(Stream content, FileStream spool, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await spool.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            size += read;
        }

        await spool.FlushAsync(ct).ConfigureAwait(false);
        spool.Position = 0;
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);
}
