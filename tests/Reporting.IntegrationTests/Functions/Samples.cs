using ClosedXML.Excel;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;

namespace Reporting.IntegrationTests.Functions;

/// <summary>Submissions for 2022-12 written into the blank templates, as a clerk would fill them in.</summary>
internal static class Samples
{
    public static readonly ReportingPeriod Period = new(2022, 12);

    /// <summary>The eleven departments' 2022-12 submissions bundled with the CLI (tools/Reporting.SampleData).</summary>
    public static IReadOnlyList<(string Department, string Path)> Bundled()
    {
        IReadOnlyList<(string Department, string Path)> files = SampleDataFolder.Files(Period);
        Assert.True(files.Count >= 11, $"the bundled samples are next to the binaries in {SampleDataFolder.For(Period)}");
        return files;
    }

    /// <summary>安源区's two projects, every required cell filled, nothing to warn about.</summary>
    public static readonly IReadOnlyList<Dictionary<string, object>> ProjectRows =
    [
        new() { ["项目名称"] = "安源区智能制造产业园", ["县区"] = "安源区", ["所属领域"] = "工业", ["年度计划投资（万元）"] = 12000, ["累计完成投资（万元）"] = 13000, ["是否开工"] = "是" },
        new() { ["项目名称"] = "安源区城市更新项目", ["县区"] = "安源区", ["所属领域"] = "重大基础设施", ["年度计划投资（万元）"] = 8000, ["累计完成投资（万元）"] = 7000, ["是否开工"] = "是" },
    ];

    /// <summary>安源区's projects for 2022-12: <see cref="ProjectRows"/> in the template.</summary>
    public static (string Name, byte[] Content) Projects(ReportingOptions options) =>
        ("安源区2022年12月重大项目调度表.xlsx", Fill(options, DatasetKind.Projects, ProjectRows));

    /// <summary>市商务局's signings: one 亿元以上 project.</summary>
    public static (string Name, byte[] Content) Signings(ReportingOptions options) =>
        ("2022年全市招商引资签约项目汇总表.xlsx", Fill(options, DatasetKind.Signings,
        [
            new() { ["项目名称"] = "锂电新材料项目", ["县区"] = "萍乡经开区", ["签约时间"] = new DateTime(2022, 11, 18), ["签约金额（万元）"] = 150000, ["产业链"] = "锂电", ["来源地"] = "长三角", ["是否5020项目"] = "是" },
        ]));

    /// <summary>A projects workbook whose one project has a negative 累计完成投资: an error, so a rejection.</summary>
    public static byte[] WithNegativeInvestment(ReportingOptions options) => Fill(options, DatasetKind.Projects,
    [
        new() { ["项目名称"] = "安源区测试项目", ["县区"] = "安源区", ["所属领域"] = "工业", ["年度计划投资（万元）"] = 1000, ["累计完成投资（万元）"] = -5, ["是否开工"] = "是" },
    ]);

    internal static byte[] Fill(ReportingOptions options, DatasetKind kind, IReadOnlyList<Dictionary<string, object>> rows) => Fill(options, kind, rows, Period);

    /// <param name="period">The period the template's period line states; null writes a template that states none.</param>
    internal static byte[] Fill(ReportingOptions options, DatasetKind kind, IReadOnlyList<Dictionary<string, object>> rows, ReportingPeriod? period)
    {
        using var template = new MemoryStream();
        TemplateWriter.Write(kind, options, template, period);
        template.Position = 0;
        using var workbook = new XLWorkbook(template);
        IXLWorksheet sheet = workbook.Worksheet(TemplateWriter.DataSheetName);
        IXLRow header = sheet.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() is "项目名称" or "指标名称"));
        Dictionary<string, int> columns = header.CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        for (int i = 0; i < rows.Count; i++)
        {
            sheet.Cell(header.RowNumber() + 1 + i, columns["序号"]).Value = i + 1;
            foreach ((string title, object value) in rows[i])
            {
                sheet.Cell(header.RowNumber() + 1 + i, columns[title]).Value = value;
            }
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
