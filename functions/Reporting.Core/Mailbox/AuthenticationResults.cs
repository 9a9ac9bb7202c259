using System.Text;

namespace Reporting.Core.Mailbox;

/// <summary>One method's result in an Authentication-Results field: <c>spf=pass smtp.mailfrom=anyuan.gov.cn</c>.</summary>
public sealed record AuthenticationResult(string Method, string Result, IReadOnlyDictionary<string, string> Properties)
{
    public bool Passed => Result == "pass";

    public string? Property(string name) => Properties.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>One Authentication-Results header field: who wrote it (the authserv-id) and what it found.</summary>
public sealed record AuthenticationResultsField(string AuthServId, IReadOnlyList<AuthenticationResult> Results);

/// <summary>
/// Reads Authentication-Results header fields (RFC 8601): <c>authserv-id [version] ; method=result
/// [reason=…] [ptype.property=value …] ; …</c>, with comments in parentheses, quoted strings and
/// whitespace anywhere. Lenient on purpose: a part it cannot read is skipped, never guessed at, and
/// what counts is decided by <see cref="SenderCheck"/>, which believes only the office's own server.
/// </summary>
public static class AuthenticationResults
{
    public const string HeaderName = "Authentication-Results";

    /// <summary>The field, or null when it names no authserv-id.</summary>
    public static AuthenticationResultsField? Parse(string? value)
    {
        List<string> segments = Segments(WithoutComments(value ?? string.Empty));
        if (segments.Count == 0)
        {
            return null;
        }

        List<string> first = Tokens(segments[0]);
        if (first.Count == 0 || first[0] == "=")
        {
            return null;
        }

        var results = new List<AuthenticationResult>();
        foreach (string segment in segments.Skip(1))
        {
            if (Result(Tokens(segment)) is AuthenticationResult result)
            {
                results.Add(result);
            }
        }

        return new AuthenticationResultsField(first[0], results);
    }

    /// <summary>The domain of "user@domain", "@domain" or "domain", lower-case; null when there is none.</summary>
    public static string? DomainOf(string? identity)
    {
        if (string.IsNullOrWhiteSpace(identity))
        {
            return null;
        }

        string domain = identity[(identity.LastIndexOf('@') + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        return domain.Length > 0 && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? domain : null;
    }

    // "method[/version] = result" then "name = value" pairs; anything else ("none") is no result.
    private static AuthenticationResult? Result(List<string> tokens)
    {
        if (tokens.Count < 3 || tokens[1] != "=" || tokens[0] == "=" || tokens[2] == "=")
        {
            return null;
        }

        string method = tokens[0].Split('/')[0].ToLowerInvariant();
        string result = tokens[2].ToLowerInvariant();
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 3; i + 2 < tokens.Count; i += 3)
        {
            if (tokens[i + 1] != "=" || tokens[i] == "=" || tokens[i + 2] == "=")
            {
                break;
            }

            properties.TryAdd(tokens[i], tokens[i + 2]);
        }

        return new AuthenticationResult(method, result, properties);
    }

    // Comments are CFWS: "(…)", nested, with backslash escapes; a parenthesis inside a quoted string is text.
    private static string WithoutComments(string value)
    {
        var text = new StringBuilder(value.Length);
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && i + 1 < value.Length && (quoted || depth > 0))
            {
                if (depth == 0)
                {
                    text.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            if (depth == 0 && c == '"')
            {
                quoted = !quoted;
                text.Append(c);
            }
            else if (!quoted && c == '(')
            {
                depth++;
                text.Append(' ');
            }
            else if (!quoted && c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }

    private static List<string> Segments(string value)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\\' && quoted && i + 1 < value.Length)
            {
                current.Append(c).Append(value[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (c == ';' && !quoted)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        return [segments[0], .. segments.Skip(1).Where(s => s.Trim().Length > 0)];
    }

    // Words, "=" and quoted strings (unquoted), whitespace between them dropped.
    private static List<string> Tokens(string segment)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < segment.Length)
        {
            char c = segment[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '=')
            {
                tokens.Add("=");
                i++;
            }
            else if (c == '"')
            {
                var word = new StringBuilder();
                for (i++; i < segment.Length && segment[i] != '"'; i++)
                {
                    if (segment[i] == '\\' && i + 1 < segment.Length)
                    {
                        i++;
                    }

                    word.Append(segment[i]);
                }

                tokens.Add(word.ToString());
                i++;
            }
            else
            {
                int start = i;
                while (i < segment.Length && !char.IsWhiteSpace(segment[i]) && segment[i] is not '=' and not '"')
                {
                    i++;
                }

                tokens.Add(segment[start..i]);
            }
        }

        return tokens;
    }
}
