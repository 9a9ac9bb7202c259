using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;

namespace Reporting.Core.Pipeline;

/// <summary>
/// Mails a stored issue to every leader, at most once each (the deliveries ledger; a correction has its own series):
/// the same PDF and workbook to all, and to a leader tagged with a county that county's appendix as well.
/// </summary>
public sealed class BriefingDelivery(BriefingFiles files, DeliveryService delivery, ReportingOptions options, BriefingRenderer renderer, ILogger<BriefingDelivery>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<BriefingDelivery>.Instance;

    public async Task<DeliveryReport> DeliverAsync(PublishedBriefing briefing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        BriefingMailContent content = await files.MailContentAsync(briefing, cancellationToken).ConfigureAwait(false);
        Dictionary<string, string?> counties = options.Delivery.Leaders()
            .ToDictionary(l => l.Address, l => l.County is null ? null : renderer.CanonicalCounty(l.County), StringComparer.OrdinalIgnoreCase);
        DeliveryReport report = await delivery.DeliverAsync(
                briefing.DeliveryPartition,
                counties.Keys,
                recipient => BriefingMail.Create(options, content, recipient, counties.GetValueOrDefault(recipient)),
                cancellationToken)
            .ConfigureAwait(false);
        _logger.LogInformation("Briefing {Period} issue {Issue}: {Report}", briefing.Period, briefing.IssueNumber, report);
        return report;
    }
}
