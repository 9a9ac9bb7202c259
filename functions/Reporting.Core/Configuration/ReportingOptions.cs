using Reporting.Core.Ingestion;

namespace Reporting.Core.Configuration;

/// <summary>
/// Everything an office configures, bound from the "Reporting" section (reporting.json next
/// to the binaries, overridable by environment variables such as Reporting__Delivery__Smtp__Host).
/// </summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>The city whose office issues the briefing, e.g. 萍乡市.</summary>
    public string City { get; set; } = "萍乡市";

    /// <summary>Who is expected to submit, what, and where to send their receipts.</summary>
    public List<DepartmentOptions> Departments { get; set; } = [];

    /// <summary>
    /// Department contacts by id (Reporting:Contacts:anyuan = …), applied over <see cref="DepartmentOptions.Contact"/>.
    /// Keyed by id because configuration merges lists by position: an overlay that listed departments
    /// in another order would silently give one department another's mailbox.
    /// </summary>
    public Dictionary<string, string> Contacts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public IngestionOptions Ingestion { get; set; } = new();

    public IndicatorOptions Indicators { get; set; } = new();

    public BriefingOptions Briefing { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The reporting mailbox (邮件报送): off unless an IMAP host is configured.</summary>
    public MailboxOptions Mailbox { get; set; } = new();

    public DepartmentOptions? FindDepartment(string id) =>
        Departments.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The department's Chinese name, or the id itself for a department not configured.</summary>
    public string DepartmentName(string id) => FindDepartment(id)?.Name ?? id;
}

/// <summary>A submitting department or county-level government.</summary>
public sealed class DepartmentOptions
{
    /// <summary>Upload folder name: lower-case ASCII letters, digits and '-', e.g. <c>anyuan</c>, <c>swj</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Chinese name, e.g. 安源区, 市商务局.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Kinds this department is expected to submit each period.</summary>
    public List<DatasetKind> Kinds { get; set; } = [];

    /// <summary>E-mail address for receipts and reminders (催报); none means no mail.</summary>
    public string? Contact { get; set; }

    /// <summary>Whether the id is a safe upload folder name.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 40 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
