using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reporting.Tests.Infra;

/// <summary>The azd wiring: azure.yaml and the parameter file agree with main.bicep and the scripts.</summary>
[UnsupportedOSPlatform("windows")] // the scripts are POSIX sh
public sealed partial class AzdProjectTests
{
    private static readonly string s_azureYaml = File.ReadAllText(Path.Combine(InfraPaths.RepositoryRoot, "azure.yaml"));

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_function_app()
    {
        Assert.Contains("""
              functions:
                project: ./functions/Reporting.Functions
                language: dotnet
                host: function
            """.ReplaceLineEndings("\n"), s_azureYaml.ReplaceLineEndings("\n"));
        Assert.Contains("""
              provider: bicep
              path: infra
              module: main
            """.ReplaceLineEndings("\n"), s_azureYaml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Postdeploy_hook_is_an_executable_script_in_the_repository()
    {
        Match run = PostdeployRun().Match(s_azureYaml);
        Assert.True(run.Success, s_azureYaml);

        string script = Path.GetFullPath(Path.Combine(InfraPaths.RepositoryRoot, run.Groups["path"].Value));
        Assert.True(File.Exists(script), script);
        Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
    }

    [Fact]
    public void Parameter_file_sets_every_required_parameter_and_nothing_unknown()
    {
        JsonObject declared = ArmTemplate.Parse(BicepCli.BuildMain().StdOut).Root["parameters"]!.AsObject();
        JsonObject supplied = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(supplied, p => Assert.True(declared.ContainsKey(p.Key), $"main.bicep has no parameter '{p.Key}'"));
        Assert.All(
            declared.Where(p => p.Value!["defaultValue"] is null),
            p => Assert.True(supplied.ContainsKey(p.Key), $"main.parameters.json does not set the required '{p.Key}'"));
        // azd fills values from its environment; a literal here would override `azd env set`.
        Assert.All(supplied, p => Assert.Matches(@"^\$\{[A-Z][A-Z0-9_]*\}$", (string)p.Value!["value"]!));
    }

    [GeneratedRegex(@"postdeploy:\s*\n(?:\s+\w+:.*\n)*?\s+run:\s*(?<path>\S+)")]
    private static partial Regex PostdeployRun();
}
