using System.Text.Json.Nodes;

namespace Reporting.Tests.Infra;

/// <summary>
/// A compiled ARM template (bicep build) with its nested module templates: each Bicep module is a
/// Microsoft.Resources/deployments resource whose properties.template is another template.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, string text)
    {
        Root = root;
        Text = text;
    }

    public JsonObject Root { get; }

    public string Text { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("Empty template."), json);

    /// <summary>Every template: the root and each nested module's, depth first.</summary>
    public IEnumerable<JsonObject> Templates()
    {
        Stack<JsonObject> pending = new([Root]);
        while (pending.TryPop(out JsonObject? template))
        {
            yield return template;
            foreach (JsonObject resource in DeclaredResources(template))
            {
                if (Type(resource) == "Microsoft.Resources/deployments")
                {
                    pending.Push(resource["properties"]!["template"]!.AsObject());
                }
            }
        }
    }

    /// <summary>Resources this template deploys (not `existing` references), across all modules.</summary>
    public IEnumerable<(JsonObject Template, JsonObject Resource)> Resources(string type) =>
        Templates().SelectMany(t => DeclaredResources(t).Where(r => Type(r) == type).Select(r => (t, r)));

    /// <summary>A user-defined function's output expression, as the template that uses it defines it.</summary>
    public static string FunctionBody(JsonObject template, string qualifiedName)
    {
        string[] parts = qualifiedName.Split('.');
        JsonObject function = template["functions"]!.AsArray()
            .Select(n => n!.AsObject())
            .Single(n => (string?)n["namespace"] == parts[0])["members"]![parts[1]]!.AsObject();
        return (string)function["output"]!["value"]!;
    }

    private static IEnumerable<JsonObject> DeclaredResources(JsonObject template)
    {
        // languageVersion 2.0 keys resources by symbolic name; 1.0 lists them.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };
        return resources.Select(r => r!.AsObject()).Where(r => r["existing"]?.GetValue<bool>() != true);
    }

    private static string Type(JsonObject resource) => (string)resource["type"]!;
}
