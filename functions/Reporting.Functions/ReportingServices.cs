using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Functions;

/// <summary>
/// Everything the functions need, built from configuration: the Reporting options (reporting.json
/// overridden by app settings Reporting__…), the stores behind the <see cref="StorageConnection"/>
/// connection, the mail sender and the Core services. The functions themselves stay thin.
/// </summary>
public static class ReportingServices
{
    /// <summary>The connection setting for the report store and ledgers (blobs and tables), as the blob trigger's Connection.</summary>
    public const string StorageConnection = "ReportingStorage";

    /// <summary>Puts reporting.json (shipped next to the binaries) first, so app settings override it.</summary>
    public static void AddDefaults(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // AddJsonFile resolves the absolute path to a file provider; its source is then moved to the front.
        IConfigurationSource defaults = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, ReportingConfiguration.DefaultsFileName), optional: false)
            .Sources[0];
        configuration.Sources.Insert(0, defaults);
    }

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSingleton(TimeProvider.System);

        // Bound and validated once, at the first function that needs it: a bad setting fails loudly in the log.
        services.AddSingleton(_ => ReportingConfiguration.Bind(configuration));
        services.AddSingleton(_ => AzureStorage.FromConfiguration(configuration, StorageConnection));
        services.AddSingleton<IReportStore>(sp => sp.GetRequiredService<AzureStores>().Store);
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<AzureStores>().Ledger);
        services.AddSingleton(sp => MailSenders.Create(
            sp.GetRequiredService<ReportingOptions>().Delivery, sp.GetRequiredService<IReportStore>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => new DeliveryService(
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<IMailSender>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ReportingOptions>().Delivery,
            sp.GetService<ILogger<DeliveryService>>()));
        services.AddSingleton(sp => new IngestionService(
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SubmissionStatusService(sp.GetRequiredService<ILedgerStore>(), sp.GetRequiredService<ReportingOptions>()));
        services.AddSingleton(sp => new ReceiptService(
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetService<ILogger<ReceiptService>>()));
        services.AddSingleton(sp => new BriefingPublisher(
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ILedgerStore>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BriefingPublisher>>()));
        services.AddSingleton(sp => new ReminderService(
            sp.GetRequiredService<DeliveryService>(),
            sp.GetRequiredService<ReportingOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ReminderService>>()));
        return services;
    }
}
