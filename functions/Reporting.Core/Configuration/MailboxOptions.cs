namespace Reporting.Core.Configuration;

/// <summary>
/// The office's reporting mailbox (邮件报送): where clerks mail their spreadsheets, how it is read,
/// and who may send for which department. Bound from <c>Reporting:Mailbox</c>; with no IMAP host the
/// mailbox is off and the timer does nothing.
/// </summary>
public sealed class MailboxOptions
{
    /// <summary>The IMAP account the office's mail administrator set up for reporting.</summary>
    public ImapOptions Imap { get; set; } = new();

    /// <summary>
    /// The authserv-id the office's receiving mail server writes into its Authentication-Results headers
    /// (RFC 8601), e.g. <c>mx.pingxiang.gov.cn</c>. Only headers carrying exactly this id are believed: anyone
    /// can write an Authentication-Results line into a message they send. Required when the mailbox is on.
    /// </summary>
    public string? AuthServId { get; set; }

    /// <summary>
    /// Who may send for a department besides its <see cref="ReportingOptions.Contacts"/> address, keyed by department id
    /// (<c>Reporting:Mailbox:Senders:anyuan = "clerk1@anyuan.gov.cn; clerk2@anyuan.gov.cn"</c>): counties have several
    /// clerks, and listing them here does not change where receipts and reminders go.
    /// </summary>
    public Dictionary<string, string> Senders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mailbox's own address (mail from it is never answered or ingested); the IMAP user name is also taken when it is an address.</summary>
    public string? Address { get; set; }

    /// <summary>The folder read for new messages. Default INBOX.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where answered (and ignored automatic) messages are moved. Created when missing.</summary>
    public string ProcessedFolder { get; set; } = "已处理报表";

    /// <summary>Where messages kept for the office (not ingested) are moved. Created when missing.</summary>
    public string KeptFolder { get; set; } = "待人工处理";

    /// <summary>At most this many messages per run (oldest first); the rest wait for the next tick, so one run stays well inside the function timeout. Default 50.</summary>
    public int MaxMessagesPerRun { get; set; } = 50;

    /// <summary>A message claimed by a run that died is taken over after this. Default 15 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public bool IsConfigured => Imap.IsConfigured;

    /// <summary>The addresses that are ours: mail from them is never answered (a loop) nor ingested.</summary>
    public IReadOnlyList<string> OwnAddresses(DeliveryOptions delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return [.. new[] { Address, delivery.From, Imap.UserName }
            .Where(a => !string.IsNullOrWhiteSpace(a) && a.Contains('@', StringComparison.Ordinal))
            .Select(a => a!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The mailbox's own address (<see cref="Address"/>, else the IMAP user name when it is one): where a clerk's answer to our reply should go.</summary>
    public string? ReplyAddress =>
        IsPlainAddress(Address?.Trim()) ? Address!.Trim() : IsPlainAddress(Imap.UserName?.Trim()) ? Imap.UserName!.Trim() : null;

    /// <summary>The addresses listed for a department under <see cref="Senders"/> (comma, semicolon or whitespace separated).</summary>
    public IReadOnlyList<string> SendersOf(string departmentId) =>
        Senders.TryGetValue(departmentId, out string? list) ? SplitAddresses(list) : [];

    public static IReadOnlyList<string> SplitAddresses(string? list) =>
        [.. (list ?? string.Empty).Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public IReadOnlyList<string> Problems(ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach ((string id, string list) in Senders)
        {
            if (options.FindDepartment(id) is null)
            {
                problems.Add($"Mailbox.Senders names department '{id}', which is not configured.");
            }

            problems.AddRange(SplitAddresses(list).Where(a => !IsPlainAddress(a)).Select(a => $"Mailbox.Senders.{id}: '{a}' is not one e-mail address."));
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(AuthServId))
        {
            problems.Add("Mailbox.AuthServId is required with Mailbox.Imap.Host: without the receiving server's authserv-id no message can be trusted.");
        }

        if (MaxMessagesPerRun < 1)
        {
            problems.Add($"Mailbox.MaxMessagesPerRun ({MaxMessagesPerRun}) must be at least 1.");
        }

        if (IsConfigured && (string.IsNullOrWhiteSpace(ProcessedFolder) || string.IsNullOrWhiteSpace(KeptFolder)
            || string.Equals(ProcessedFolder, Folder, StringComparison.OrdinalIgnoreCase) || string.Equals(KeptFolder, Folder, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("Mailbox.ProcessedFolder and Mailbox.KeptFolder must be named and differ from Mailbox.Folder, or handled mail would be read again.");
        }

        return problems;
    }

    /// <summary>local@domain with nothing else: no display name, no list, no spaces.</summary>
    public static bool IsPlainAddress(string? address) =>
        address is { Length: > 2 and <= 254 } a
        && a.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && at == a.LastIndexOf('@') && at < a.Length - 1
        && !a.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')');
}

/// <summary>The IMAP connection (MailKit): TLS, an account, a timeout.</summary>
public sealed class ImapOptions
{
    /// <summary>Server host name; empty means the mailbox is off.</summary>
    public string? Host { get; set; }

    /// <summary>Default 993 (IMAPS).</summary>
    public int Port { get; set; } = 993;

    /// <summary>The same four choices MailKit offers every mail protocol; IMAPS (TLS from the first byte) by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.SslOnConnect;

    public string? UserName { get; set; }

    /// <summary>Set it from a secret (a Key Vault reference in Azure, an environment variable locally), never in reporting.json.</summary>
    public string? Password { get; set; }

    /// <summary>SHA-256 fingerprint of a self-signed server certificate to accept (internal mail servers); a certificate the system trusts is always accepted.</summary>
    public string? CertificateSha256 { get; set; }

    /// <summary>Timeout of each IMAP operation. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
