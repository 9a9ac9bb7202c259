using System.Globalization;
using System.Net;
using System.Text;
using Reporting.Core.Briefings.Model;

namespace Reporting.Benchmarks.Briefings;

/// <summary>
/// The same briefing content as a print-ready HTML page (A4, the same Noto Serif SC files), only
/// for timing headless Chromium's print-to-PDF against our renderer. Not a product renderer.
/// </summary>
internal static class BriefingHtml
{
    public static string Write(BriefingDocument document)
    {
        string fonts = new Uri(Path.Combine(AppContext.BaseDirectory, "fonts")).AbsoluteUri;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Encode(document.Title)).Append("</title><style>")
            .Append("@font-face{font-family:'Noto Serif SC';src:url('").Append(fonts).Append("/NotoSerifSC-Regular.ttf');font-weight:400}")
            .Append("@font-face{font-family:'Noto Serif SC';src:url('").Append(fonts).Append("/NotoSerifSC-Bold.ttf');font-weight:700}")
            .Append("@page{size:A4;margin:37mm 26mm 35mm 28mm}")
            .Append("body{font-family:'Noto Serif SC';font-size:16pt;line-height:1.75}")
            .Append(".masthead{color:#c00;text-align:center;font-size:36pt;font-weight:700;margin:0}")
            .Append(".issue{display:flex;justify-content:space-between;border-bottom:2px solid #c00;font-size:14pt}")
            .Append("h1{text-align:center;font-size:20pt}h2{font-size:16pt;margin:.6em 0 .2em}h3{font-size:16pt;font-weight:400;margin:.4em 0}")
            .Append("p{text-indent:2em;margin:0;text-align:justify}b{font-weight:700}")
            .Append("table{width:100%;border-collapse:collapse;font-size:10.5pt;line-height:1.4;margin:.4em 0}")
            .Append("caption{font-weight:700}th,td{border:.5pt solid #000;padding:2pt 3pt}thead{display:table-header-group}tr{break-inside:avoid}")
            .Append(".r{text-align:right}.c{text-align:center}.figures{display:flex;gap:8pt}.figures div{flex:1;border:.5pt solid #999;text-align:center}")
            .Append(".note{font-size:10.5pt;color:#555}.colophon{border-top:1px solid #000;border-bottom:1px solid #000;font-size:14pt;margin-top:1em}")
            .Append("</style></head><body>");
        if (document.Marking is not null)
        {
            html.Append("<div>").Append(Encode(document.Marking)).Append("</div>");
        }

        html.Append("<p class=\"masthead\">").Append(Encode(document.Title)).Append("</p>");
        if (document.CadenceLabel is not null)
        {
            html.Append("<div class=\"c\">（").Append(Encode(document.CadenceLabel)).Append("）</div>");
        }

        html.Append("<div class=\"c\">").Append(Encode(document.IssueLabel)).Append("</div>")
            .Append("<div class=\"issue\"><span>").Append(Encode(document.Office)).Append("</span><span>").Append(Encode(document.IssueDateLabel)).Append("</span></div>")
            .Append("<h1>").Append(Encode(document.Headline)).Append("</h1>");
        foreach (Section section in document.Sections)
        {
            html.Append("<h2>").Append(Encode(section.Heading)).Append("</h2>");
            foreach (Block block in section.Blocks)
            {
                WriteBlock(html, block);
            }
        }

        if (document.SourceNote is not null)
        {
            html.Append("<p class=\"note\">").Append(Encode(document.SourceNote)).Append("</p>");
        }

        if (document.Distribution.Count > 0)
        {
            html.Append("<div class=\"colophon\">");
            foreach (DistributionLine line in document.Distribution)
            {
                html.Append("<div>").Append(Encode(line.Label)).Append('：').Append(Encode(line.Recipients)).Append("</div>");
            }

            html.Append("<div class=\"r\">").Append(Encode(document.IssueDateLabel)).Append("印发</div></div>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static void WriteBlock(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Paragraph paragraph:
                html.Append("<p>");
                Runs(html, paragraph.Runs);
                html.Append("</p>");
                break;
            case Subheading subheading:
                html.Append("<h3>").Append(Encode(subheading.Text)).Append("</h3>");
                break;
            case KeyFigures figures:
                html.Append("<div class=\"figures\">");
                foreach (KeyFigure figure in figures.Items)
                {
                    html.Append("<div>").Append(Encode(figure.Label)).Append("<br><b>").Append(Encode(figure.Value)).Append("</b>");
                    if (figure.Note is not null)
                    {
                        html.Append("<br>").Append(Encode(figure.Note));
                    }

                    html.Append("</div>");
                }

                html.Append("</div>");
                break;
            case BulletList list:
                html.Append("<ul>");
                foreach (IReadOnlyList<TextRun> item in list.Items)
                {
                    html.Append("<li>");
                    Runs(html, item);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case Table table:
                WriteTable(html, table);
                break;
            case BarChart chart:
                WriteChart(html, chart);
                break;
            default:
                foreach (string text in block.Texts())
                {
                    html.Append("<p>").Append(Encode(text)).Append("</p>");
                }

                break;
        }
    }

    private static void WriteTable(StringBuilder html, Table table)
    {
        html.Append("<table>");
        if (table.Caption is not null)
        {
            html.Append("<caption>").Append(Encode(table.Caption)).Append("</caption>");
        }

        html.Append("<thead><tr>");
        foreach (TableColumn column in table.Columns)
        {
            html.Append("<th>").Append(Encode(column.Header).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (TableRow row in table.Rows)
        {
            html.Append(row.Kind == TableRowKind.Total ? "<tr style=\"font-weight:700\">" : "<tr>");
            for (int i = 0; i < row.Cells.Count; i++)
            {
                ColumnAlignment alignment = i < table.Columns.Count ? table.Columns[i].Alignment : ColumnAlignment.Left;
                html.Append(alignment switch { ColumnAlignment.Right => "<td class=\"r\">", ColumnAlignment.Center => "<td class=\"c\">", _ => "<td>" })
                    .Append(Encode(row.Cells[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (table.Note is not null)
        {
            html.Append("<p class=\"note\">").Append(Encode(table.Note)).Append("</p>");
        }
    }

    // Horizontal bars in inline SVG, the reference line dashed: the same shapes the PDF draws.
    private static void WriteChart(StringBuilder html, BarChart chart)
    {
        const int RowHeight = 22;
        const int LabelWidth = 130;
        const int PlotWidth = 380;
        decimal max = Math.Max(chart.ReferenceValue ?? 0m, chart.Bars.Select(b => b.Value ?? 0m).DefaultIfEmpty(0m).Max());
        max = max <= 0m ? 100m : max * 1.15m;
        int height = chart.Bars.Count * RowHeight + 10;
        html.Append(CultureInfo.InvariantCulture, $"<figure><figcaption class=\"c\">{Encode(chart.Caption)}</figcaption><svg width=\"{LabelWidth + PlotWidth + 60}\" height=\"{height}\" style=\"font-size:10pt\">");
        for (int i = 0; i < chart.Bars.Count; i++)
        {
            ChartBar bar = chart.Bars[i];
            double width = (double)((bar.Value ?? 0m) / max) * PlotWidth;
            int y = i * RowHeight + 4;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 4}\" y=\"{y + 14}\" text-anchor=\"end\">{Encode(bar.Category)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 2}\" width=\"{width:F1}\" height=\"{RowHeight - 8}\" fill=\"#b22\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 4:F1}\" y=\"{y + 14}\">{Encode(bar.ValueLabel)}</text>");
        }

        if (chart.ReferenceValue is decimal reference)
        {
            double x = LabelWidth + (double)(reference / max) * PlotWidth;
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"0\" x2=\"{x:F1}\" y2=\"{height}\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>");
            if (chart.ReferenceLabel is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:F1}\" y=\"10\">{Encode(chart.ReferenceLabel)}</text>");
            }
        }

        html.Append("</svg></figure>");
    }

    private static void Runs(StringBuilder html, IReadOnlyList<TextRun> runs)
    {
        foreach (TextRun run in runs)
        {
            html.Append(run.Style == RunStyle.Figure ? "<b>" + Encode(run.Text) + "</b>" : Encode(run.Text));
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
