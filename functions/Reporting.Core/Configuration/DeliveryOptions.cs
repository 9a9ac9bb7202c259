namespace Reporting.Core.Configuration;

/// <summary>Who receives the briefing and how mail leaves.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Leaders' addresses. Only configured recipients ever receive mail; nothing uploaded can add one.</summary>
    public List<string> Recipients { get; set; } = [];

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
