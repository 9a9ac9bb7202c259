using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Reporting.Core.Storage;

namespace Reporting.Portal.Identity;

/// <summary>
/// Sign-in for the portal. A session cookie scheme always; with Entra ID, Microsoft.Identity.Web's OpenID Connect
/// sign-in in front of it (the user's groups arrive in the ID token). App Service's built-in authentication is
/// not used: Microsoft documents it as not supported on the Flex Consumption plan, where unauthenticated callers
/// are not blocked even when it is switched on, so a principal header could be forged. The data-protection keys
/// that sign the cookies live in the report store (<see cref="StoreKeyRepository"/>).
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = "ReportingPortal";
    public const string EntraScheme = "EntraId";
    public const string CallbackPath = PortalOptions.BasePath + "/signin-oidc";
    public const string EntraSectionName = PortalOptions.SectionName + ":EntraId";

    /// <summary>The Entra ID sign-in endpoint of Azure's global cloud, used when Reporting:Portal:EntraId:Instance is not set.</summary>
    public const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>Where the portal's scripts send the anti-forgery token.</summary>
    public const string CsrfHeaderName = "X-CSRF-TOKEN";

    /// <summary>Whether Entra ID sign-in is configured (a client id and a tenant).</summary>
    public static bool EntraConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection entra = configuration.GetSection(EntraSectionName);
        return !string.IsNullOrWhiteSpace(entra["ClientId"]) && !string.IsNullOrWhiteSpace(entra["TenantId"]);
    }

    public static void Add(IServiceCollection services, IConfiguration configuration, PortalOptions portal)
    {
        services.AddDataProtection().SetApplicationName("reporting-portal");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IReportStore>((options, store) => options.XmlRepository = new StoreKeyRepository(store));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "reporting.csrf";
            options.Cookie.Path = PortalOptions.BasePath;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = CsrfHeaderName;
            options.FormFieldName = "__csrf";
        });

        AuthenticationBuilder authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieScheme;
            options.DefaultSignInScheme = CookieScheme;
        });
        if (portal.SignIn == PortalSignIn.EntraId && EntraConfigured(configuration))
        {
            // Sign-in only: the ID token (form_post, nonce-checked) carries name and groups, so no client secret
            // or certificate is needed and none is stored anywhere.
            IConfigurationSection entra = configuration.GetSection(EntraSectionName);
            authentication.AddMicrosoftIdentityWebApp(
                options =>
                {
                    entra.Bind(options);

                    // Microsoft.Identity.Web refuses to start a sign-in without an instance; a tenant and a client id are what
                    // an office is asked for. Azure operated by 21Vianet sets its own (https://login.chinacloudapi.cn/).
                    options.Instance = string.IsNullOrWhiteSpace(options.Instance) ? DefaultInstance : options.Instance;
                },
                configureCookieAuthenticationOptions: null,
                EntraScheme,
                CookieScheme);
            services.Configure<OpenIdConnectOptions>(EntraScheme, options =>
            {
                options.CallbackPath = CallbackPath;
                options.ResponseType = "id_token";
                options.ResponseMode = "form_post";
                options.SignInScheme = CookieScheme;
                options.TokenValidationParameters.NameClaimType = "name";
            });
        }
        else
        {
            authentication.AddCookie(CookieScheme);
        }

        services.Configure<CookieAuthenticationOptions>(CookieScheme, options =>
        {
            options.Cookie.Name = "reporting.session";
            options.Cookie.Path = PortalOptions.BasePath;
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: the Entra callback arrives as a cross-site POST and then redirects home; forms are
            // protected by the anti-forgery token instead.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = portal.SessionIdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = PortalOptions.BasePath + "/signin";
        });
    }
}
