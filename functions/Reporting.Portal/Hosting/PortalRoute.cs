namespace Reporting.Portal.Hosting;

/// <summary>Who may call a route.</summary>
public enum PortalAccess
{
    /// <summary>Anyone: sign-in pages and static assets.</summary>
    Anonymous,

    /// <summary>Any signed-in user.</summary>
    SignedIn,

    /// <summary>A department clerk (the office has its own pages).</summary>
    Clerk,

    /// <summary>The office (推进办) only.</summary>
    Office,
}

/// <summary>
/// One entry of the portal's route table: method, a path template under /portal with {name} segments, who may
/// call it, whether it answers in JSON (401/403 as JSON rather than a redirect to the sign-in page).
/// </summary>
public sealed record PortalRoute(string Method, string Template, PortalAccess Access, bool Json, Func<PortalRequest, Task> Handle)
{
    private readonly string[] _segments = Split(Template);

    /// <summary>Matches a path (already under the base path) and returns its {name} values.</summary>
    public bool TryMatch(string method, string path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase)
            && !(Method == "GET" && string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        string[] segments = Split(path);
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (int i = 0; i < segments.Length; i++)
        {
            string pattern = _segments[i];
            if (pattern.StartsWith('{') && pattern.EndsWith('}'))
            {
                values[pattern[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(pattern, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
