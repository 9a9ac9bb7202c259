using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// A line chart drawn as vectors in the style of the bar charts: horizontal grid lines at round ticks with
/// their labels on the left, categories (months) along the bottom, the data line in blue with a marker and
/// its value at each point, a reference line (序时进度) dashed in red, a legend and the caption below. Kept on
/// one page.
/// </summary>
internal static class LineChartLayout
{
    private const double PlotHeight = 105;
    private const double TopBand = 16; // room for the value label of the highest point
    private const double AxisBand = 20; // category labels
    private const double LegendBand = 18;
    private const double CaptionHeight = TypeScale.TableCaption * 1.8;
    private const double TickRoom = 34; // "150%" on the left
    private const double Marker = 4;
    private const double ValueSize = 8.5;

    public static double Height(LineChart chart) => TopBand + PlotHeight + AxisBand + LegendBand + CaptionHeight;

    public static void Place(Flow flow, LineChart chart)
    {
        PageCursor cursor = flow.Cursor;
        cursor.Space(8);
        cursor.EnsureSpace(Height(chart));
        double plotTop = cursor.Y + TopBand;
        double plotBottom = plotTop + PlotHeight;
        double plotLeft = PageGeometry.Left + TickRoom;
        double plotRight = PageGeometry.Right - 8;
        int count = Math.Max(chart.Categories.Count, 1);
        double step = (plotRight - plotLeft) / count;
        double X(int i) => plotLeft + (step * (i + 0.5));

        decimal maximum = chart.Series.SelectMany(s => s.Values).Select(v => v ?? 0m).DefaultIfEmpty(0m).Max();
        (decimal tickStep, decimal axisMax) = ChartLayout.Ticks(maximum);
        double Y(decimal value) => plotBottom - ((double)(Math.Clamp(value, 0m, axisMax) / axisMax) * PlotHeight);

        for (decimal tick = 0; tick <= axisMax; tick += tickStep)
        {
            double y = Y(tick);
            cursor.Add(new LineElement(plotLeft, y, plotRight, y, tick == 0 ? 0.75 : 0.4, tick == 0 ? Rgb.DarkGray : Rgb.RuleGray));
            flow.Label(Display.Plain(tick, 0) + "%", FontFace.Regular, 9, Rgb.DarkGray, PageGeometry.Left, y - 7, 14, TextAlign.Right, TickRoom - 4);
        }

        for (int i = 0; i < chart.Categories.Count; i++)
        {
            flow.Label(chart.Categories[i], FontFace.Regular, 9, Rgb.DarkGray, X(i) - (step / 2), plotBottom + 2, 14, TextAlign.Center, step);
        }

        // The reference first, so the data line and its labels lie on top of it.
        foreach (LineSeries series in chart.Series.OrderBy(s => s.Style == LineStyle.Data ? 1 : 0))
        {
            bool data = series.Style == LineStyle.Data;
            Rgb color = data ? Rgb.TrendLine : Rgb.OfficialRed;
            (double X, double Y)? last = null;
            for (int i = 0; i < series.Values.Count && i < chart.Categories.Count; i++)
            {
                if (series.Values[i] is not { } value)
                {
                    last = null; // a month without data leaves a gap rather than a line through nothing
                    continue;
                }

                (double X, double Y) point = (X(i), Y(value));
                if (last is { } from)
                {
                    cursor.Add(new LineElement(from.X, from.Y, point.X, point.Y, data ? 1.5 : 1.25, color, Dashed: !data));
                }

                last = point;
            }

            if (!data)
            {
                continue;
            }

            for (int i = 0; i < series.Values.Count && i < chart.Categories.Count; i++)
            {
                if (series.Values[i] is not { } value)
                {
                    continue;
                }

                double x = X(i);
                double y = Y(value);
                cursor.Add(new RectElement(x - (Marker / 2), y - (Marker / 2), Marker, Marker, color));
                if (i < series.ValueLabels.Count && series.ValueLabels[i].Length > 0)
                {
                    string label = series.ValueLabels[i];
                    double width = flow.Setter.Width(label, FontFace.Regular, ValueSize);
                    flow.Label(label, FontFace.Regular, ValueSize, Rgb.Black, x - (width / 2), y - 15, 12);
                }
            }
        }

        cursor.Y = plotBottom + AxisBand;
        PlaceLegend(flow, chart, cursor.Y);
        cursor.Y += LegendBand;
        flow.Label(chart.Caption, FontFace.Bold, TypeScale.TableCaption, Rgb.Black, PageGeometry.Left, cursor.Y, CaptionHeight, TextAlign.Center, PageGeometry.TextWidth);
        cursor.Y += CaptionHeight + 8;
    }

    // A short line in each series' style, then its legend, centred.
    private static void PlaceLegend(Flow flow, LineChart chart, double top)
    {
        const double Sample = 22;
        const double Gap = 4;
        const double Between = 18;
        double size = TypeScale.ChartLabel - 1;
        double total = chart.Series.Sum(s => Sample + Gap + flow.Setter.Width(s.Legend, FontFace.Regular, size)) + (Between * Math.Max(chart.Series.Count - 1, 0));
        double x = PageGeometry.Left + ((PageGeometry.TextWidth - total) / 2);
        double middle = top + (LegendBand / 2);
        foreach (LineSeries series in chart.Series)
        {
            bool data = series.Style == LineStyle.Data;
            flow.Cursor.Add(new LineElement(x, middle, x + Sample, middle, data ? 1.5 : 1.25, data ? Rgb.TrendLine : Rgb.OfficialRed, Dashed: !data));
            x += Sample + Gap;
            flow.Label(series.Legend, FontFace.Regular, size, Rgb.DarkGray, x, top, LegendBand);
            x += flow.Setter.Width(series.Legend, FontFace.Regular, size) + Between;
        }
    }
}
