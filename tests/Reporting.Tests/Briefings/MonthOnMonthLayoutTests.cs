using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Reporting.Tests.Briefings;

/// <summary>The trend chart and the paired county chart, read back with PdfPig: where things are, not which bytes.</summary>
public sealed class MonthOnMonthLayoutTests
{
    private static readonly Lazy<byte[]> s_pdf = new(() => PdfReadBack.Render(TwoMonths.Compose(TwoMonths.NovemberToDecember())));

    [Fact]
    public void The_trend_chart_puts_the_months_in_order_along_one_baseline_inside_the_text_block()
    {
        using PdfDocument pdf = PdfDocument.Open(s_pdf.Value);
        Page page = pdf.GetPages().First(p => PdfReadBack.Compact(p).Contains("图1", StringComparison.Ordinal));

        IReadOnlyList<IReadOnlyList<Letter>> lines = PdfReadBack.Lines(page);
        IReadOnlyList<Letter> months = lines.Single(l => PdfReadBack.LineText(l).StartsWith("1月2月3月", StringComparison.Ordinal));
        Assert.Equal("1月2月3月4月5月6月7月8月9月10月11月12月", PdfReadBack.LineText(months));
        Assert.True(months.Zip(months.Skip(1)).All(pair => pair.First.StartBaseLine.X < pair.Second.StartBaseLine.X));
        Assert.All(months, m => Assert.True(PdfReadBack.IsInsideTextBlock(m.BoundingBox)));

        // November's and December's values sit in the plot above the month axis, December's (108.3%) higher than
        // November's (88.3%); the same figures also appear in the prose and the tables, so look only over the axis.
        double axis = months[0].StartBaseLine.Y;
        Letter[] november = FindAll(page, "88.3%").First(l => l[0].StartBaseLine.Y > axis && l[0].StartBaseLine.Y < axis + 150);
        Letter[] december = FindAll(page, "108.3%").First(l => l[0].StartBaseLine.Y > axis && l[0].StartBaseLine.Y < axis + 150);
        Assert.True(december[0].StartBaseLine.Y > november[0].StartBaseLine.Y);
        Assert.True(november[0].StartBaseLine.Y > months[0].StartBaseLine.Y);
        Assert.True(december[0].StartBaseLine.X > november[0].StartBaseLine.X);
    }

    [Fact]
    public void Each_county_bar_has_last_month_s_value_just_under_this_month_s()
    {
        using PdfDocument pdf = PdfDocument.Open(s_pdf.Value);
        Page page = pdf.GetPages().First(p => PdfReadBack.Compact(p).Contains("图2", StringComparison.Ordinal));

        Letter[] previous = FindAll(page, "85.0%").Single();
        Letter[] current = FindAll(page, "112.4%").MinBy(l => Math.Abs(l[0].StartBaseLine.Y - previous[0].StartBaseLine.Y))!;

        Assert.InRange(current[0].StartBaseLine.Y - previous[0].StartBaseLine.Y, 3, 16);
        Assert.True(previous[0].PointSize < current[0].PointSize, "last month's value is the quieter one");
        string text = PdfReadBack.Compact(page);
        Assert.Contains("12月11月", text); // the legend
    }

    // The letters of every occurrence of text, in the order the page draws its letters.
    private static List<Letter[]> FindAll(Page page, string text)
    {
        Letter[] letters = [.. page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))];
        var found = new List<Letter[]>();
        for (int i = 0; i + text.Length <= letters.Length; i++)
        {
            if (string.Concat(letters.Skip(i).Take(text.Length).Select(l => l.Value)) == text)
            {
                found.Add(letters[i..(i + text.Length)]);
            }
        }

        Assert.True(found.Count > 0, $"'{text}' not found on the page: {PdfReadBack.Compact(page)}");
        return found;
    }
}
