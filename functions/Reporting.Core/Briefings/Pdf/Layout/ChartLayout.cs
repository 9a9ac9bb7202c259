using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// A horizontal bar chart drawn as vectors: Chinese category labels on the left, a bar per
/// category with its value at the end, vertical grid lines at round ticks, the reference value
/// (序时进度) as a dashed red line with its label, the caption below. Bars behind the reference
/// are drawn in red, the others in blue. Kept on one page. A paired chart (本月 against 上月) draws last
/// month's bar, lighter and thinner, under each bar, and a legend under the axis.
/// </summary>
internal static class ChartLayout
{
    private const double BarPitch = 22;
    private const double BarHeight = 13;
    private const double TopBand = 22; // room for the reference label
    private const double AxisBand = 20; // tick labels
    private const double CaptionHeight = TypeScale.TableCaption * 1.8;
    private const double LabelGap = 8;
    private const double ValueRoom = 46;
    private const double PairedPitch = 26;
    private const double PreviousHeight = 7;
    private const double LegendBand = 18;
    private const double SmallLabel = 8.5;

    public static double Height(BarChart chart) =>
        TopBand + (chart.Bars.Count * Pitch(chart)) + AxisBand + (chart.Paired ? LegendBand : 0) + CaptionHeight;

    private static double Pitch(BarChart chart) => chart.Paired ? PairedPitch : BarPitch;

    public static void Place(Flow flow, BarChart chart)
    {
        PageCursor cursor = flow.Cursor;
        TextSetter setter = flow.Setter;
        cursor.Space(8);
        cursor.EnsureSpace(Height(chart));
        double top = cursor.Y;
        double size = TypeScale.ChartLabel;

        double labelWidth = chart.Bars.Select(b => setter.Width(b.Category, FontFace.Regular, size)).DefaultIfEmpty(0).Max();
        double plotLeft = PageGeometry.Left + labelWidth + LabelGap;
        double plotRight = PageGeometry.Right - ValueRoom;
        double plotTop = top + TopBand;
        double pitch = Pitch(chart);
        double plotBottom = plotTop + (chart.Bars.Count * pitch);

        decimal maximum = chart.Bars.Select(b => Math.Max(b.Value ?? 0m, b.PreviousValue ?? 0m)).Append(chart.ReferenceValue ?? 0m).Max();
        (decimal step, decimal axisMax) = Ticks(maximum);
        double Scale(decimal value) => plotLeft + ((double)(Math.Clamp(value, 0m, axisMax) / axisMax) * (plotRight - plotLeft));

        // Grid and tick labels.
        for (decimal tick = 0; tick <= axisMax; tick += step)
        {
            double x = Scale(tick);
            cursor.Add(new LineElement(x, plotTop, x, plotBottom, tick == 0 ? 0.75 : 0.4, tick == 0 ? Rgb.DarkGray : Rgb.RuleGray));
            flow.Label(Display.Plain(tick, 0) + "%", FontFace.Regular, 9, Rgb.DarkGray, x - 30, plotBottom + 2, 14, TextAlign.Center, 60);
        }

        // Bars with their values.
        for (int i = 0; i < chart.Bars.Count; i++)
        {
            ChartBar bar = chart.Bars[i];
            double rowTop = plotTop + (i * pitch);
            double barTop = chart.Paired ? rowTop + 3 : rowTop + ((BarPitch - BarHeight) / 2);
            flow.Label(bar.Category, FontFace.Regular, size, Rgb.Black, PageGeometry.Left, rowTop, pitch, TextAlign.Right, labelWidth);
            if (chart.Paired)
            {
                PlacePrevious(flow, bar, plotLeft, barTop + BarHeight + 1, Scale);
            }

            double end = plotLeft;
            if (bar.Value is { } value)
            {
                end = Scale(value);
                bool behind = chart.ReferenceValue is { } reference && value < reference;
                cursor.Add(new RectElement(plotLeft, barTop, Math.Max(end - plotLeft, 0.5), BarHeight, behind ? Rgb.BehindBar : Rgb.AheadBar));
            }

            // A white ground keeps the value legible where it crosses a grid line.
            double valueWidth = setter.Width(bar.ValueLabel, FontFace.Regular, size);
            cursor.Add(new RectElement(end + 2, barTop, valueWidth + 4, BarHeight, Rgb.White));
            flow.Label(bar.ValueLabel, FontFace.Regular, size, Rgb.Black, end + 4, barTop - ((BarPitch - BarHeight) / 2), BarPitch);
        }

        // The reference line on top of the bars, labelled above the plot.
        if (chart.ReferenceValue is { } referenceValue)
        {
            double x = Scale(referenceValue);
            cursor.Add(new LineElement(x, plotTop - 4, x, plotBottom, 1.25, Rgb.OfficialRed, Dashed: true));
            if (chart.ReferenceLabel is { } label)
            {
                double width = setter.Width(label, FontFace.Bold, size);
                double left = Math.Clamp(x - (width / 2), PageGeometry.Left, PageGeometry.Right - width);
                flow.Label(label, FontFace.Bold, size, Rgb.OfficialRed, left, top, TopBand - 4);
            }
        }

        cursor.Y = plotBottom + AxisBand;
        if (chart.Paired)
        {
            PlaceLegend(flow, chart, cursor.Y);
            cursor.Y += LegendBand;
        }

        flow.Label(chart.Caption, FontFace.Bold, TypeScale.TableCaption, Rgb.Black, PageGeometry.Left, cursor.Y, CaptionHeight, TextAlign.Center, PageGeometry.TextWidth);
        cursor.Y += CaptionHeight + 8;
    }

    // Last month's bar: grey, thinner, its value small at its end; nothing when last month has no figure.
    private static void PlacePrevious(Flow flow, ChartBar bar, double plotLeft, double top, Func<decimal, double> scale)
    {
        if (bar.PreviousValue is not { } previous)
        {
            return;
        }

        double end = scale(previous);
        flow.Cursor.Add(new RectElement(plotLeft, top, Math.Max(end - plotLeft, 0.5), PreviousHeight, Rgb.PreviousBar));
        if (bar.PreviousLabel is { } label)
        {
            double width = flow.Setter.Width(label, FontFace.Regular, SmallLabel);
            flow.Cursor.Add(new RectElement(end + 2, top - 1, width + 4, PreviousHeight + 2, Rgb.White));
            flow.Label(label, FontFace.Regular, SmallLabel, Rgb.DarkGray, end + 4, top - 3, PreviousHeight + 6);
        }
    }

    // "■ 本月  ■ 上月" centred under the tick labels.
    private static void PlaceLegend(Flow flow, BarChart chart, double top)
    {
        const double Swatch = 9;
        const double Gap = 4;
        const double Between = 18;
        double size = TypeScale.ChartLabel - 1;
        (string Text, Rgb Color)[] items = [(chart.CurrentLegend ?? "本月", Rgb.AheadBar), (chart.PreviousLegend!, Rgb.PreviousBar)];
        double total = items.Sum(i => Swatch + Gap + flow.Setter.Width(i.Text, FontFace.Regular, size)) + Between;
        double x = PageGeometry.Left + ((PageGeometry.TextWidth - total) / 2);
        foreach ((string text, Rgb color) in items)
        {
            flow.Cursor.Add(new RectElement(x, top + ((LegendBand - Swatch) / 2), Swatch, Swatch, color));
            x += Swatch + Gap;
            flow.Label(text, FontFace.Regular, size, Rgb.DarkGray, x, top, LegendBand);
            x += flow.Setter.Width(text, FontFace.Regular, size) + Between;
        }
    }

    /// <summary>A round step (1, 2, 2.5 or 5 × 10ⁿ) giving at most six intervals, and the axis end it reaches.</summary>
    internal static (decimal Step, decimal AxisMax) Ticks(decimal maximum)
    {
        if (maximum <= 0)
        {
            return (25m, 100m);
        }

        decimal magnitude = 1m;
        while (magnitude * 10 <= maximum)
        {
            magnitude *= 10;
        }

        while (magnitude > maximum)
        {
            magnitude /= 10;
        }

        foreach (decimal factor in new[] { 0.1m, 0.2m, 0.25m, 0.5m, 1m, 2m, 2.5m, 5m, 10m })
        {
            decimal step = factor * magnitude;
            decimal axisMax = Math.Ceiling(maximum * 1.05m / step) * step;
            if (axisMax / step <= 6)
            {
                return (step, axisMax);
            }
        }

        return (10 * magnitude, Math.Ceiling(maximum / (10 * magnitude)) * 10 * magnitude);
    }
}
