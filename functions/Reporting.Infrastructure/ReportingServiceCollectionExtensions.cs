using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Reporting.Core.Briefings;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Infrastructure.Mail;
using Reporting.Portal;

namespace Reporting.Infrastructure;

/// <summary>
/// The one composition root. Every entrance (the Functions app, each <c>reporting</c> command,
/// <c>reporting serve</c>, the integration tests' hosts) gets its services here, from configuration
/// alone: the options (reporting.json overridden by settings), the stores (<see cref="ReportingStores"/>),
/// the mail sender (SMTP when a host is configured, otherwise .eml files in outbox/) and the Core services.
/// A setting added here reaches every entrance, and nothing else builds a service graph.
/// </summary>
public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Logging is the host's to configure (providers, levels); registering it here (idempotent) only makes sure every
        // service can be built, with no output, by an entrance that adds no provider.
        services.AddLogging();

        // An entrance may bring its own clock (the demo runs on the office's calendar, tests on a manual one).
        services.TryAddSingleton(TimeProvider.System);

        // Bound, validated and opened once, at first use: a bad setting fails loudly with the setting's name.
        services.AddSingleton(_ => ReportingConfiguration.Bind(configuration));
        services.AddSingleton(_ => ReportingStores.Open(configuration));
        services.AddSingleton(sp => sp.GetRequiredService<ReportingStores>().Store);
        services.AddSingleton(sp => sp.GetRequiredService<ReportingStores>().Ledger);
        services.AddSingleton(sp => sp.GetRequiredService<ReportingStores>().Azure
            ?? throw new InvalidOperationException($"The store is a folder ({ReportingStores.FolderKey}), not Azure Storage."));
        services.AddSingleton(sp => MailSenders.Create(
            sp.GetRequiredService<ReportingOptions>().Delivery, sp.GetRequiredService<IReportStore>(), sp.GetService<ILoggerFactory>()));

        // The reporting mailbox (IMAP); with no host configured it reports itself off and the mailbox service does nothing.
        services.AddSingleton<IReportingMailbox>(sp => new ImapReportingMailbox(
            sp.GetRequiredService<ReportingOptions>().Mailbox, sp.GetService<ILogger<ImapReportingMailbox>>()));

        // Ingestion, then indicators, briefings and delivery; the pipeline puts them together front to back, and the mailbox feeds it.
        services.AddSingleton(sp => new IngestionService(
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubmissionStatusService(sp.GetRequiredService<ILedgerStore>(), sp.GetRequiredService<ReportingOptions>()));
        services.AddSingleton(sp => new SubmissionFiles(sp.GetRequiredService<IReportStore>()));
        services.AddSingleton(sp => new IndicatorService(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<ReportingOptions>()));
        services.AddSingleton(sp => new IssueNumbering(sp.GetRequiredService<ILedgerStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DeliveryService(
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<IMailSender>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ReportingOptions>().Delivery,
            sp.GetService<ILogger<DeliveryService>>()));
        services.AddSingleton(sp => new ReceiptService(
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetService<ILogger<ReceiptService>>()));
        services.AddSingleton(sp => new ReminderService(
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ReminderService>>()));
        services.AddSingleton(sp => new BriefingRenderer(
            sp.GetRequiredService<IndicatorService>(), sp.GetRequiredService<SubmissionStatusService>(), sp.GetRequiredService<ReportingOptions>()));
        services.AddSingleton(sp => new BriefingFiles(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<ReportingOptions>()));
        services.AddSingleton(sp => new BriefingDelivery(
            sp.GetRequiredService<BriefingFiles>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<BriefingRenderer>(),
            sp.GetService<ILogger<BriefingDelivery>>()));
        services.AddSingleton(sp => new BriefingReview(
            sp.GetRequiredService<BriefingRenderer>(),
            sp.GetRequiredService<BriefingFiles>(),
            sp.GetRequiredService<BriefingDelivery>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<IssueNumbering>(),
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BriefingReview>>()));
        services.AddSingleton(sp => new UploadPipeline(
            sp.GetRequiredService<IngestionService>(),
            sp.GetRequiredService<ReceiptService>(),
            sp.GetRequiredService<BriefingReview>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetService<ILogger<UploadPipeline>>()));
        services.AddSingleton(sp => new MailboxService(
            sp.GetRequiredService<IReportingMailbox>(),
            sp.GetRequiredService<UploadPipeline>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<MailboxService>>()));
        services.AddSingleton(sp => new BriefingPublisher(
            sp.GetRequiredService<BriefingRenderer>(),
            sp.GetRequiredService<BriefingFiles>(),
            sp.GetRequiredService<BriefingDelivery>(),
            sp.GetRequiredService<BriefingReview>(),
            sp.GetRequiredService<IssueNumbering>(),
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BriefingPublisher>>()));

        // The portal's handlers, sign-in and anti-forgery: the same in every host that serves it.
        services.AddReportingPortal(configuration);
        return services;
    }
}
