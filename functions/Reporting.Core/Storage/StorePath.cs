using System.Text;

namespace Reporting.Core.Storage;

/// <summary>
/// Store paths are "container/segment/…/name" with forward slashes. Anything that could
/// escape a prefix ("..", absolute paths, backslashes, control characters) is refused here,
/// once, for every store implementation.
/// </summary>
public static class StorePath
{
    public const int MaxLength = 1024;

    public static string Combine(params string[] segments)
    {
        string path = string.Join('/', segments.Select(s => s.Trim('/')));
        Validate(path);
        return path;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the path is not a safe store path.</summary>
    public static void Validate(string path)
    {
        if (!IsValid(path, out string? reason))
        {
            throw new ArgumentException($"Invalid store path '{Printable(path)}': {reason}", nameof(path));
        }
    }

    public static bool IsValid(string? path, out string? reason)
    {
        reason = null;
        if (string.IsNullOrEmpty(path))
        {
            reason = "empty";
            return false;
        }

        if (path.Length > MaxLength)
        {
            reason = "too long";
            return false;
        }

        if (path.Contains('\\'))
        {
            reason = "backslash";
            return false;
        }

        foreach (char c in path)
        {
            if (char.IsControl(c))
            {
                reason = "control character";
                return false;
            }
        }

        string[] segments = path.Split('/');
        if (segments.Length < 2)
        {
            reason = "no container";
            return false;
        }

        foreach (string segment in segments)
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                reason = "empty or relative segment";
                return false;
            }

            if (segment.Trim().Length != segment.Length)
            {
                reason = "segment with leading or trailing spaces";
                return false;
            }
        }

        if (!Containers.All.Contains(segments[0]))
        {
            reason = $"unknown container '{segments[0]}'";
            return false;
        }

        return true;
    }

    public static string Container(string path) => path[..path.IndexOf('/')];

    public static string WithinContainer(string path) => path[(path.IndexOf('/') + 1)..];

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>A path with control and format characters escaped, safe to print in logs and messages.</summary>
    public static string Printable(string? path)
    {
        if (path is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(path.Length);
        foreach (char c in path.Length > 300 ? path[..300] + "…" : path)
        {
            builder.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
                ? $"\\u{(int)c:x4}"
                : c.ToString());
        }

        return builder.ToString();
    }
}
