using System.Diagnostics;
using BenchmarkDotNet.Running;
using Reporting.Benchmarks.Briefings;
using Reporting.Benchmarks.Ingestion;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;

namespace Reporting.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (run.sh passes a filter), plus three helpers for the Chromium
/// side-by-side and a quick look: <c>--ingest ROWS [ours]</c> (ours: only our path, for a profiler), <c>--indicators</c>, <c>--pages NAME</c>, <c>--pdf NAME FILE</c> and <c>--html NAME FILE</c>, NAME being two, demo or long.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] is "--pages" or "--pdf" or "--html")
        {
            return Helper(args);
        }

        if (args.Length >= 1 && args[0] == "--indicators")
        {
            var indicators = new Indicators.IndicatorBenchmarks();
            indicators.Setup();
            for (int round = 0; round < 10; round++)
            {
                Console.WriteLine($"indicators over 100,000 projects: {Time(() => indicators.Compute100k().Lagging.Count)} ms");
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "--ingest" && int.TryParse(args[1], out int rows))
        {
            return IngestOnce(rows, onlyOurs: args.Length >= 3 && args[2] == "ours");
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    // A quick look without BenchmarkDotNet: generate (or reuse) the workbook, check it is accepted, time each reader once.
    private static int IngestOnce(int rows, bool onlyOurs)
    {
        var benchmarks = new IngestionBenchmarks { Rows = rows };
        var watch = Stopwatch.StartNew();
        benchmarks.Setup();
        Console.WriteLine($"{rows} rows: workbook ready and accepted in {watch.Elapsed.TotalSeconds:F1} s");
        for (int round = 0; round < 4; round++)
        {
            if (onlyOurs)
            {
                long heap = GC.GetTotalMemory(forceFullCollection: true);
                long before = GC.GetAllocatedBytesForCurrentThread();
                var split = Stopwatch.StartNew();
                Core.Ingestion.IngestionOutcome outcome = benchmarks.Read();
                double read = split.Elapsed.TotalMilliseconds;
                long readBytes = GC.GetAllocatedBytesForCurrentThread() - before;
                long retained = GC.GetTotalMemory(forceFullCollection: true) - heap;
                before += GC.GetAllocatedBytesForCurrentThread() - before - readBytes;
                byte[] json = IngestionBenchmarks.Serialize(outcome);
                double serialize = split.Elapsed.TotalMilliseconds - read;
                long jsonBytes = GC.GetAllocatedBytesForCurrentThread() - before - readBytes;
                Console.WriteLine($"ours: read {read:F0} ms ({readBytes / rows:N0} B/row allocated, {retained / rows:N0} B/row retained by the outcome), serialize {serialize:F0} ms ({jsonBytes / rows:N0} B/row, JSON {json.Length / rows:N0} B/row)");
                continue;
            }

            Console.WriteLine($"ms: bare {Time(benchmarks.BareExcelDataReader)}, ours {Time(() => benchmarks.OurWholePath())}, ClosedXML {Time(benchmarks.ClosedXmlLoad)}");
        }

        return 0;
    }

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

    private static int Helper(string[] args)
    {
        BriefingDocument document = BriefingCases.Document(args[1]);
        switch (args[0])
        {
            case "--pages":
                Console.WriteLine(BriefingCases.Pages(document));
                return 0;
            case "--pdf" when args.Length >= 3:
                var watch = Stopwatch.StartNew();
                using (FileStream stream = File.Create(args[2]))
                {
                    new PdfBriefingRenderer().Render(document, stream);
                }

                Console.WriteLine($"{BriefingCases.Pages(document)} pages, first render in-process {watch.Elapsed.TotalMilliseconds:F0} ms (fonts and JIT included)");
                return 0;
            case "--html" when args.Length >= 3:
                File.WriteAllText(args[2], BriefingHtml.Write(document));
                return 0;
            default:
                Console.Error.WriteLine("usage: --pages NAME | --pdf NAME FILE | --html NAME FILE   (NAME: two, demo or long)");
                return 2;
        }
    }
}
