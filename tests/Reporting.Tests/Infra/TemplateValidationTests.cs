namespace Reporting.Tests.Infra;

/// <summary>CI's offline gate: the pinned Bicep CLI builds and lints every template with zero diagnostics.</summary>
public sealed class TemplateValidationTests
{
    [Fact]
    public void Bicep_cli_is_the_pinned_version()
    {
        ProcessResult result = BicepCli.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Bicep CLI version {BicepCli.PinnedVersion} ", result.StdOut);
    }

    [Fact]
    public void Every_template_lints_without_a_single_diagnostic()
    {
        Assert.True(Directory.GetFiles(InfraPaths.InfraDirectory, "*.bicep", SearchOption.AllDirectories).Length >= 10);

        ProcessResult result = BicepCli.Run("lint", "--pattern", "infra/**/*.bicep");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(string.Empty, result.Output.Trim());
    }

    [Fact]
    public void Main_template_builds_without_a_single_diagnostic()
    {
        ProcessResult result = BicepCli.BuildMain();

        Assert.Equal(string.Empty, result.StdErr.Trim());
        Assert.Equal("subscriptionDeploymentTemplate.json#", ((string)ArmTemplate.Parse(result.StdOut).Root["$schema"]!).Split('/')[^1]);
    }

    [Fact]
    public void Project_linter_configuration_turns_findings_into_errors()
    {
        // Proves bicepconfig.json is in force: a finding the default configuration only warns about fails here.
        string directory = Path.Combine(Path.GetTempPath(), "reporting-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string file = Path.Combine(directory, "sample.bicep");
            File.WriteAllText(file, "param unusedSetting string = 'x'\n");

            ProcessResult result = BicepCli.Run("lint", file, "--config", Path.Combine(InfraPaths.InfraDirectory, "bicepconfig.json"));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error no-unused-params", result.Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
