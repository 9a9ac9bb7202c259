using System.Diagnostics;
using BenchmarkDotNet.Running;
using Reporting.Benchmarks.Briefings;
using Reporting.Benchmarks.Ingestion;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;

namespace Reporting.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (run.sh passes a filter), plus three helpers for the Chromium
/// side-by-side and a quick look: <c>--ingest ROWS [ours]</c> (ours: only our path, for a profiler), <c>--pages NAME</c>, <c>--pdf NAME FILE</c> and <c>--html NAME FILE</c>, NAME being two, demo or long.
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
        for (int round = 0; round < 3; round++)
        {
            if (onlyOurs)
            {
                Console.WriteLine($"ours {Time(() => benchmarks.OurWholePath()):F0} ms");
                continue;
            }

            Console.WriteLine($"bare {Time(() => benchmarks.BareExcelDataReader()):F0} ms, ours {Time(() => benchmarks.OurWholePath()):F0} ms, ClosedXML {Time(() => benchmarks.ClosedXmlLoad()):F0} ms");
        }

        return 0;
    }

    private static double Time(Func<long> action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
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
