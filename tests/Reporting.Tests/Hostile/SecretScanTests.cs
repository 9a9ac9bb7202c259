using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Tests.Hostile;

/// <summary>
/// No credential is committed: every file git tracks is scanned for storage account keys, SAS signatures,
/// private keys, cloud tokens and non-placeholder passwords in settings files. One value is allowed, and
/// only where it is: the Azurite development account key, which Microsoft publishes for the emulator and
/// which no real account accepts (tests/Reporting.IntegrationTests/Infrastructure/AzuriteFixture.cs,
/// tests/Reporting.Tests/Storage/AzureStorageTests.cs).
/// </summary>
public sealed partial class SecretScanTests
{
    /// <summary>The emulator's published key (devstoreaccount1): not a secret.</summary>
    private const string AzuriteDevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] s_settingsExtensions = [".json", ".example", ".bicepparam", ".env", ".yml", ".yaml", ".config", ".ini", ".properties", ".bicep", ".xml"];

    [Fact]
    public void No_tracked_file_holds_a_key_signature_private_key_or_password()
    {
        string root = RepositoryRoot();
        List<string> findings = [];
        int scanned = 0;
        foreach (string file in TrackedFiles(root))
        {
            string path = Path.Combine(root, file);
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).IndexOf((byte)0) >= 0 || file.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                continue;
            }

            scanned++;
            findings.AddRange(Scan(file, Encoding.UTF8.GetString(bytes)).Select(f => $"{file}: {f}"));
        }

        Assert.True(scanned > 200, $"only {scanned} files scanned: is this a git checkout?");
        Assert.Empty(findings);
    }

    [Theory]
    // Planted values are split in the source ("…" + "…") so that this file does not trip its own scan.
    [InlineData("appsettings.json", "{ \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=px;AccountKey=" + "bm90LWEtcmVhbC1rZXktYnV0LWxvb2tzLWxpa2Utb25lLWtleT09\" }")]
    [InlineData("notes.md", "curl https://px.blob.core.windows.net/c/b?sv=2023-11-03&sp=r&sig=" + "q8JbX0tY1mWn3Kc7vL2Ri9pEo4Zs6Ua5Hd8Gf1%3D")]
    [InlineData("local.settings.json.example", "{ \"Values\": { \"Reporting__Delivery__Smtp__Password\": \"hunter2-real\" } }")]
    [InlineData("main.parameters.json", "{ \"smtpPassword\": { \"value\": \"hunter2-real\" } }")]
    [InlineData("main.bicep", "param x = { Reporting__Delivery__Smtp__Password: 'hunter2-real' }")]
    [InlineData("deploy.key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn\n-----END OPENSSH PRIVATE KEY-----")]
    [InlineData("ci.yml", "token: ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB")]
    [InlineData("ci.sh", "export AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE")]
    public void The_scan_finds_a_planted_secret(string file, string content)
    {
        Assert.NotEmpty(Scan(file, content));
    }

    [Theory]
    [InlineData("local.settings.json.example", "{ \"Reporting__Delivery__Smtp__Password\": \"\", \"ReportingStorage\": \"UseDevelopmentStorage=true\" }")]
    [InlineData("main.parameters.json", "{ \"smtpPassword\": { \"value\": \"${SMTP_PASSWORD}\" } }")]
    [InlineData("main.bicep", "Reporting__Delivery__Smtp__Password: '@Microsoft.KeyVault(SecretUri=https://kv/secrets/smtp)'")]
    [InlineData("AzuriteFixture.cs", "AccountKey=" + AzuriteDevelopmentKey)]
    [InlineData("AzureStorageTests.cs", "SharedAccessSignature=sv=2024&sig=x")]
    public void Placeholders_references_and_the_emulator_key_are_not_secrets(string file, string content)
    {
        Assert.Empty(Scan(file, content));
    }

    internal static List<string> Scan(string file, string text)
    {
        var findings = new List<string>();
        foreach (Match key in AccountKey().Matches(text))
        {
            if (key.Groups["value"].Value != AzuriteDevelopmentKey)
            {
                findings.Add("storage account key " + Hint(key.Groups["value"].Value));
            }
        }

        findings.AddRange(SasSignature().Matches(text).Select(m => "SAS signature " + Hint(m.Groups["value"].Value)));
        findings.AddRange(PrivateKey().Matches(text).Select(_ => "private key"));
        findings.AddRange(CloudToken().Matches(text).Select(m => "token " + Hint(m.Value)));
        if (s_settingsExtensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match setting in PasswordSetting().Matches(text))
            {
                string value = setting.Groups["value"].Value.Trim();
                if (!IsPlaceholder(value) && !NamesSomethingElse(setting.Groups["key"].Value))
                {
                    findings.Add($"{setting.Groups["key"].Value} = {Hint(value)}");
                }
            }
        }

        return findings;
    }

    private static bool IsPlaceholder(string value) =>
        value.Length == 0
        || value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
        || (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'))
        || (value.StartsWith("$(", StringComparison.Ordinal) && value.EndsWith(')'))
        || (value.StartsWith('<') && value.EndsWith('>'))
        || (value.StartsWith("{{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal));

    // smtpPasswordSecretName = 'smtp-password' names the Key Vault secret; keyVaultSecretsUser is a role definition id.
    private static bool NamesSomethingElse(string key) =>
        ((string[])["Name", "Names", "Uri", "Url", "User", "UserName", "Id", "RoleId", "Path", "Setting"]).Any(suffix => key.EndsWith(suffix, StringComparison.Ordinal));

    // Enough to find the line, never the whole secret in a test report.
    private static string Hint(string secret) => secret.Length <= 6 ? "***" : secret[..4] + "…";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reporting.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Reporting.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] TrackedFiles(string root)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["-c", "core.quotepath=off", "ls-files", "-z"])
        {
            start.ArgumentList.Add(argument);
        }

        using Process git = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        string output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: " + git.StandardError.ReadToEnd());
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"AccountKey\s*=\s*(?<value>[A-Za-z0-9+/]{40,}={0,2})")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"(?:[?&;]|SharedAccessSignature=)sig=(?<value>[A-Za-z0-9%+/=]{16,})")]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\s)+[A-Za-z0-9+/=]{40,}")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[baprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_\-]{35})\b")]
    private static partial Regex CloudToken();

    [GeneratedRegex(@"[""']?(?<key>[A-Za-z0-9_.:\-]*(?:[Pp]assword|PASSWORD|[Pp]asswd|[Ss]ecret|SECRET|[Aa]pi[Kk]ey|API_KEY)[A-Za-z0-9_.:\-]*)[""']?\s*[:=]\s*(?:\{\s*""value""\s*:\s*)?[""'](?<value>[^""'\r\n]*)[""']")]
    private static partial Regex PasswordSetting();
}
