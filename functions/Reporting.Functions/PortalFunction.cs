using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Portal.Hosting;

namespace Reporting.Functions;

/// <summary>
/// 报送平台 in the Functions app: every request under /portal goes to the same <see cref="PortalApp"/> that
/// `reporting serve` runs on Kestrel. Anonymous at the function-key level on purpose: the portal signs people
/// in itself (Microsoft Entra ID) and refuses everything else; function keys are for machines, not clerks.
/// </summary>
public sealed class PortalFunction(PortalApp portal)
{
    public const string Name = "Portal";

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "portal/{*path}")] HttpRequest request) =>
        new PortalResult(portal);

    /// <summary>Hands the request to the portal when the worker executes the result.</summary>
    private sealed class PortalResult(PortalApp portal) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => portal.HandleAsync(context.HttpContext, PortalHost.Functions);
    }
}
