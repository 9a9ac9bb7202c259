using Microsoft.Extensions.Configuration;
using Reporting.Core.Configuration;

namespace Reporting.Infrastructure;

public static class ReportingConfigurationSources
{
    /// <summary>
    /// Puts reporting.json (shipped next to the binaries: the city's departments and vocabularies) first,
    /// so every source already added or added later (app settings, a --config file, environment variables) overrides it.
    /// </summary>
    public static IConfigurationBuilder AddReportingDefaults(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // AddJsonFile resolves the absolute path to a file provider; its source is then moved to the front.
        IConfigurationSource defaults = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, ReportingConfiguration.DefaultsFileName), optional: false)
            .Sources[0];
        configuration.Sources.Insert(0, defaults);
        return configuration;
    }
}
