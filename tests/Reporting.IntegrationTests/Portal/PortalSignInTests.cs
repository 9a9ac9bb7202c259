using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Reporting.Cli;
using Reporting.Infrastructure;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.Portal;
using Reporting.Portal.Hosting;
using Reporting.Portal.Identity;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// Who can sign in where, calling <see cref="PortalApp.HandleAsync"/> directly with a request as each host would pass
/// it (so the client's address and the host can be anything): the development sign-in only on `reporting serve` from
/// this computer, never in the Functions app, and its cookie worth nothing there; Entra ID answering 503 until it is
/// configured and, once it is, handing over to Microsoft's authorize endpoint with our callback. Nothing here needs
/// Azurite: the store is a folder.
/// </summary>
public sealed class PortalSignInTests : IDisposable
{
    private const string TenantId = "7b5c1a3e-0d4f-4a8e-9b2c-1f6e3d5a7c90";
    private const string ClientId = "3f2e1d0c-9b8a-4765-8c3d-2b1a0f9e8d7c";
    private static readonly IPAddress s_remote = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress s_local = IPAddress.Parse("10.1.2.3");

    private readonly string _store = PortalSamples.TempDirectory();
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task The_development_sign_in_page_is_refused_to_a_request_from_another_computer()
    {
        using ServiceProvider services = Services(PortalSignIn.Development);
        Answer answer = await SendAsync(services, "GET", "/portal/signin", PortalHost.Kestrel, s_remote, s_local);
        Assert.Equal(StatusCodes.Status403Forbidden, answer.Status);
        Assert.Contains("只接受本机", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"account\"", answer.Body, StringComparison.Ordinal);

        // The same page from this computer offers it.
        Answer local = await SendAsync(services, "GET", "/portal/signin", PortalHost.Kestrel, IPAddress.Loopback, IPAddress.Loopback);
        Assert.Equal(StatusCodes.Status200OK, local.Status);
        Assert.Contains("name=\"account\"", local.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remote", PortalHost.Kestrel)]
    [InlineData("loopback", PortalHost.Functions)]
    public async Task The_development_sign_in_issues_no_session_off_loopback_or_in_the_functions_app(string client, PortalHost host)
    {
        using ServiceProvider services = Services(PortalSignIn.Development);
        (IPAddress remote, IPAddress local) = client == "remote" ? (s_remote, s_local) : (IPAddress.Loopback, IPAddress.Loopback);
        Answer page = await SendAsync(services, "GET", "/portal/signin", host, remote, local);
        Assert.Equal(StatusCodes.Status403Forbidden, page.Status);

        // A well-formed post with a valid anti-forgery token, so it is the sign-in itself that refuses.
        Answer post = await SignInAsync(services, host, remote, local, "anyuan");
        Assert.Equal(StatusCodes.Status403Forbidden, post.Status);
        Assert.DoesNotContain(post.SetCookies, c => c.StartsWith("reporting.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_development_session_cookie_is_worth_nothing_in_the_functions_app()
    {
        using ServiceProvider services = Services(PortalSignIn.Development);
        Answer signedIn = await SignInAsync(services, PortalHost.Kestrel, IPAddress.Loopback, IPAddress.Loopback, "office");
        Assert.Equal(StatusCodes.Status303SeeOther, signedIn.Status);
        string session = signedIn.SetCookies.Single(c => c.StartsWith("reporting.session=", StringComparison.Ordinal)).Split(';')[0];

        Answer onServe = await SendAsync(services, "GET", "/portal/api/me", PortalHost.Kestrel, IPAddress.Loopback, IPAddress.Loopback, r => r.Headers.Cookie = session);
        Assert.Equal(StatusCodes.Status200OK, onServe.Status);

        // The same cookie (the key ring is shared through the store) presented to the Functions app.
        Answer onFunctions = await SendAsync(services, "GET", "/portal/api/me", PortalHost.Functions, IPAddress.Loopback, IPAddress.Loopback, r => r.Headers.Cookie = session);
        Assert.Equal(StatusCodes.Status401Unauthorized, onFunctions.Status);
        Answer office = await SendAsync(services, "GET", "/portal/office", PortalHost.Functions, IPAddress.Loopback, IPAddress.Loopback, r => r.Headers.Cookie = session);
        Assert.Equal(StatusCodes.Status403Forbidden, office.Status);
        Assert.Contains("开发模式的登录在此环境无效", office.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_id_sign_in_answers_503_until_it_is_configured()
    {
        using ServiceProvider services = Services(PortalSignIn.EntraId);
        Answer answer = await SendAsync(services, "GET", "/portal/signin", PortalHost.Functions, s_remote, s_local);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.Status);
        Assert.Contains("尚未配置统一身份认证", answer.Body, StringComparison.Ordinal);

        // And the development sign-in is not a way round it.
        Answer post = await SignInAsync(services, PortalHost.Kestrel, IPAddress.Loopback, IPAddress.Loopback, "office");
        Assert.Equal(StatusCodes.Status403Forbidden, post.Status);
        Assert.DoesNotContain(post.SetCookies, c => c.StartsWith("reporting.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entra_id_sign_in_hands_over_to_the_tenants_authorize_endpoint_with_our_callback()
    {
        string authorize = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";
        using ServiceProvider services = Services(PortalSignIn.EntraId, new()
        {
            ["Reporting:Portal:EntraId:TenantId"] = TenantId,
            ["Reporting:Portal:EntraId:ClientId"] = ClientId,
        }, s => s.Configure<OpenIdConnectOptions>(PortalAuthentication.EntraScheme, o =>
            // What the metadata document would say, given here so that nothing is fetched from the network.
            o.Configuration = new OpenIdConnectConfiguration
            {
                AuthorizationEndpoint = authorize,
                Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
                EndSessionEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/logout",
            }));
        Answer answer = await SendAsync(services, "GET", "/portal/signin", PortalHost.Functions, s_remote, s_local, r =>
        {
            r.Scheme = "https";
            r.Host = new HostString("reporting.example.gov.cn");
        });
        Assert.True(answer.Status == StatusCodes.Status302Found, $"{answer.Status}: {_logs.All}");
        var location = new Uri(answer.Headers.Location.ToString());
        Assert.Equal(authorize, location.GetLeftPart(UriPartial.Path));
        Dictionary<string, string> query = location.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal("https://reporting.example.gov.cn/portal/signin-oidc", query["redirect_uri"]);
        Assert.EndsWith("/portal/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));

        // A development sign-in post is refused in this mode even from this computer.
        Answer post = await SignInAsync(services, PortalHost.Kestrel, IPAddress.Loopback, IPAddress.Loopback, "office");
        Assert.Equal(StatusCodes.Status403Forbidden, post.Status);
    }

    public void Dispose()
    {
        Directory.Delete(_store, recursive: true);
        _logs.Dispose();
        GC.SuppressFinalize(this);
    }

    private ServiceProvider Services(PortalSignIn signIn, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        IConfiguration cli = CliEnvironment.BuildConfiguration(
            _store, [], connection: null, new Dictionary<string, string?> { [PortalOptions.SectionName + ":" + nameof(PortalOptions.SignIn)] = signIn.ToString() });
        IConfiguration configuration = new ConfigurationBuilder().AddConfiguration(cli).AddInMemoryCollection(settings ?? []).Build();
        // Both hosts register their configuration (Microsoft.Identity.Web reads it from the container).
        IServiceCollection services = new ServiceCollection().AddLogging(l => l.AddProvider(_logs)).AddSingleton(configuration).AddReporting(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed record Answer(int Status, IHeaderDictionary Headers, string Body)
    {
        public IReadOnlyList<string> SetCookies => [.. Headers.SetCookie.Select(c => c ?? string.Empty)];
    }

    /// <summary>A development sign-in post carrying a valid anti-forgery cookie and token.</summary>
    private static async Task<Answer> SignInAsync(ServiceProvider services, PortalHost host, IPAddress remote, IPAddress local, string account)
    {
        AntiforgeryTokenSet tokens;
        await using (AsyncServiceScope scope = services.CreateAsyncScope())
        {
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        }

        return await SendAsync(services, "POST", "/portal/signin", host, remote, local, request =>
        {
            request.Headers.Cookie = $"reporting.csrf={tokens.CookieToken}";
            request.ContentType = "application/x-www-form-urlencoded";
            request.Body = new MemoryStream(Encoding.UTF8.GetBytes($"account={account}&__csrf={Uri.EscapeDataString(tokens.RequestToken!)}"));
        });
    }

    private static async Task<Answer> SendAsync(
        ServiceProvider services, string method, string path, PortalHost host, IPAddress remote, IPAddress local, Action<HttpRequest>? configure = null)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:5080");
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = remote;
        context.Connection.LocalIpAddress = local;
        using var body = new MemoryStream();
        context.Response.Body = body;
        configure?.Invoke(context.Request);
        await services.GetRequiredService<PortalApp>().HandleAsync(context, host);
        return new Answer(context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }
}
