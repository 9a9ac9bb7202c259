using System.Security.Cryptography;
using Reporting.Core.Briefings.Attachments;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Storage;

namespace Reporting.Core.Pipeline;

/// <summary>
/// Where an issue's files live and how they are written and read back. The issued copy (what leaders receive):
/// briefings/{period}/{issue}.pdf, {issue}.json (the manifest, written last: its presence means the files are complete),
/// {issue}-{file} for the workbook and the county appendices. A draft: the same names under briefings/{period}/drafts/
/// with -v{version}, plus the indicators it was drawn from.
/// </summary>
public sealed class BriefingFiles(IReportStore store, ReportingOptions options)
{
    private const int MaxHeadlines = 8;

    public static string IssuedPrefix(ReportingPeriod period, int issue) => StorePath.Combine(Containers.Briefings, period.ToString(), issue.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string DraftPrefix(ReportingPeriod period, int issue, int version) =>
        StorePath.Combine(Containers.Briefings, period.ToString(), "drafts", $"{issue}-v{version}");

    /// <summary>
    /// Stores one rendering under <paramref name="prefix"/> (prefix.pdf, prefix.json, prefix-{file}) and returns its manifest.
    /// The PDF is written with <paramref name="pdfCondition"/>; a conflict is the caller's to handle.
    /// </summary>
    public async Task<PublishedBriefing> StoreAsync(
        string prefix, RenderedBriefing rendered, DateOnly issueDate, int? corrects, int? draftVersion, DateTimeOffset renderedAt, WriteCondition pdfCondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        BriefingDocument document = rendered.Document;
        StoredObject pdf = await store.WriteBytesAsync(prefix + ".pdf", rendered.Pdf, pdfCondition, cancellationToken).ConfigureAwait(false);
        var attachments = new List<StoredAttachment>();
        foreach (BriefingAttachment attachment in rendered.Attachments)
        {
            string path = prefix + "-" + attachment.FileName;
            await store.WriteBytesAsync(path, attachment.Content, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
            attachments.Add(new StoredAttachment(attachment.FileName, attachment.MediaType, path));
        }

        var appendices = new Dictionary<string, StoredAttachment>(StringComparer.Ordinal);
        foreach ((string county, byte[] bytes) in rendered.CountyAppendices)
        {
            string fileName = Briefings.CountyAppendix.FileName(county);
            string path = prefix + "-" + fileName;
            await store.WriteBytesAsync(path, bytes, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
            appendices[county] = new StoredAttachment(fileName, "application/pdf", path);
        }

        string indicatorsPath = prefix + "-indicators.json";
        await store.WriteBytesAsync(indicatorsPath, System.Text.Encoding.UTF8.GetBytes(IndicatorCatalog.ToJson(rendered.Report)), WriteCondition.Overwrite, cancellationToken)
            .ConfigureAwait(false);

        var manifest = new PublishedBriefing
        {
            Period = rendered.Report.Period,
            IssueNumber = document.IssueNumber,
            IssueYear = document.Year,
            IssueDate = issueDate,
            PdfPath = prefix + ".pdf",
            Subject = BriefingMail.Subject(options, rendered.Report.Period, document.IssueNumber, document.Year, corrects),
            Headlines = Headlines(document),
            RenderedAt = renderedAt,
            PdfBytes = pdf.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(rendered.Pdf)),
            Warnings = rendered.Report.Warnings,
            Attachments = attachments,
            CountyAppendices = appendices,
            IndicatorsPath = indicatorsPath,
            Figures = HeadlineFigures.Of(rendered.Report),
            Corrects = corrects,
            DraftVersion = draftVersion,
        };

        // The manifest goes last: its presence means every file next to it is complete.
        await store.WriteJsonAsync(prefix + ".json", manifest, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>
    /// Copies a draft's files, byte for byte, to the issued names and writes the signed manifest: the bytes the signer
    /// saw are the bytes the leaders receive. Idempotent: a retry after a crash copies again and ends the same.
    /// </summary>
    public async Task<PublishedBriefing> IssueAsync(PublishedBriefing draft, string signedBy, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        string prefix = IssuedPrefix(draft.Period, draft.IssueNumber);
        byte[] pdf = await ReadAsync(draft.PdfPath, cancellationToken).ConfigureAwait(false);
        if (draft.Sha256 is { } expected && Convert.ToHexStringLower(SHA256.HashData(pdf)) != expected)
        {
            throw new InvalidOperationException($"The draft {draft.PdfPath} no longer matches the SHA-256 it was rendered with; it is not issued.");
        }

        await store.WriteBytesAsync(prefix + ".pdf", pdf, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        List<StoredAttachment> attachments = [];
        foreach (StoredAttachment attachment in draft.Attachments)
        {
            string path = prefix + "-" + attachment.FileName;
            await store.WriteBytesAsync(path, await ReadAsync(attachment.Path, cancellationToken).ConfigureAwait(false), WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
            attachments.Add(attachment with { Path = path });
        }

        var appendices = new Dictionary<string, StoredAttachment>(StringComparer.Ordinal);
        foreach ((string county, StoredAttachment appendix) in draft.CountyAppendices)
        {
            string path = prefix + "-" + appendix.FileName;
            await store.WriteBytesAsync(path, await ReadAsync(appendix.Path, cancellationToken).ConfigureAwait(false), WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
            appendices[county] = appendix with { Path = path };
        }

        PublishedBriefing issued = draft with
        {
            PdfPath = prefix + ".pdf",
            Attachments = attachments,
            CountyAppendices = appendices,
            SignedBy = signedBy,
            SignedAt = signedAt,
        };
        await store.WriteJsonAsync(prefix + ".json", issued, WriteCondition.Overwrite, cancellationToken).ConfigureAwait(false);
        return issued;
    }

    public Task<PublishedBriefing?> ReadManifestAsync(string prefix, CancellationToken cancellationToken) =>
        store.ReadJsonAsync<PublishedBriefing>(prefix + ".json", cancellationToken);

    /// <summary>The mail content of a stored issue: the PDF (checked against its SHA-256), the workbook, the county appendices.</summary>
    public async Task<BriefingMailContent> MailContentAsync(PublishedBriefing briefing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        byte[] pdf = await ReadAsync(briefing.PdfPath, cancellationToken).ConfigureAwait(false);
        if (briefing.Sha256 is { } expected && Convert.ToHexStringLower(SHA256.HashData(pdf)) != expected)
        {
            // What was signed is what is mailed, or nothing is.
            throw new InvalidOperationException($"The briefing {briefing.PdfPath} does not match the SHA-256 recorded when it was rendered or signed; nothing is sent.");
        }

        var attachments = new List<MailAttachment>();
        foreach (StoredAttachment attachment in briefing.Attachments)
        {
            attachments.Add(ToMail(attachment, await ReadAsync(attachment.Path, cancellationToken).ConfigureAwait(false)));
        }

        var appendices = new Dictionary<string, MailAttachment>(StringComparer.Ordinal);
        foreach ((string county, StoredAttachment appendix) in briefing.CountyAppendices)
        {
            appendices[county] = ToMail(appendix, await ReadAsync(appendix.Path, cancellationToken).ConfigureAwait(false));
        }

        return new BriefingMailContent
        {
            Period = briefing.Period,
            IssueNumber = briefing.IssueNumber,
            IssueYear = briefing.IssueYear,
            Headlines = briefing.Headlines,
            Pdf = pdf,
            IssuedOn = briefing.IssueDate,
            Corrects = briefing.Corrects,
            Attachments = attachments,
            CountyAppendices = appendices,
        };
    }

    public async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken) =>
        await store.ReadBytesAsync(path, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"{path} is not in the store.");

    public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) => store.OpenReadAsync(path, cancellationToken);

    /// <summary>The overview's key figures and prose: what a leader reads first.</summary>
    internal static IReadOnlyList<string> Headlines(BriefingDocument document)
    {
        var lines = new List<string>();
        if (document.Sections.Count == 0)
        {
            return lines;
        }

        foreach (Block block in document.Sections[0].Blocks)
        {
            switch (block)
            {
                case KeyFigures figures:
                    lines.AddRange(figures.Items.Select(f => f.Note is null ? $"{f.Label}：{f.Value}" : $"{f.Label}：{f.Value}（{f.Note}）"));
                    break;
                case Paragraph paragraph when paragraph.PlainText.Trim().Length > 0:
                    lines.Add(paragraph.PlainText.Trim());
                    break;
            }
        }

        return lines.Take(MaxHeadlines).ToList();
    }

    private static MailAttachment ToMail(StoredAttachment attachment, byte[] content)
    {
        int slash = attachment.MediaType.IndexOf('/', StringComparison.Ordinal);
        return new MailAttachment(attachment.FileName, attachment.MediaType[..slash], attachment.MediaType[(slash + 1)..], content);
    }
}
