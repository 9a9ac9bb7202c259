using System.Runtime.Versioning;

namespace Reporting.Tests.Infra;

/// <summary>
/// infra/scripts/subscribe-uploads.sh (azd postdeploy) run by sh against stand-in az, azd and curl
/// commands that record their calls: the real Azure calls are the ones those commands would make.
/// </summary>
[UnsupportedOSPlatform("windows")] // the scripts are POSIX sh
public sealed class SubscribeUploadsHookTests : IDisposable
{
    private const string FakeAz = """
        #!/bin/sh
        echo "az $*" >> "$FAKE_LOG"
        case "$1 $2 $3" in
          "functionapp keys list")
            calls=$(cat "$FAKE_STATE/key-calls" 2>/dev/null || echo 0)
            calls=$((calls + 1))
            echo "$calls" > "$FAKE_STATE/key-calls"
            if [ "$calls" -ge "$FAKE_KEY_AFTER" ]; then echo present; fi ;;
          "deployment group create")
            exit "$FAKE_DEPLOY_EXIT" ;;
          *)
            echo "unexpected az call: $*" >&2
            exit 2 ;;
        esac
        """;

    private const string FakeAzd = """
        #!/bin/sh
        echo "azd $*" >> "$FAKE_LOG"
        """;

    private const string FakeCurl = """
        #!/bin/sh
        echo "curl $*" >> "$FAKE_LOG"
        exit 7
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-hook-" + Guid.NewGuid().ToString("N"));

    public SubscribeUploadsHookTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        Directory.CreateDirectory(Path.Combine(_root, "state"));
        WriteExecutable("az", FakeAz);
        WriteExecutable("azd", FakeAzd);
        WriteExecutable("curl", FakeCurl);
    }

    private string LogFile => Path.Combine(_root, "calls.log");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Waits_for_the_blob_extension_key_then_subscribes_and_records_it()
    {
        ProcessResult result = RunHook(keyAfterAttempts: 3);

        Assert.True(result.ExitCode == 0, result.Output);
        List<string> calls = Calls();
        Assert.Equal(3, calls.Count(c => c.StartsWith("az functionapp keys list", StringComparison.Ordinal)));
        Assert.Equal(3, calls.Count(c => c == "curl --silent --output /dev/null --max-time 60 https://func-abc.azurewebsites.net/"));
        Assert.All(
            calls.Where(c => c.StartsWith("az functionapp keys list", StringComparison.Ordinal)),
            c => Assert.Equal("az functionapp keys list --subscription sub-1 --resource-group rg-test --name func-abc --query systemKeys.blobs_extension && 'present' --output tsv", c));

        string deployment = Assert.Single(calls, c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
        Assert.Contains("--subscription sub-1 --resource-group rg-test --name uploads-subscription", deployment);
        Assert.Contains($"--template-file {Path.Combine(InfraPaths.InfraDirectory, "modules", "uploads-subscription.bicep")} ", deployment);
        Assert.Contains(
            "--parameters systemTopicName=evgt-abc functionAppName=func-abc functionName=IngestUpload storageAccountName=stabc " +
            "uploadsContainerName=uploads deadLetterContainerName=eventgrid-deadletter",
            deployment);
        Assert.Equal("azd env set UPLOADS_EVENT_SUBSCRIPTION true", calls[^1]);
        Assert.True(calls.IndexOf(deployment) < calls.Count - 1);
    }

    [Fact]
    public void Does_nothing_once_provisioning_keeps_the_subscription()
    {
        ProcessResult result = RunHook(keyAfterAttempts: 1, subscriptionFlag: "true");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(Calls());
        Assert.Contains("nothing to do", result.StdOut);
    }

    [Fact]
    public void Gives_up_with_a_clear_message_when_the_key_never_appears()
    {
        ProcessResult result = RunHook(keyAfterAttempts: int.MaxValue, attempts: 4);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no blobs_extension system key after 4 attempts", result.StdErr);
        Assert.Contains("azd hooks run postdeploy", result.StdErr);
        Assert.Equal(4, Calls().Count(c => c.StartsWith("az functionapp keys list", StringComparison.Ordinal)));
        Assert.DoesNotContain(Calls(), c => c.StartsWith("az deployment", StringComparison.Ordinal) || c.StartsWith("azd", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_record_the_subscription_when_its_deployment_fails()
    {
        ProcessResult result = RunHook(keyAfterAttempts: 1, deployExitCode: 1);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("the subscription deployment failed", result.StdErr);
        Assert.Single(Calls(), c => c.StartsWith("az deployment group create", StringComparison.Ordinal));
        Assert.DoesNotContain(Calls(), c => c.StartsWith("azd", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_to_run_outside_azd()
    {
        ProcessResult result = RunHook(keyAfterAttempts: 1, withAzdEnvironment: false);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AZURE_SUBSCRIPTION_ID", result.StdErr);
        Assert.Empty(Calls());
    }

    private ProcessResult RunHook(int keyAfterAttempts, int attempts = 10, int deployExitCode = 0, string subscriptionFlag = "", bool withAzdEnvironment = true)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{Path.Combine(_root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_LOG"] = LogFile,
            ["FAKE_STATE"] = Path.Combine(_root, "state"),
            ["FAKE_KEY_AFTER"] = keyAfterAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FAKE_DEPLOY_EXIT"] = deployExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SUBSCRIBE_UPLOADS_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SUBSCRIBE_UPLOADS_DELAY_SECONDS"] = "0",
            ["UPLOADS_EVENT_SUBSCRIPTION"] = subscriptionFlag,
            ["AZURE_SUBSCRIPTION_ID"] = withAzdEnvironment ? "sub-1" : null,
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["AZURE_FUNCTION_APP_NAME"] = "func-abc",
            ["AZURE_FUNCTION_APP_HOSTNAME"] = "func-abc.azurewebsites.net",
            ["AZURE_STORAGE_ACCOUNT_NAME"] = "stabc",
            ["EVENT_GRID_SYSTEM_TOPIC_NAME"] = "evgt-abc",
            ["UPLOADS_CONTAINER_NAME"] = "uploads",
            ["EVENT_GRID_DEADLETTER_CONTAINER_NAME"] = "eventgrid-deadletter",
            ["UPLOADS_FUNCTION_NAME"] = "IngestUpload",
        };
        return ProcessRunner.Run(
            "sh",
            [Path.Combine(InfraPaths.InfraDirectory, "scripts", "subscribe-uploads.sh")],
            _root,
            environment);
    }

    private List<string> Calls() => File.Exists(LogFile) ? File.ReadAllLines(LogFile).ToList() : [];

    private void WriteExecutable(string name, string script)
    {
        string path = Path.Combine(_root, "bin", name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
