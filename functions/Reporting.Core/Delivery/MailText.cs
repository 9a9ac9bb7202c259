using System.Globalization;
using System.Text;

namespace Reporting.Core.Delivery;

/// <summary>
/// Text from department names and uploaded file names ends up in mail headers. The MIME writer encodes
/// headers, but a CR/LF, a control character or a bidi override still has no business in a
/// subject or a file name, so they are removed here, once.
/// </summary>
public static class MailText
{
    /// <summary>Characters Windows and mail clients refuse in file names.</summary>
    private const string FileNameForbidden = "\\/:*?\"<>|";

    /// <summary>One line of header text: control and format characters removed, whitespace collapsed, length capped.</summary>
    public static string HeaderSafe(string? text, int maxLength = 120)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // CR, LF and TAB become one space; other controls would be invisible either way.
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        string result = builder.ToString();
        if (result.Length > maxLength)
        {
            result = result[..maxLength];
            if (char.IsHighSurrogate(result[^1]))
            {
                result = result[..^1];
            }

            result += "…";
        }

        return result;
    }

    /// <summary>A file name safe for an attachment: header-safe and free of path and reserved characters.</summary>
    public static string FileNameSafe(string? name, string fallback)
    {
        string safe = HeaderSafe(name, 100);
        var builder = new StringBuilder(safe.Length);
        foreach (char c in safe)
        {
            builder.Append(FileNameForbidden.Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        string result = builder.ToString().Trim().TrimStart('.');
        return result.Length == 0 ? fallback : result;
    }
}
