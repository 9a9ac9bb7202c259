namespace Reporting.Core.Configuration;

/// <summary>Who receives the briefing and how mail leaves.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Leaders' addresses. Only configured recipients ever receive mail; nothing uploaded can add one.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>
    /// Leaders tagged with a county (县区主要领导): they receive the same briefing plus a one-page 本县区 appendix with that
    /// county's figures and lagging projects. Listed here, or also in <see cref="Recipients"/>: either way one mail each.
    /// </summary>
    public List<CountyRecipient> CountyRecipients { get; set; } = [];

    /// <summary>
    /// The office's reviewers (审核人): they receive each new draft of the briefing with a link to review and sign it
    /// when <see cref="BriefingOptions.RequireSignOff"/> is on. They are not leaders: a draft never goes to a leader.
    /// </summary>
    public List<string> Reviewers { get; set; } = [];

    /// <summary>The portal's public address (e.g. https://reporting.example.gov.cn), for links in mails; none leaves links out.</summary>
    public string? PortalAddress { get; set; }

    /// <summary>Every leader's address once (case-insensitive), the county-tagged ones included, with their county if tagged.</summary>
    public IReadOnlyList<(string Address, string? County)> Leaders()
    {
        var leaders = new List<(string Address, string? County)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (string address in Recipients.Select(r => r.Trim()).Where(r => r.Length > 0))
        {
            if (seen.TryAdd(address, leaders.Count))
            {
                leaders.Add((address, null));
            }
        }

        foreach (CountyRecipient tagged in CountyRecipients.Where(c => !string.IsNullOrWhiteSpace(c.Address)))
        {
            string address = tagged.Address.Trim();
            string? county = string.IsNullOrWhiteSpace(tagged.County) ? null : tagged.County.Trim();
            if (seen.TryGetValue(address, out int index))
            {
                leaders[index] = (leaders[index].Address, county ?? leaders[index].County);
            }
            else
            {
                seen[address] = leaders.Count;
                leaders.Add((address, county));
            }
        }

        return leaders;
    }

    /// <summary>The sender address. Government mail servers usually insist that it is the authenticated account.</summary>
    public string From { get; set; } = "briefing@reporting.example";

    /// <summary>The sender's display name, e.g. 萍乡市重大项目推进办公室.</summary>
    public string FromName { get; set; } = "重大项目推进办公室";

    /// <summary>The SMTP server. With no <see cref="SmtpOptions.Host"/> mail is written to the store's outbox/ instead.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether departments get a receipt (accepted, accepted with warnings, rejected) for each upload.</summary>
    public bool ReceiptsEnabled { get; set; } = true;

    /// <summary>Reminders (催报) start this many days before the submission deadline. Default 2.</summary>
    public int ReminderDaysBeforeDeadline { get; set; } = 2;

    /// <summary>Reminders continue this many days after the deadline for departments still missing. Default 3.</summary>
    public int ReminderDaysAfterDeadline { get; set; } = 3;

    /// <summary>A claim older than this (a run that died while sending) may be taken over. Default 15 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>How the SMTP connection is secured (MailKit's SecureSocketOptions).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; fails if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on loopback or a test server.</summary>
    None,

    /// <summary>TLS on 465, STARTTLS when offered elsewhere.</summary>
    Auto,
}

public sealed class SmtpOptions
{
    /// <summary>Server host name; empty means no SMTP (mail goes to outbox/).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account for AUTH; none means the server does not require authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for AUTH. Set it from a secret (Key Vault reference, environment), never in reporting.json.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 fingerprint (hex, colons allowed) of a server certificate to accept although no trusted
    /// authority issued it: internal government mail servers often have self-signed certificates.
    /// A certificate the system trusts is always accepted; nothing else ever is.
    /// </summary>
    public string? CertificateSha256 { get; set; }

    /// <summary>Timeout of each SMTP operation. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>A leader who also receives their county's one-page appendix.</summary>
public sealed class CountyRecipient
{
    public string Address { get; set; } = string.Empty;

    /// <summary>A county-level unit as configured (安源区) or one of its aliases (经开区); resolved when the briefing is sent.</summary>
    public string County { get; set; } = string.Empty;
}
