using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Portal.Hosting;
using Reporting.Portal.Identity;

namespace Reporting.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// The portal's services: its options, sign-in, anti-forgery, the route table and the request handler. Called by
    /// the composition root (<c>AddReporting</c>), so every host that serves the portal has the same portal.
    /// </summary>
    public static IServiceCollection AddReportingPortal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var portal = new PortalOptions();
        configuration.GetSection(PortalOptions.SectionName).Bind(portal);
        services.AddSingleton(portal);
        PortalAuthentication.Add(services, configuration, portal);
        services.AddSingleton<PortalRoutes>();
        services.AddSingleton<PortalApp>();
        return services;
    }
}
