using System.Text.RegularExpressions;

namespace Reporting.Core.Configuration;

/// <summary>
/// Masks credentials in text that goes to a log or a ledger: the values of AccountKey=, SharedAccessSignature=,
/// SharedAccessKey=, Password=/Pwd=/ClientSecret= (connection strings), a SAS signature (sig=…) in a URL,
/// the password in a URL's user info, and PEM private keys. Exception messages pass through here before
/// they are stored, because a message from a library may quote the URL or connection string it was given.
/// </summary>
public static partial class SecretText
{
    public const string Mask = "***";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string redacted = KeyValue().Replace(text, m => m.Groups["key"].Value + "=" + Mask);
        redacted = Signature().Replace(redacted, m => m.Groups["key"].Value + Mask);
        redacted = UserInfo().Replace(redacted, m => m.Groups["user"].Value + ":" + Mask + "@");
        return PrivateKey().Replace(redacted, "-----BEGIN PRIVATE KEY-----" + Mask + "-----END PRIVATE KEY-----");
    }

    [GeneratedRegex(@"(?<key>\b(?:AccountKey|SharedAccessSignature|SharedAccessKey|Password|Pwd|ClientSecret))\s*=\s*(?:""[^""]*""|'[^']*'|[^;\s""']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<key>[?&;](?:sig|signature)=)[^&\s""';]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();

    [GeneratedRegex(@"(?<user>\b[a-z][a-z0-9+.\-]*://[^/\s:@]+):[^@\s/]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z ]+ )?PRIVATE KEY-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();
}
