using System.Text;
using ClosedXML.Excel;
using Reporting.Cli;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.IntegrationTests.Functions;

namespace Reporting.IntegrationTests.Portal;

/// <summary>What clerks upload in the portal tests: the bundled 2022-12 samples, variants of them, and a broken workbook.</summary>
internal static class PortalSamples
{
    /// <summary>The department's bundled 2022-12 sample, as its clerk would pick it from disk.</summary>
    public static (string Name, byte[] Content) Bundled(string department)
    {
        string path = Samples.Bundled().Single(f => f.Department == department).Path;
        return (Path.GetFileName(path), File.ReadAllBytes(path));
    }

    /// <summary>Path of the department's bundled sample (for a browser's file picker).</summary>
    public static string BundledPath(string department) => Samples.Bundled().Single(f => f.Department == department).Path;

    /// <summary>Every department with a bundled sample.</summary>
    public static IReadOnlyList<string> Departments => [.. Samples.Bundled().Select(f => f.Department)];

    /// <summary>
    /// The department's sample with its title line changed (a corrected version, say): other bytes, the same figures,
    /// so still accepted. CSV samples get a trailing blank line instead.
    /// </summary>
    public static (string Name, byte[] Content) Variant(string department, int version)
    {
        (string name, byte[] content) = Bundled(department);
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return (name, [.. content, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\r\n", version)))]);
        }

        using var input = new MemoryStream(content);
        using var workbook = new XLWorkbook(input);
        IXLWorksheet sheet = workbook.Worksheets.First(s => s.Visibility == XLWorksheetVisibility.Visible);
        IXLCell title = sheet.FirstCellUsed();
        title.Value = title.GetString() + new string(' ', version);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return (name, output.ToArray());
    }

    /// <summary>安源区's projects with a negative 累计完成投资 and a county that does not exist: rejected, two cell findings.</summary>
    public static byte[] Broken(ReportingOptions options) => Samples.Fill(options, DatasetKind.Projects,
    [
        new() { ["项目名称"] = "安源区智能制造产业园", ["县区"] = "安源区", ["所属领域"] = "工业", ["年度计划投资（万元）"] = 12000, ["累计完成投资（万元）"] = -500, ["是否开工"] = "是" },
        new() { ["项目名称"] = "白云新区物流园", ["县区"] = "白云新区", ["所属领域"] = "服务业", ["年度计划投资（万元）"] = 8000, ["累计完成投资（万元）"] = 6000, ["是否开工"] = "是" },
    ]);

    /// <summary>A broken workbook as a file on disk, for a browser's file picker.</summary>
    public static string WriteBroken(ReportingOptions options, string directory)
    {
        string path = Path.Combine(directory, "安源区2022年12月重大项目调度表（有误）.xlsx");
        File.WriteAllBytes(path, Broken(options));
        return path;
    }

    /// <summary>Where a test writes files it hands to a browser; deleted by the caller.</summary>
    public static string TempDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "reporting-portal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    public static string SampleDataRoot => SampleDataFolder.Root;
}
