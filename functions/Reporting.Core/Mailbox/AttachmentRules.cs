using System.Text.Json.Serialization;
using Reporting.Core.Ingestion.Submissions;

namespace Reporting.Core.Mailbox;

/// <summary>What an attachment is to the mailbox.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttachmentKind>))]
public enum AttachmentKind
{
    /// <summary>An .xlsx, .xlsm, .xls or .csv (by name, or by type when unnamed): goes through the upload path.</summary>
    Spreadsheet,

    /// <summary>A spreadsheet over the upload limit: refused from its size on the server, never downloaded.</summary>
    TooLarge,

    /// <summary>A zip, rar, 7z…: not opened (answered with a request to attach the spreadsheet itself).</summary>
    Archive,

    /// <summary>Attached, but not a spreadsheet (a Word letter, a PDF scan).</summary>
    Other,

    /// <summary>Shown in the text (a signature's logo, a pasted picture): not something the clerk sent us.</summary>
    Inline,
}

/// <summary>
/// Which attachments count. A spreadsheet is known by its extension (the name is what the clerk chose and what
/// ingestion reads), or by its media type when it has no usable name. Its size comes from the server's description
/// of the message, so one over the upload limit is refused before a byte of it is downloaded. Archives are not
/// opened: unpacking mail attachments would bring back zip bombs and the legacy name encodings of Chinese zip tools
/// for no gain, as a spreadsheet is small enough to attach as it is. Other attachments are ignored when the message
/// has a spreadsheet and named in the answer when it has none.
/// </summary>
public static class AttachmentRules
{
    private static readonly string[] s_spreadsheetExtensions = [".xlsx", ".xlsm", ".xls", ".csv"];
    private static readonly string[] s_archiveExtensions = [".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".cab", ".arj"];
    private static readonly string[] s_spreadsheetTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-excel",
        "application/excel",
        "application/x-excel",
        "application/x-msexcel",
        "text/csv",
        "application/csv",
    ];

    private static readonly string[] s_archiveTypes =
    [
        "application/zip", "application/x-zip-compressed", "application/x-zip", "application/x-rar-compressed", "application/vnd.rar",
        "application/x-rar", "application/x-7z-compressed", "application/gzip", "application/x-gzip", "application/x-tar",
    ];

    public static AttachmentKind Classify(IncomingAttachment attachment, long maxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        string extension = ExtensionOf(attachment.FileName);
        string type = attachment.MediaType.Trim().ToLowerInvariant();
        bool named = extension.Length > 0;
        if (s_spreadsheetExtensions.Contains(extension) || (!named && s_spreadsheetTypes.Contains(type)))
        {
            return attachment.Size > maxUploadBytes ? AttachmentKind.TooLarge : AttachmentKind.Spreadsheet;
        }

        if (s_archiveExtensions.Contains(extension) || (!named && s_archiveTypes.Contains(type)))
        {
            return AttachmentKind.Archive;
        }

        // A picture in the text has no business in the answer; anything else the clerk attached is named there.
        return attachment.Inline && (attachment.FileName.Length == 0 || type.StartsWith("image/", StringComparison.Ordinal))
            ? AttachmentKind.Inline
            : AttachmentKind.Other;
    }

    /// <summary>The name ingestion sees: the clerk's, made safe; an unnamed spreadsheet gets one from its type.</summary>
    public static string UploadName(IncomingAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (ExtensionOf(attachment.FileName).Length > 0)
        {
            return UploadNames.SanitizeFileName(attachment.FileName);
        }

        string type = attachment.MediaType.Trim().ToLowerInvariant();
        string extension = type switch
        {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
            "application/vnd.ms-excel.sheet.macroenabled.12" => ".xlsm",
            "text/csv" or "application/csv" => ".csv",
            _ => ".xls",
        };
        string stem = attachment.FileName.Trim().Length > 0 ? UploadNames.SanitizeFileName(attachment.FileName) : "附件" + attachment.Part.Replace('.', '-');
        return stem + extension;
    }

    /// <summary>".xlsx" (lower-case) or empty when the name has no short extension.</summary>
    public static string ExtensionOf(string? fileName)
    {
        string name = (fileName ?? string.Empty).Trim();
        int dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1)
        {
            return string.Empty;
        }

        string extension = name[dot..].ToLowerInvariant();
        return extension.Length <= 9 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : string.Empty;
    }
}
