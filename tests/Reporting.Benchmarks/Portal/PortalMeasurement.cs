using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Benchmarks.Ingestion;
using Reporting.Cli;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Infrastructure;
using Reporting.Portal;

namespace Reporting.Benchmarks.Portal;

/// <summary>
/// 报送平台 measured as clerks and the office meet it, over HTTP against <see cref="PortalServer"/> (what `reporting serve`
/// runs) on the Azure store it is given (portal.sh starts Azurite): how long the clerk's home page and the office's
/// status page take to arrive whole, how long an upload of a 400-row 重大项目调度表 takes from sending to the answer,
/// and thirty clerks uploading at the same moment. Prints Markdown for docs/performance.md. A measurement, not a test:
/// it checks what must hold (every upload answered, none lost or ingested twice) and reports the times.
/// </summary>
internal static partial class PortalMeasurement
{
    private static readonly DateTimeOffset s_morning = new(2023, 1, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(string connection, int loads, int uploads, int clerks)
    {
        string prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        IConfiguration cli = CliEnvironment.BuildConfiguration(
            StoreSelection.DefaultStoreDirectory,
            [Path.Combine(SampleDataFolder.Root, "demo-settings.json")],
            connection,
            new Dictionary<string, string?> { [PortalOptions.SectionName + ":" + nameof(PortalOptions.SignIn)] = nameof(PortalSignIn.Development) });
        IConfiguration configuration = new ConfigurationBuilder().AddConfiguration(cli)
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReportingStores.NamePrefixKey] = prefix }).Build();
        await using PortalServer server = await PortalServer.StartAsync(configuration, port: 0, new FixedClock(s_morning));
        var address = new Uri(server.Address.GetLeftPart(UriPartial.Authority));
        IReadOnlyList<(string Department, string Path)> samples = SampleDataFolder.Files(SampleDataFolder.Period);

        // The office's page should have something to show: every other department's sample, as its clerk uploads it.
        foreach ((string department, string path) in samples.Where(s => s.Department != ProjectsWorkbook.Department))
        {
            using Clerk seeding = await Clerk.SignInAsync(address, department);
            await seeding.UploadAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path));
        }

        using Clerk clerk = await Clerk.SignInAsync(address, ProjectsWorkbook.Department);
        using Clerk office = await Clerk.SignInAsync(address, "office");

        // A 400-row workbook, a different version each time (the same bytes twice would be answered "already processed").
        string workbook = ProjectsWorkbook.Ensure(400);
        List<byte[]> versions = Versions(workbook, uploads + 3);
        var answers = new List<double>();
        for (int i = 0; i < versions.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            string answer = await clerk.UploadAsync(ProjectsWorkbook.FileName, versions[i], json: false);
            watch.Stop();
            if (!answer.Contains("已通过校验并受理", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the 400-row workbook was not accepted: " + answer[..Math.Min(answer.Length, 2000)]);
            }

            if (i >= 3)
            {
                answers.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // The pages as they are by then: the clerk's history holds every upload above, the office's status every submission.
        double[] home = await TimeAsync(loads, () => clerk.GetAsync("/portal/"));
        double[] status = await TimeAsync(loads, () => office.GetAsync("/portal/office"));

        (double[] burst, double wall, string invariants) = await BurstAsync(server, address, samples, clerks);

        Console.WriteLine($"Server: `PortalServer` (what `reporting serve` runs) on Kestrel, loopback, store on Azurite (in memory), no SMTP server (receipts go to the outbox container); clock fixed at {s_morning:yyyy-MM-dd HH:mm} Beijing.");
        Console.WriteLine();
        Console.WriteLine("| what | n | median | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row($"upload of a 400-row 重大项目调度表 ({versions[0].Length / 1024} KB) to the answer on screen (`POST /portal/uploads`, one clerk at a time)", [.. answers]);
        Row($"clerk home `/portal/` (status, templates, upload form, a history of {versions.Count} uploads), request to last byte", home);
        Row($"office status `/portal/office` (11 departments, {samples.Count - 1 + versions.Count} submissions), request to last byte", status);
        Row($"deadline morning: {clerks} clerks upload at the same moment, each upload to its answer", burst);
        Console.WriteLine();
        Console.WriteLine(Invariant($"The burst of {clerks} took {wall:F0} ms from the first upload sent to the last answer. {invariants}"));
        return 0;
    }

    private static async Task<(double[] Latencies, double Wall, string Invariants)> BurstAsync(
        PortalServer server, Uri address, IReadOnlyList<(string Department, string Path)> samples, int count)
    {
        var people = new List<(Clerk Clerk, string Name, byte[] Content)>();
        for (int i = 0; i < count; i++)
        {
            (string department, string path) = samples[i % samples.Count];
            people.Add((await Clerk.SignInAsync(address, department), Path.GetFileName(path), Variant(path, 10 + (i / samples.Count))));
        }

        try
        {
            ILedgerStore ledger = server.Services.GetRequiredService<ILedgerStore>();
            HashSet<string> before = await KeysAsync(ledger);
            int archivedBefore = await CountAsync(server.Services.GetRequiredService<IReportStore>(), "archive/");

            using var start = new SemaphoreSlim(0, count);
            var wall = Stopwatch.StartNew();
            Task<(double, string)>[] sending = [.. people.Select(p => Task.Run(async () =>
            {
                await start.WaitAsync();
                var watch = Stopwatch.StartNew();
                string answer = await p.Clerk.UploadAsync(p.Name, p.Content, json: true);
                return (watch.Elapsed.TotalMilliseconds, answer);
            }))];
            wall.Restart();
            start.Release(count);
            (double Time, string Answer)[] results = await Task.WhenAll(sending);
            wall.Stop();

            int answered = results.Count(r => ReadAnswer(r.Answer) is ("accepted" or "acceptedWithWarnings", false));
            HashSet<string> after = await KeysAsync(ledger);
            int newRows = after.Except(before).Count();
            int archived = await CountAsync(server.Services.GetRequiredService<IReportStore>(), "archive/") - archivedBefore;

            // The same bytes again, all at once.
            (double, string)[] repeated = await Task.WhenAll(people.Select(p => Task.Run(async () => (0d, await p.Clerk.UploadAsync(p.Name, p.Content, json: true)))));
            int already = repeated.Count(r => ReadAnswer(r.Item2) is (_, true));
            int rowsAfterRepeat = (await KeysAsync(ledger)).Count;
            string invariants = Invariant(
                $"Every upload answered and accepted: {answered} of {count}; new ledger rows {newRows}, new archived originals {archived} (one each, none lost); the same {count} files sent again at once: {already} answered \"already processed\", ledger rows unchanged ({rowsAfterRepeat} = {after.Count}).");
            if (answered != count || newRows != count || archived != count || already != count || rowsAfterRepeat != after.Count)
            {
                throw new InvalidOperationException("the burst lost or duplicated uploads: " + invariants);
            }

            return ([.. results.Select(r => r.Time)], wall.Elapsed.TotalMilliseconds, invariants);
        }
        finally
        {
            people.ForEach(p => p.Clerk.Dispose());
        }
    }

    private static (string Status, bool AlreadyProcessed) ReadAnswer(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return (document.RootElement.GetProperty("status").GetString()!, document.RootElement.GetProperty("alreadyProcessed").GetBoolean());
    }

    private static async Task<HashSet<string>> KeysAsync(ILedgerStore ledger)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (LedgerRow<SubmissionRecord> row in ledger.QueryAsync<SubmissionRecord>(LedgerTables.Submissions, null))
        {
            keys.Add(row.PartitionKey + "/" + row.RowKey);
        }

        return keys;
    }

    private static async Task<int> CountAsync(IReportStore store, string prefix)
    {
        int count = 0;
        await foreach (StoredObject unused in store.ListAsync(prefix))
        {
            count++;
        }

        return count;
    }

    private static async Task<double[]> TimeAsync(int count, Func<Task> request)
    {
        for (int i = 0; i < 3; i++)
        {
            await request();
        }

        double[] times = new double[count];
        for (int i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private static void Row(string what, double[] times)
    {
        double[] sorted = [.. times.Order()];
        Console.WriteLine(Invariant($"| {what} | {sorted.Length} | {Percentile(sorted, 50):F0} ms | {Percentile(sorted, 95):F0} ms | {sorted[^1]:F0} ms |"));
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, int percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];

    private static List<byte[]> Versions(string path, int count)
    {
        // ClosedXML 0.95 cannot save one workbook twice: each version from the file afresh.
        var versions = new List<byte[]>(count);
        for (int i = 0; i < count; i++)
        {
            using var workbook = new XLWorkbook(path);
            IXLCell title = workbook.Worksheet(1).Cell(1, 1);
            title.Value = title.GetString() + new string(' ', i + 1);
            using var output = new MemoryStream();
            workbook.SaveAs(output);
            versions.Add(output.ToArray());
        }

        return versions;
    }

    /// <summary>A department's sample with its title line changed (or, for a CSV, blank lines added): other bytes, the same figures.</summary>
    private static byte[] Variant(string path, int version)
    {
        byte[] content = File.ReadAllBytes(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return [.. content, .. System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\r\n", version)))];
        }

        using var input = new MemoryStream(content);
        using var workbook = new XLWorkbook(input);
        IXLCell title = workbook.Worksheets.First(s => s.Visibility == XLWorksheetVisibility.Visible).FirstCellUsed();
        title.Value = title.GetString() + new string(' ', version);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    /// <summary>One signed-in person: cookies, the page's anti-forgery token, uploads as the page's script sends them.</summary>
    private sealed partial class Clerk : IDisposable
    {
        private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        private readonly HttpClient _http;
        private string _token = string.Empty;

        private Clerk(Uri address) => _http = new HttpClient(_handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };

        public static async Task<Clerk> SignInAsync(Uri address, string account)
        {
            var clerk = new Clerk(address);
            string page = await clerk.GetStringAsync("/portal/signin");
            string token = WebUtility.HtmlDecode(FormToken().Match(page).Groups[1].Value);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["account"] = account, ["__csrf"] = token });
            using HttpResponseMessage signedIn = await clerk._http.PostAsync(new Uri("/portal/signin", UriKind.Relative), form);
            string home = await clerk.GetStringAsync(signedIn.Headers.Location!.OriginalString);
            clerk._token = WebUtility.HtmlDecode(MetaToken().Match(home).Groups[1].Value);
            return clerk;
        }

        public async Task GetAsync(string path) => await GetStringAsync(path);

        public async Task<string> UploadAsync(string name, byte[] content, bool json = true)
        {
            using var form = new MultipartFormDataContent { { new StringContent("2022-12"), "period" }, { new ByteArrayContent(content), "file", name } };
            using var request = new HttpRequestMessage(HttpMethod.Post, json ? "/portal/api/uploads" : "/portal/uploads") { Content = form };
            request.Headers.Add("X-CSRF-TOKEN", _token);
            using HttpResponseMessage response = await _http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"upload {name}: {(int)response.StatusCode} {body}");
        }

        public void Dispose()
        {
            _http.Dispose();
            _handler.Dispose();
        }

        private async Task<string> GetStringAsync(string path)
        {
            using HttpResponseMessage response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            string body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }

        [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
        private static partial Regex FormToken();

        [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
        private static partial Regex MetaToken();
    }
}
