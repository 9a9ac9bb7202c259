namespace Reporting.Portal.Hosting;

/// <summary>Which host passed the request in: the same handlers run in both, but only one may offer the development sign-in.</summary>
public enum PortalHost
{
    /// <summary>`reporting serve`: Kestrel listening on loopback only.</summary>
    Kestrel,

    /// <summary>The Azure Functions app (an HTTP trigger). Requests reach the worker through the Functions host on
    /// loopback, so the client's address says nothing: the development sign-in is never offered here.</summary>
    Functions,
}

/// <summary>Whether this process runs on Azure App Service / Functions infrastructure.</summary>
public static class AzureEnvironment
{
    public static bool IsAzure =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME"));
}
