using Reporting.Core.Configuration;

namespace Reporting.Core.Mailbox;

/// <summary>Whether a message counts for a department, and if not, why.</summary>
public enum SenderStanding
{
    /// <summary>From a department's configured address, and the office's server says SPF, DKIM or DMARC passed for its domain.</summary>
    Department,

    /// <summary>No department lists this address.</summary>
    UnknownSender,

    /// <summary>A department's address, but the office's server did not confirm it (failed, missing or contradictory checks).</summary>
    NotAuthenticated,

    /// <summary>The address is listed for more than one department: the message cannot say whose it is.</summary>
    SeveralDepartments,

    /// <summary>From names no address, or several.</summary>
    NoSingleSender,
}

/// <summary>The verdict on a message's sender; <see cref="Explanation"/> is what the office reads (Chinese).</summary>
public sealed record SenderVerdict(SenderStanding Standing, string Address, string? DepartmentId, IReadOnlyList<string> Candidates, string Explanation)
{
    public bool Counts => Standing == SenderStanding.Department;
}

/// <summary>
/// Who sent it decides nothing by itself. A message counts for a department only when (1) its one From address is
/// configured for exactly one department (the department's contact or one of its listed senders) and (2) an
/// Authentication-Results field written by the office's own receiving server (its authserv-id, configured) says
/// that SPF (<c>smtp.mailfrom</c>), DKIM (<c>header.d</c>) or DMARC (<c>header.from</c>) passed for exactly the From
/// address's domain. Fields with another authserv-id are ignored: a sender can write any header it likes, and
/// RFC 8601 §5 has the receiving border strip fields carrying its own id. A result contradicted by another result
/// of the same server for the same method (a forged "pass" next to the real "fail") is not believed.
/// </summary>
public sealed class SenderCheck(ReportingOptions options)
{
    public SenderVerdict Check(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string[] from = [.. message.From.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        if (from.Length != 1 || !MailboxOptions.IsPlainAddress(from[0]))
        {
            string shown = from.Length == 0 ? "（无）" : string.Join("、", from);
            return new SenderVerdict(SenderStanding.NoSingleSender, string.Join(", ", from), null, [], $"发件人（From）应为一个邮箱地址，实际为：{shown}。");
        }

        string address = from[0];
        List<DepartmentOptions> claimed = [.. options.Departments.Where(d => AllowedSenders(d).Contains(address, StringComparer.OrdinalIgnoreCase))];
        if (claimed.Count == 0)
        {
            return new SenderVerdict(SenderStanding.UnknownSender, address, null, [], $"发件人 {address} 不是任何部门登记的报送邮箱。");
        }

        if (claimed.Count > 1)
        {
            return new SenderVerdict(
                SenderStanding.SeveralDepartments,
                address,
                null,
                [.. claimed.Select(d => d.Id)],
                $"发件人 {address} 同时登记为{string.Join("、", claimed.Select(d => d.Name))}的报送邮箱，无法确定是哪个部门报送。");
        }

        DepartmentOptions department = claimed[0];
        string domain = AuthenticationResults.DomainOf(address)!;
        string? failure = Unconfirmed(message, domain);
        return failure is null
            ? new SenderVerdict(SenderStanding.Department, address, department.Id, [department.Id], $"发件人 {address}（{department.Name}），收件服务器确认发信域名 {domain} 验证通过。")
            : new SenderVerdict(SenderStanding.NotAuthenticated, address, null, [department.Id], $"发件人 {address} 是{department.Name}登记的报送邮箱，但{failure}，可能是冒用该地址。");
    }

    /// <summary>The department's contact and its listed senders.</summary>
    public IReadOnlyList<string> AllowedSenders(DepartmentOptions department)
    {
        ArgumentNullException.ThrowIfNull(department);
        IEnumerable<string> contact = string.IsNullOrWhiteSpace(department.Contact) ? [] : [department.Contact.Trim()];
        return [.. contact.Concat(options.Mailbox.SendersOf(department.Id)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Null when the office's server confirms the domain; otherwise why not (Chinese, for the office).</summary>
    private string? Unconfirmed(IncomingMessage message, string domain)
    {
        string? ours = options.Mailbox.AuthServId?.Trim();
        if (string.IsNullOrEmpty(ours))
        {
            return "未配置收件服务器标识（Reporting:Mailbox:AuthServId），无法核对发信认证结果";
        }

        List<AuthenticationResult> trusted = [.. message.HeaderValues(AuthenticationResults.HeaderName)
            .Select(AuthenticationResults.Parse)
            .Where(f => f is not null && string.Equals(f.AuthServId, ours, StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => f!.Results)];
        if (trusted.Count == 0)
        {
            return $"邮件中没有收件服务器 {ours} 的认证结果（Authentication-Results）";
        }

        // An SPF check of the HELO name is another evaluation (some servers report both): only MAIL FROM's counts here.
        List<(AuthenticationResult Result, string? Domain)> spf = Of(
            [.. trusted.Where(r => r.Property("smtp.helo") is null || r.Property("smtp.mailfrom") is not null)], "spf", r => r.Property("smtp.mailfrom"));
        List<(AuthenticationResult Result, string? Domain)> dkim = Of(trusted, "dkim", r => r.Property("header.d") ?? r.Property("header.i"));
        List<(AuthenticationResult Result, string? Domain)> dmarc = Of(trusted, "dmarc", r => r.Property("header.from"));

        // One SPF and one DMARC evaluation per message: any other result next to a pass contradicts it. DKIM may
        // legitimately carry several signatures, so only a non-pass for the same domain (or "no signature") does.
        bool spfPass = Passes(spf, domain) && spf.All(r => r.Result.Passed);
        bool dmarcPass = Passes(dmarc, domain) && dmarc.All(r => r.Result.Passed);
        bool dkimPass = Passes(dkim, domain) && !dkim.Any(r => !r.Result.Passed && (r.Domain is null || r.Domain == domain));
        if (spfPass || dkimPass || dmarcPass)
        {
            return null;
        }

        bool contradictory = Passes(spf, domain) || Passes(dkim, domain) || Passes(dmarc, domain);
        string seen = string.Join("；", trusted.Select(r => $"{r.Method}={r.Result}{(DomainFor(r) is { } d ? " (" + d + ")" : string.Empty)}"));
        return contradictory
            ? $"收件服务器 {ours} 的认证结果相互矛盾（{seen}）"
            : $"收件服务器 {ours} 未确认发信域名 {domain} 的 SPF 或 DKIM 验证通过（{seen}）";
    }

    private static List<(AuthenticationResult Result, string? Domain)> Of(List<AuthenticationResult> results, string method, Func<AuthenticationResult, string?> identity) =>
        [.. results.Where(r => r.Method == method).Select(r => (r, AuthenticationResults.DomainOf(identity(r))))];

    private static bool Passes(List<(AuthenticationResult Result, string? Domain)> results, string domain) =>
        results.Any(r => r.Result.Passed && r.Domain == domain);

    private static string? DomainFor(AuthenticationResult result) => result.Method switch
    {
        "spf" => AuthenticationResults.DomainOf(result.Property("smtp.mailfrom")),
        "dkim" => AuthenticationResults.DomainOf(result.Property("header.d") ?? result.Property("header.i")),
        "dmarc" => AuthenticationResults.DomainOf(result.Property("header.from")),
        _ => null,
    };
}
