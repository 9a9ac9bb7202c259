using System.Globalization;
using System.Text;

namespace Reporting.Core.Ingestion.Submissions;

/// <summary>Makes names from outside safe before they become part of any store path.</summary>
public static class UploadNames
{
    /// <summary>
    /// The last path segment only, without control, format or bidi characters, path separators or
    /// characters Windows and blob tools refuse; NFC-normalised; at most 100 characters; never "." or "..".
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        string name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or '#' or '%')
            {
                builder.Append('_');
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        string cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length > 100)
        {
            string extension = Extension(cleaned);
            cleaned = cleaned[..(100 - extension.Length)] + extension;
        }

        return cleaned.Length == 0 ? "upload" : cleaned;
    }

    /// <summary>A short lower-case ASCII extension with its dot (".xlsx"), or ".bin".</summary>
    public static string Extension(string? fileName)
    {
        string name = fileName ?? string.Empty;
        int dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1)
        {
            return ".bin";
        }

        string extension = name[(dot + 1)..].ToLowerInvariant();
        return extension.Length <= 8 && extension.All(char.IsAsciiLetterOrDigit) ? "." + extension : ".bin";
    }

    /// <summary>
    /// Splits an upload path "uploads/{department}/{file}" or "uploads/{department}/{YYYY-MM}/{file}" into its
    /// parts; false when the path has another shape or the department id is not valid.
    /// </summary>
    public static bool TryParseUploadPath(string? path, out string department, out ReportingPeriod? period, out string fileName)
    {
        department = string.Empty;
        period = null;
        fileName = string.Empty;
        string[] parts = (path ?? string.Empty).Split('/');
        if (parts.Length is < 3 or > 4 || parts[0] != Storage.Containers.Uploads || !Configuration.DepartmentOptions.IsValidId(parts[1]))
        {
            return false;
        }

        if (parts.Length == 4)
        {
            if (!ReportingPeriod.TryParse(parts[2], out ReportingPeriod parsed))
            {
                return false;
            }

            period = parsed;
        }

        department = parts[1];
        fileName = parts[^1];
        return fileName.Length > 0;
    }
}
