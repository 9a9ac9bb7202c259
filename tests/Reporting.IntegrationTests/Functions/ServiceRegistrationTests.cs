using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Cli;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Pipeline;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.Infrastructure;
using Reporting.Infrastructure.Mail;
using Reporting.Infrastructure.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

/// <summary>
/// The one composition root (<see cref="ReportingServiceCollectionExtensions.AddReporting"/>) builds
/// what every entrance needs from configuration alone, on either store: a folder and Azure Storage (Azurite).
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class ServiceRegistrationTests(AzuriteFixture azurite) : IDisposable
{
    /// <summary>The services the `reporting` commands take from <see cref="CliEnvironment.Get{T}"/>.</summary>
    private static readonly Type[] s_cliServices =
    [
        typeof(ReportingOptions), typeof(IReportStore), typeof(ILedgerStore), typeof(IMailSender), typeof(DeliveryService),
        typeof(UploadPipeline), typeof(BriefingPublisher), typeof(IndicatorService), typeof(SubmissionStatusService), typeof(ReminderService),
        typeof(MailboxService), typeof(IReportingMailbox), typeof(BriefingReview), typeof(Reporting.Portal.Hosting.PortalApp),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reporting-root-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfigurationBuilder configuration = new ConfigurationBuilder().AddInMemoryCollection(settings);
        configuration.AddReportingDefaults();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReporting(configuration.Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private Dictionary<string, string?> StoreSettings(string store) => store switch
    {
        "folder" => new() { [ReportingStores.FolderKey] = _folder },
        _ => new() { [ReportingStores.ConnectionName] = azurite.ConnectionString, [ReportingStores.NamePrefixKey] = AzuriteFixture.UniquePrefix() },
    };

    [Theory]
    [InlineData("folder")]
    [InlineData("azure")]
    public void Every_function_class_is_built_from_configuration_alone(string store)
    {
        using ServiceProvider provider = Build(StoreSettings(store));
        Type[] functionClasses = [.. typeof(IngestUploadFunction).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

        // Seven triggers and the portal's HTTP entrance (PortalFunction).
        Assert.Equal(8, functionClasses.Length);
        Assert.Contains(typeof(PortalFunction), functionClasses);
        Assert.All(functionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type)));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("azure")]
    public void Every_service_the_commands_use_resolves_from_the_root(string store)
    {
        using ServiceProvider provider = Build(StoreSettings(store));

        Assert.All(s_cliServices, type => Assert.NotNull(provider.GetRequiredService(type)));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("azure")]
    public void The_cli_environment_opens_the_store_it_is_given(string store)
    {
        using CliEnvironment environment = store == "folder"
            ? CliEnvironment.Open(_folder)
            : CliEnvironment.Open(_folder, configFile: null, connection: azurite.ConnectionString);

        Assert.All(s_cliServices, type => Assert.NotNull(typeof(CliEnvironment).GetMethod(nameof(CliEnvironment.Get))!.MakeGenericMethod(type).Invoke(environment, null)));
        Assert.IsType(store == "folder" ? typeof(FolderReportStore) : typeof(AzureBlobReportStore), environment.Store);
        Assert.IsType(store == "folder" ? typeof(FolderLedgerStore) : typeof(AzureTableLedgerStore), environment.Ledger);
    }

    [Fact]
    public void A_folder_setting_wins_over_a_stray_storage_connection()
    {
        using ServiceProvider provider = Build(new() { [ReportingStores.FolderKey] = _folder, [ReportingStores.ConnectionName] = azurite.ConnectionString });

        Assert.IsType<FolderReportStore>(provider.GetRequiredService<IReportStore>());
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AzureStores>());
    }

    [Fact]
    public void Azure_stores_use_the_storage_connection()
    {
        using ServiceProvider provider = Build(new() { [ReportingStores.ConnectionName] = azurite.ConnectionString });

        Assert.IsType<AzureBlobReportStore>(provider.GetRequiredService<IReportStore>());
        Assert.IsType<AzureTableLedgerStore>(provider.GetRequiredService<ILedgerStore>());
    }

    [Fact]
    public void App_settings_override_reporting_json_and_choose_the_mail_sender()
    {
        using ServiceProvider withSmtp = Build(new()
        {
            [ReportingStores.ConnectionName] = azurite.ConnectionString,
            ["Reporting:Delivery:Smtp:Host"] = "smtp.pingxiang.example",
            ["Reporting:Delivery:Recipients:0"] = "leader@pingxiang.example",
        });
        using ServiceProvider withoutSmtp = Build(new() { [ReportingStores.ConnectionName] = azurite.ConnectionString });

        Assert.IsType<SmtpMailSender>(withSmtp.GetRequiredService<IMailSender>());
        Assert.IsType<OutboxMailSender>(withoutSmtp.GetRequiredService<IMailSender>());
        ReportingOptions options = withSmtp.GetRequiredService<ReportingOptions>();
        Assert.Equal("leader@pingxiang.example", options.Delivery.Recipients[0]);
        Assert.Equal(11, options.Departments.Count);
    }

    [Fact]
    public void App_settings_turn_the_reporting_mailbox_on_and_it_refuses_to_run_without_the_receiving_servers_authserv_id()
    {
        Dictionary<string, string?> imap = new()
        {
            [ReportingStores.ConnectionName] = azurite.ConnectionString,
            ["Reporting:Mailbox:Imap:Host"] = "imap.pingxiang.example",
            ["Reporting:Mailbox:Imap:UserName"] = "baosong@pingxiang.example",
            ["Reporting:Mailbox:Senders:anyuan"] = "clerk1@anyuan.example; clerk2@anyuan.example",
        };
        using ServiceProvider off = Build(new() { [ReportingStores.ConnectionName] = azurite.ConnectionString });
        using ServiceProvider withoutAuthServId = Build(imap);
        using ServiceProvider on = Build(new(imap) { ["Reporting:Mailbox:AuthServId"] = "mx.pingxiang.example" });

        Assert.False(off.GetRequiredService<MailboxService>().IsConfigured);
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => withoutAuthServId.GetRequiredService<MailboxService>());
        Assert.Contains("Mailbox.AuthServId", failure.Message, StringComparison.Ordinal);
        Assert.IsType<ImapReportingMailbox>(on.GetRequiredService<IReportingMailbox>());
        Assert.True(on.GetRequiredService<MailboxService>().IsConfigured);
        Assert.Equal(["clerk1@anyuan.example", "clerk2@anyuan.example"], on.GetRequiredService<ReportingOptions>().Mailbox.SendersOf("anyuan"));
    }

    [Fact]
    public void A_missing_storage_connection_fails_with_the_setting_names()
    {
        using ServiceProvider provider = Build([]);

        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IReportStore>());
        Assert.Contains("ReportingStorage__blobServiceUri", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ReportingStores.FolderKey, failure.Message, StringComparison.Ordinal);
    }
}
