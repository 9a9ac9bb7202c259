namespace Reporting.Core.Storage;

/// <summary>
/// Top-level containers. The folder store uses the same names as directories, so a local
/// store and an Azure account have the same layout.
/// </summary>
public static class Containers
{
    /// <summary>uploads/{department}/{file}: what departments send.</summary>
    public const string Uploads = "uploads";

    /// <summary>archive/{period}/{department}/{utc}-{sha}.{ext}: every original, always, before anything else.</summary>
    public const string Archive = "archive";

    /// <summary>datasets/{period}/{department}/{kind}.json: the latest accepted submission per department, kind and period.</summary>
    public const string Datasets = "datasets";

    /// <summary>rejected/{department}/…: annotated workbooks answering rejected or warned submissions.</summary>
    public const string Rejected = "rejected";

    /// <summary>briefings/{period}/{issue}.pdf.</summary>
    public const string Briefings = "briefings";

    /// <summary>outbox/…: e-mails written as .eml files when no SMTP server is configured.</summary>
    public const string Outbox = "outbox";

    /// <summary>portal/keys/…: the portal's data-protection key ring (session cookies stay valid across instances and restarts).</summary>
    public const string Portal = "portal";

    public static readonly IReadOnlyList<string> All = [Uploads, Archive, Datasets, Rejected, Briefings, Outbox, Portal];
}
