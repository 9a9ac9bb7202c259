using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// Every HTTP endpoint for machines, present and future, needs a function key: the host refuses a call without
/// one (401) before our code runs. The one exception is the portal, which people reach with a browser and which
/// signs them in itself (its refusals are tested in the portal tests). The worker cannot exercise the host's
/// check here (it lives in the Functions host, which needs Core Tools), so this pins what the host enforces:
/// the built functions.metadata and the attributes it is generated from.
/// </summary>
public sealed class HttpAuthorizationTests
{
    [Fact]
    public void Every_http_trigger_in_the_built_metadata_requires_a_function_key()
    {
        string directory = typeof(HttpAuthorizationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "functions.metadata")));

        List<(string Function, string? Level)> http = [.. metadata.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString()!, Binding: b)))
            .Where(x => x.Binding.GetProperty("type").GetString() == "httpTrigger")
            .Select(x => (x.Function, x.Binding.TryGetProperty("authLevel", out JsonElement level) ? level.GetString() : null))];

        Assert.Equal(4, http.Count);
        Assert.All(http.Where(h => h.Function != PortalFunction.Name), h => Assert.True(h.Level is "Function" or "Admin", $"{h.Function} is {h.Level ?? "anonymous"}"));
    }

    [Fact]
    public void No_http_trigger_but_the_portal_is_anonymous()
    {
        HttpTriggerAttribute[] triggers = [.. typeof(IngestUploadFunction).Assembly.GetTypes()
            .Where(t => t != typeof(PortalFunction))
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()];

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.NotEqual(AuthorizationLevel.Anonymous, t.AuthLevel));
    }
}
