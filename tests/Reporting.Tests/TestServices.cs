using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Infrastructure;

namespace Reporting.Tests;

/// <summary>
/// The production composition root on a folder store, with what a unit test replaces: the options it
/// built, a recording mail sender, a manual clock. Tests get their services here rather than wiring
/// constructors by hand, so a test sees the graph every entrance sees.
/// </summary>
internal static class TestServices
{
    public static ServiceProvider OnFolder(
        string root, ReportingOptions? options = null, IMailSender? sender = null, TimeProvider? clock = null, Action<IServiceCollection>? overrides = null)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddReportingDefaults()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReportingStores.FolderKey] = root })
            .Build();
        IServiceCollection services = new ServiceCollection().AddReporting(configuration);

        // Later registrations win: these replace the root's own.
        if (options is not null)
        {
            services.AddSingleton(options);
        }

        if (sender is not null)
        {
            services.AddSingleton(sender);
        }

        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        overrides?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static T Get<T>(this ServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();
}
