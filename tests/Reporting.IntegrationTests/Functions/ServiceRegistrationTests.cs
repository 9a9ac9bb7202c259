using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.Infrastructure;
using Reporting.Infrastructure.Mail;
using Reporting.Infrastructure.Storage;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Functions;

/// <summary>Program.cs's registration, from settings alone: every function class can be built, and the settings decide the parts.</summary>
[Collection(IntegrationFixtures.Name)]
public sealed class ServiceRegistrationTests(AzuriteFixture azurite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfigurationBuilder configuration = new ConfigurationBuilder().AddInMemoryCollection(settings);
        configuration.AddReportingDefaults();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReporting(configuration.Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_function_class_is_built_from_configuration_alone()
    {
        using ServiceProvider provider = Build(new() { [ReportingStores.ConnectionName] = azurite.ConnectionString });

        Assert.NotNull(ActivatorUtilities.CreateInstance<IngestUploadFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<SendBriefingFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<SendRemindersFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<TemplatesFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<PeriodStatusFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<BriefingFunction>(provider));
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
    public void A_missing_storage_connection_fails_with_the_setting_names()
    {
        using ServiceProvider provider = Build([]);

        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IReportStore>());
        Assert.Contains("ReportingStorage__blobServiceUri", failure.Message, StringComparison.Ordinal);
    }
}
