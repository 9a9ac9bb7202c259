using System.Text;
using System.Text.Json.Nodes;

namespace Reporting.Tests.Infra;

/// <summary>
/// What a deployment of infra/main.bicep would create for given parameters, evaluated offline by
/// `bicep snapshot`: modules inlined, loops expanded, names and conditions computed. Values only
/// Azure knows (an identity's principal id, App Insights' connection string) stay ARM expressions.
/// </summary>
internal sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    public const string TenantId = "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    public const string Location = "eastasia";

    private DeploymentSnapshot(IReadOnlyList<JsonObject> resources, JsonObject outputs)
    {
        Resources = resources;
        Outputs = outputs;
    }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs { get; }

    public static DeploymentSnapshot Create(IReadOnlyDictionary<string, string> parameters)
    {
        (ProcessResult result, string? json) = Run(parameters);
        if (result.ExitCode != 0 || json is null)
        {
            throw new InvalidOperationException($"bicep snapshot failed ({result.ExitCode}):\n{result.Output}");
        }

        JsonObject root = JsonNode.Parse(json)!.AsObject();
        Assert.Empty(root["diagnostics"]!.AsArray());
        return new DeploymentSnapshot(
            root["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList(),
            root["outputs"]!.AsObject());
    }

    /// <summary>Runs the snapshot expecting it to fail; returns what the CLI said.</summary>
    public static ProcessResult Fail(IReadOnlyDictionary<string, string> parameters) => Run(parameters).Result;

    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(r => (string?)r["type"] == type);

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public static string Guid(JsonNode? resourceId) => ((string)resourceId!).Split('/')[^1];

    private static (ProcessResult Result, string? Json) Run(IReadOnlyDictionary<string, string> parameters)
    {
        string directory = Path.Combine(Path.GetTempPath(), "reporting-infra-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // A .bicepparam may name its template only by a relative path.
            string template = Path.GetRelativePath(directory, InfraPaths.MainTemplate).Replace('\\', '/');
            var text = new StringBuilder($"using '{template}'\n");
            foreach ((string name, string value) in parameters)
            {
                text.Append($"param {name} = '{Escape(value)}'\n");
            }

            string parameterFile = Path.Combine(directory, "test.bicepparam");
            File.WriteAllText(parameterFile, text.ToString());
            ProcessResult result = BicepCli.Run(
                "snapshot", parameterFile,
                "--subscription-id", SubscriptionId,
                "--tenant-id", TenantId,
                "--location", Location);
            string snapshotFile = Path.Combine(directory, "test.snapshot.json");
            return (result, File.Exists(snapshotFile) ? File.ReadAllText(snapshotFile) : null);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace("'", "\\'").Replace("$", "\\$").Replace("\n", "\\n");
}
