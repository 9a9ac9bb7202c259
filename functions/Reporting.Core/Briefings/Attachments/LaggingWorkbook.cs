using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using Reporting.Core.Indicators;

namespace Reporting.Core.Briefings.Attachments;

/// <summary>
/// 滞后项目清单.xlsx: every lagging project of the period (the briefing names only the furthest behind), one
/// row each with county, field, plan, completion, the gap to 序时进度, the warning colour, the stated issue and
/// the responsible unit, under a frozen header with an AutoFilter so a leader can filter by county or colour.
/// Written with SpreadCheetah, which streams rows to the output: 100,000 projects never sit in memory as a
/// workbook. Amounts and percentages are written unrounded; the cells' number formats show one decimal
/// (percentages) or whole 万元, so Excel rounds for display as the briefing does and sums stay exact.
/// Column widths are set explicitly (there is no measuring of text: no font rendering needed on the server).
/// </summary>
public static class LaggingWorkbook
{
    public const string FileName = "滞后项目清单.xlsx";

    public const string SheetName = "滞后项目清单";

    /// <summary>The header row, in column order.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "序号", "项目名称", "县区", "领域", "年度计划投资（万元）", "累计完成投资（万元）", "完成率（%）", "与序时比较（百分点）", "预警", "存在问题", "责任单位",
    ];

    private static readonly double[] s_widths = [7, 44, 14, 13, 14, 14, 11, 13, 7, 44, 24];

    /// <summary>Writes the workbook to <paramref name="output"/> (left open).</summary>
    public static async Task WriteAsync(IReadOnlyList<LaggingProject> lagging, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lagging);
        ArgumentNullException.ThrowIfNull(output);
        var options = new SpreadCheetahOptions { DefaultFont = new DefaultFont { Name = "SimSun", Size = 11 } };
        await using Spreadsheet spreadsheet = await Spreadsheet.CreateNewAsync(output, options, cancellationToken).ConfigureAwait(false);
        var sheet = new WorksheetOptions
        {
            FrozenRows = 1,

            // The header and every data row: the filter drop-downs sit on the header.
            AutoFilter = new AutoFilterOptions("A1:" + ColumnName(Headers.Count) + (lagging.Count + 1).ToString(CultureInfo.InvariantCulture)),
        };
        for (int c = 0; c < s_widths.Length; c++)
        {
            sheet.Column(c + 1).Width = s_widths[c];
        }

        await spreadsheet.StartWorksheetAsync(SheetName, sheet, cancellationToken).ConfigureAwait(false);
        StyleId header = spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Fill = { Color = System.Drawing.Color.FromArgb(0xEC, 0xEC, 0xEC) },
            Alignment = { Horizontal = HorizontalAlignment.Center, Vertical = VerticalAlignment.Center, WrapText = true },
        });
        StyleId wan = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0") });
        StyleId oneDecimal = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
        StyleId red = spreadsheet.AddStyle(new Style { Font = { Color = System.Drawing.Color.FromArgb(0xC0, 0x00, 0x00), Bold = true } });
        await spreadsheet.AddHeaderRowAsync(Headers.ToArray(), header, cancellationToken).ConfigureAwait(false);

        var row = new Cell[Headers.Count];
        for (int i = 0; i < lagging.Count; i++)
        {
            LaggingProject p = lagging[i];
            bool isRed = p.Severity == LagSeverity.Red;
            row[0] = new Cell(i + 1);
            row[1] = new Cell(p.Name);
            row[2] = new Cell(p.County);
            row[3] = new Cell(p.Field);
            row[4] = new Cell(p.AnnualPlan, wan);
            row[5] = new Cell(p.Completed, wan);
            row[6] = new Cell(p.CompletionPct, oneDecimal);
            row[7] = new Cell(p.ScheduleGapPp, oneDecimal);
            row[8] = isRed ? new Cell("红色", red) : new Cell("黄色");
            row[9] = new Cell(p.Issues ?? string.Empty);
            row[10] = new Cell(string.IsNullOrWhiteSpace(p.ResponsibleUnit) ? p.Owner ?? string.Empty : p.ResponsibleUnit);
            await spreadsheet.AddRowAsync(row, cancellationToken).ConfigureAwait(false);
        }

        await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workbook as bytes.</summary>
    public static async Task<byte[]> ToBytesAsync(IReadOnlyList<LaggingProject> lagging, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(lagging, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    // 1 → A, 11 → K (the sheet has fewer than 27 columns).
    private static string ColumnName(int column) => ((char)('A' + column - 1)).ToString();
}
