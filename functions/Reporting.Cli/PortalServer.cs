using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core.Configuration;
using Reporting.Infrastructure;
using Reporting.Portal;
using Reporting.Portal.Hosting;

namespace Reporting.Cli;

/// <summary>
/// The portal on Kestrel, listening on loopback only: `reporting serve`, and the browser tests' host. Its services
/// come from the same composition root as every other entrance; every request under /portal goes to the same
/// <see cref="PortalApp"/> the Functions app calls.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PortalServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:{port}/portal/</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="port">0 picks a free port.</param>
    /// <param name="clock">The services' clock (the tests' manual clock); the system clock when null.</param>
    /// <param name="logging">Adds log providers (the console for `reporting serve`).</param>
    public static async Task<PortalServer> StartAsync(
        IConfiguration configuration, int port, TimeProvider? clock = null, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        long maxUpload = ReportingConfiguration.Bind(configuration).Ingestion.MaxUploadBytes;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only: the development sign-in must never be reachable from another computer.
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxUpload + (64 * 1024);
        });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddReporting(configuration);
        WebApplication app = builder.Build();
        PortalApp portal = app.Services.GetRequiredService<PortalApp>();
        app.Run(context =>
        {
            if (context.Request.Path.StartsWithSegments(PortalOptions.BasePath, StringComparison.Ordinal))
            {
                return portal.HandleAsync(context, PortalHost.Kestrel);
            }

            if (context.Request.Path == "/")
            {
                context.Response.Redirect(PortalOptions.BasePath + "/");
                return Task.CompletedTask;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PortalServer(app, new Uri(new Uri(bound), PortalOptions.BasePath + "/"));
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
