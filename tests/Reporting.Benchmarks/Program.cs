using System.Diagnostics;
using BenchmarkDotNet.Running;
using Reporting.Benchmarks.Briefings;
using Reporting.Benchmarks.Indicators;
using Reporting.Benchmarks.Ingestion;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Ingestion;

namespace Reporting.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (run.sh passes a filter), and helpers for a quick look or the Chromium
/// side-by-side: <c>--ingest ROWS [ours]</c>, <c>--indicators</c>, <c>--pages NAME</c>,
/// <c>--pdf NAME FILE</c>, <c>--html NAME FILE</c> (NAME: two, demo, long or scale); and the portal's measurement against an
/// Azure store (portal.sh): <c>--portal CONNECTION [LOADS UPLOADS CLERKS]</c>.
/// </summary>
public static class Program
{
    private const string Usage = "usage: [BenchmarkDotNet arguments] | --ingest ROWS [ours] | --indicators | --pages NAME | --pdf NAME FILE | --html NAME FILE   (NAME: two, demo, long or scale)"
        + " | --portal CONNECTION [LOADS UPLOADS CLERKS]";

    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["--ingest", string rows, ..] when int.TryParse(rows, out int count) && count > 0:
                return IngestOnce(count, onlyOurs: args is [_, _, "ours", ..]);
            case ["--indicators", ..]:
                return IndicatorsOnce();
            case ["--portal", string connection, ..]:
                return Portal.PortalMeasurement.RunAsync(
                    connection, Count(args, 2, 30), Count(args, 3, 36), Count(args, 4, 30)).GetAwaiter().GetResult();
            case ["--pages" or "--pdf" or "--html", ..]:
                return Briefing(args);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    // Generate (or reuse) the workbook, check it is accepted, then time each reader once per round.
    private static int IngestOnce(int rows, bool onlyOurs)
    {
        var benchmarks = new IngestionBenchmarks { Rows = rows };
        var watch = Stopwatch.StartNew();
        benchmarks.Setup();
        Console.WriteLine($"{rows} rows: workbook ready and accepted in {watch.Elapsed.TotalSeconds:F1} s");
        for (int round = 0; round < 4; round++)
        {
            if (!onlyOurs)
            {
                Console.WriteLine($"ms: bare {Time(benchmarks.BareExcelDataReader)}, ours {Time(() => benchmarks.OurWholePath())}, ClosedXML {Time(benchmarks.ClosedXmlLoad)}");
                continue;
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            var split = Stopwatch.StartNew();
            IngestionOutcome outcome = benchmarks.Read();
            double read = split.Elapsed.TotalMilliseconds;
            long readBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            byte[] json = IngestionBenchmarks.Serialize(outcome);
            double serialize = split.Elapsed.TotalMilliseconds - read;
            long jsonBytes = GC.GetAllocatedBytesForCurrentThread() - before - readBytes;
            Console.WriteLine($"ours: read {read:F0} ms ({readBytes / rows:N0} B/row allocated), serialize {serialize:F0} ms ({jsonBytes / rows:N0} B/row, JSON {json.Length / rows:N0} B/row)");
        }

        return 0;
    }

    private static int IndicatorsOnce()
    {
        var benchmarks = new IndicatorBenchmarks();
        benchmarks.Setup();
        for (int round = 0; round < 10; round++)
        {
            Console.WriteLine($"indicators over 100,000 projects: {Time(() => benchmarks.Compute100k().Lagging.Count)} ms");
        }

        return 0;
    }

    private static int Count(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], out int count) && count > 0 ? count : fallback;

    // Wall time, and CPU time in brackets: on a shared machine the CPU time is the steadier of the two.
    private static string Time(Func<long> action)
    {
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        TimeSpan paused = GC.GetTotalPauseDuration();
        int gen1 = GC.CollectionCount(1);
        int gen2 = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        action();
        return $"{watch.Elapsed.TotalMilliseconds:F0} ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} cpu, "
            + $"{(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} GC pause, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2})";
    }

    private static int Briefing(string[] args)
    {
        if (args.Length < 2 || !BriefingCases.Names.Contains(args[1]) || (args[0] != "--pages" && args.Length < 3))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        BriefingDocument document = BriefingCases.Document(args[1]);
        switch (args[0])
        {
            case "--pages":
                Console.WriteLine(BriefingCases.Pages(document));
                break;
            case "--pdf":
                // The whole process is what the side-by-side times: nothing here but the render.
                using (FileStream stream = File.Create(args[2]))
                {
                    new PdfBriefingRenderer().Render(document, stream);
                }

                break;
            default:
                File.WriteAllText(args[2], BriefingHtml.Write(document));
                break;
        }

        return 0;
    }
}
