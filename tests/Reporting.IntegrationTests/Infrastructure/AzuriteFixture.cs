using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Reporting.Infrastructure.Storage;

namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>
/// Azurite from the npm package pinned in this folder (package.json / package-lock.json), started
/// on loopback with in-memory persistence. The ports are chosen by the OS (port 0) and read from
/// Azurite's own start-up lines, so two test runs on one machine never collide. If Azurite cannot
/// start, every test that needs it fails with the reason: integration tests are never skipped.
/// <see cref="Persistent"/> makes one that keeps its data on disk and can be stopped and started
/// again on the same ports (outage tests).
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime, IDisposable
{
    // The well-known development account every emulator accepts; not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private bool _persistent;
    private Process? _process;
    private string? _workDirectory;
    private int _blobPort;
    private int _queuePort;
    private int _tablePort;

    /// <summary>An Azurite of its own that stores on disk (a temp folder), so <see cref="StopAsync"/> and <see cref="StartAgainAsync"/> keep every blob and row.</summary>
    public static AzuriteFixture Persistent() => new() { _persistent = true };

    public string ConnectionString { get; private set; } = string.Empty;

    public Uri BlobEndpoint { get; private set; } = null!;

    /// <summary>What Azurite printed (the first 20,000 characters), for a failing test's message.</summary>
    public string Log => Output();

    public Uri TableEndpoint { get; private set; } = null!;

    /// <summary>Fresh stores on this Azurite whose containers and tables carry a unique prefix: no test sees another's data.</summary>
    public AzureStores CreateStores() => AzureStorage.Create(ConnectionString, namePrefix: UniquePrefix());

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        string directory = IntegrationTestsDirectory();
        string azurite = Path.Combine(directory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {azurite}. Run ./test.sh, or `npm ci --prefix tests/Reporting.IntegrationTests` once (needs Node.js 20+).");
        }

        _workDirectory = Path.Combine(Path.GetTempPath(), "reporting-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDirectory);
        await StartProcessAsync(azurite);
    }

    /// <summary>
    /// Stops Azurite: every connection is refused until <see cref="StartAgainAsync"/>. SIGTERM, so that it
    /// writes what it acknowledged to disk first, as a real storage service never loses an acknowledged write.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process && !OperatingSystem.IsWindows())
        {
            using Process signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        KillProcess();
    }

    /// <summary>Starts the stopped Azurite again on the same ports and folder.</summary>
    public Task StartAgainAsync() =>
        StartProcessAsync(Path.Combine(IntegrationTestsDirectory(), "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite"));

    private async Task StartProcessAsync(string azurite)
    {
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] persistence = _persistent ? ["--location", _workDirectory!] : ["--inMemoryPersistence", "--extentMemoryLimit", "512"];
        foreach (string argument in (string[])
                 [
                     "--silent", .. persistence, "--skipApiVersionCheck", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", Port(_blobPort), "--queuePort", Port(_queuePort), "--tablePort", Port(_tablePort),
                 ])
        {
            start.ArgumentList.Add(argument);
        }

        var blobPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tablePort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuePort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, blobPort, tablePort, queuePort);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, blobPort, tablePort, queuePort);
        _process.Exited += (_, _) =>
        {
            var exited = new InvalidOperationException("Azurite exited during start-up.");
            blobPort.TrySetException(exited);
            tablePort.TrySetException(exited);
        };

        try
        {
            _process.Start();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Cannot start {azurite} (is Node.js 20+ on PATH?): {e.Message}", e);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            int blob = await blobPort.Task.WaitAsync(s_startTimeout);
            int table = await tablePort.Task.WaitAsync(s_startTimeout);
            (_blobPort, _tablePort, _queuePort) = (blob, table, await queuePort.Task.WaitAsync(s_startTimeout));
            BlobEndpoint = new Uri($"http://127.0.0.1:{blob}/{AccountName}");
            TableEndpoint = new Uri($"http://127.0.0.1:{table}/{AccountName}");
            ConnectionString =
                $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};TableEndpoint={TableEndpoint};";
            await WaitUntilAnsweringAsync();
        }
        catch (Exception e)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start: {e.Message}\nAzurite said:\n{Output()}", e);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        KillProcess();
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
            _workDirectory = null;
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void KillProcess()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    // npm's .bin shim may leave node as a child: take the whole tree down.
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            _process = null;
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var blobs = new BlobServiceClient(ConnectionString);
        var tables = new TableServiceClient(ConnectionString);
        DateTime deadline = DateTime.UtcNow + s_startTimeout;
        while (true)
        {
            try
            {
                await blobs.GetPropertiesAsync();
                await foreach (Azure.Data.Tables.Models.TableItem unused in tables.QueryAsync(maxPerPage: 1))
                {
                    break;
                }

                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private void OnLine(string? line, TaskCompletionSource<int> blobPort, TaskCompletionSource<int> tablePort, TaskCompletionSource<int> queuePort)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }

        Match match = ListeningLine().Match(line);
        if (match.Success)
        {
            int port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            (match.Groups["service"].Value switch { "Blob" => blobPort, "Table" => tablePort, _ => queuePort }).TrySetResult(port);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string IntegrationTestsDirectory() =>
        typeof(AzuriteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "IntegrationTestsDirectory").Value!;

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
