using System.Reflection;

namespace Reporting.Tests.Infra;

/// <summary>
/// The Bicep CLI pinned in infra/tools/Bicep.props, which restore downloads into the NuGet cache
/// (the test project imports that file). It needs no network for build, lint and snapshot.
/// </summary>
internal static class BicepCli
{
    public const string PinnedVersion = "0.49.2";

    private static readonly Lazy<string> s_path = new(Locate);
    private static readonly Lazy<ProcessResult> s_mainBuild = new(() => Run("build", "infra/main.bicep", "--stdout"));

    public static string ExecutablePath => s_path.Value;

    public static ProcessResult Run(params string[] arguments) =>
        ProcessRunner.Run(ExecutablePath, arguments, InfraPaths.RepositoryRoot, timeout: TimeSpan.FromMinutes(3));

    /// <summary>`bicep build infra/main.bicep --stdout`, run once per test run; fails the caller if the build failed.</summary>
    public static ProcessResult BuildMain()
    {
        ProcessResult result = s_mainBuild.Value;
        Assert.True(result.ExitCode == 0, result.Output);
        return result;
    }

    private static string Locate()
    {
        string? path = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Bicep CLI not found at '{path}'. Restore tests/Reporting.Tests (it downloads Azure.Bicep.CommandLine.linux-x64 {PinnedVersion}).");
        }

        // NuGet extracts packages without the execute bit on some systems.
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}
