using Reporting.Cli;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Hostile.Fuzz;

/// <summary>A valid upload the fuzzer starts from.</summary>
internal sealed record FuzzSeed(string Name, string FileName, byte[] Bytes)
{
    public bool IsXlsx => Bytes.Length > 2 && Bytes[0] == (byte)'P' && Bytes[1] == (byte)'K';
}

/// <summary>
/// The valid workbooks mutated: every bundled 2022-12 sample (what the generator's departments send),
/// the committed .xls and CSV fixtures (including the real-world department files), and small generated
/// workbooks of each kind (cheap to mutate).
/// </summary>
internal static class FuzzSeeds
{
    private static readonly Lazy<IReadOnlyList<FuzzSeed>> s_all = new(Load);

    public static IReadOnlyList<FuzzSeed> All => s_all.Value;

    private static List<FuzzSeed> Load()
    {
        var seeds = new List<FuzzSeed>
        {
            new("small-projects", "安源区.xlsx", HostileFiles.Projects("安源区智能制造产业园", "☆安源区城市更新项目", "安源区新能源项目")),
            new("small-projects-template", "安源区.xlsx", TestWorkbooks.ProjectWorkbook(rows:
            [
                [1, "项目一", "安源区", "工业", 100, 50, "是"], [2, "项目二", "湘东区", "农业", "1,200.5", "1.2亿", "否"], ["合计", null, null, null, 10200.5, 12050, null],
            ]).ToArray()),
            new("small-signings", "商务局.xlsx", TestWorkbooks.Xlsx(workbook =>
            {
                ClosedXML.Excel.IXLWorksheet sheet = workbook.AddWorksheet("签约");
                sheet.Put(1, HostileFiles.Period);
                sheet.Put(2, "项目名称", "县区", "签约时间", "签约金额（万元）", "产业链", "来源地", "是否5020项目");
                sheet.Put(3, "锂电新材料项目", "萍乡经开区", new DateTime(2022, 11, 18), 150000, "锂电", "长三角", "是");
                sheet.Put(4, "文旅综合体", "武功山", "2022年6月", "2.5亿", "文旅", "粤港澳大湾区", "否");
            }).ToArray()),
            new("small-metrics", "工信局.xlsx", TestWorkbooks.Xlsx(workbook =>
            {
                ClosedXML.Excel.IXLWorksheet sheet = workbook.AddWorksheet("指标");
                sheet.Put(1, HostileFiles.Period);
                sheet.Put(2, "指标名称", "单位", "本期值", "上年同期", "同比增长（%）", "占比（%）");
                sheet.Put(3, "电子信息产业工业增加值", "亿元", 120.5, 96.6, 24.7, 12.2);
                sheet.Put(4, "5G基站数", "个", 2295, 1500, null, null);
            }).ToArray()),
        };

        foreach (string fixture in (string[])["projects-lianhua-2022-12.xls", "metrics-jrb-2022-12.xls", "projects-luxi-2022-12-gb18030.csv", "signings-swj-2022-12-utf8bom.csv"])
        {
            seeds.Add(new(fixture, fixture, File.ReadAllBytes(TestWorkbooks.FixturePath(fixture))));
        }

        // Department files as they arrive (LibreOffice .xls with computed formulas, WPS CSV exports).
        foreach (string path in Directory.EnumerateFiles(TestWorkbooks.FixturePath("real-world")).Where(p => !p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            seeds.Add(new("real-world-" + Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), File.ReadAllBytes(path)));
        }

        foreach ((string department, string path) in SampleDataFolder.Files(SampleDataFolder.Period))
        {
            seeds.Add(new("sample-" + department, Path.GetFileName(path), File.ReadAllBytes(path)));
        }

        return seeds;
    }
}
