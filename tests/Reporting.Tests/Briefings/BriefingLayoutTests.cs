using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Pdf.Layout;
using Reporting.Core.Fonts;

namespace Reporting.Tests.Briefings;

/// <summary>The pure layout pass, checked without a PDF: positions and sizes in points.</summary>
public sealed class BriefingLayoutTests
{
    private static readonly TextSetter s_setter = new(BriefingFonts.Shared);

    [Theory]
    [InlineData(159.2, 50, 200)]
    [InlineData(100, 20, 120)]
    [InlineData(45.2, 10, 50)]
    [InlineData(0, 25, 100)]
    public void Chart_axis_uses_round_steps_and_ends_past_the_largest_value(double maximum, double step, double axisMax)
    {
        (decimal s, decimal a) = ChartLayout.Ticks((decimal)maximum);

        Assert.Equal((decimal)step, s);
        Assert.Equal((decimal)axisMax, a);
        Assert.True(a >= (decimal)maximum);
        Assert.True(a / s <= 6);
    }

    [Fact]
    public void Table_columns_fill_the_measure_and_never_cut_a_short_entry()
    {
        Table table = PingxiangSample.Document().Sections.Single(s => s.Title == "需关注的问题").Blocks.OfType<Table>().First();

        double[] widths = TableLayout.ColumnWidths(s_setter, table);

        Assert.Equal(PageGeometry.TextWidth, widths.Sum(), 0.01);
        double countyColumn = widths[2];
        Assert.True(countyColumn >= s_setter.Width("安源区", FontFace.Regular, TypeScale.Table) + 8, "a county name fits on one line");
        Assert.True(widths[1] > widths[0] && widths[6] > widths[4], "the long text columns get the room");
    }

    [Fact]
    public void A_justified_line_ends_at_the_right_edge_and_the_last_line_does_not()
    {
        var text = StyledText.Plain("全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点；其中46个省重点项目完成年计划投资的138.7%。", FontFace.Regular);

        IReadOnlyList<SetLine> lines = s_setter.Set(text, 15, 300, TextAlign.Justify, firstIndent: 30);

        Assert.True(lines.Count >= 3);
        Assert.Equal(30, lines[0].Pieces[0].X, 3);
        LinePiece last = lines[0].Pieces[^1];
        Assert.Equal(300, last.X + s_setter.Width(last.Text, last.Face, 15), 0.01);
        LinePiece end = lines[^1].Pieces[^1];
        Assert.True(end.X + s_setter.Width(end.Text, end.Face, 15) < 300 - 1);
    }

    [Fact]
    public void Key_figures_are_set_in_bold_inside_a_regular_paragraph()
    {
        var text = StyledText.FromRuns([new TextRun("完成年计划投资的"), new TextRun("134.8%", RunStyle.Figure), new TextRun("。")]);

        IReadOnlyList<SetLine> lines = s_setter.Set(text, 15, 400, TextAlign.Left);

        Assert.Equal(
            [("完成年计划投资的", FontFace.Regular), ("134.8%", FontFace.Bold), ("。", FontFace.Regular)],
            lines.Single().Pieces.Select(p => (p.Text, p.Face)));
    }

    [Fact]
    public void Every_page_gets_a_footer_once_the_page_count_is_known_and_no_text_leaves_the_measure()
    {
        DocumentLayout layout = new BriefingLayoutEngine(BriefingFonts.Shared).Layout(PingxiangSample.Document());

        for (int i = 0; i < layout.Pages.Count; i++)
        {
            TextElement footer = layout.Pages[i].Elements.OfType<TextElement>().Single(t => t.Baseline > PageGeometry.Bottom);
            Assert.Equal(BriefingLayoutEngine.FooterText(i + 1, layout.Pages.Count), footer.Text);
        }

        Assert.Equal(7, layout.Bookmarks.Count);
        Assert.All(layout.Pages.SelectMany(p => p.Elements.OfType<TextElement>()), t =>
        {
            Assert.InRange(t.X, PageGeometry.Left - 0.01, PageGeometry.Right);
            // A closing mark squeezed at the end of a line keeps its ink inside; only its blank right half may pass the edge.
            double slack = "，。、；：）」』》”’！？".Contains(t.Text[^1]) ? t.Size / 2 : 0.01;
            Assert.InRange(t.X + s_setter.Width(t.Text, t.Face, t.Size), PageGeometry.Left, PageGeometry.Right + slack);
        });
    }
}
