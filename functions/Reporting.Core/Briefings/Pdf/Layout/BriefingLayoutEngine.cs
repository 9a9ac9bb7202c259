using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// First pass of rendering: places every element of the briefing on pages without touching a
/// PDF, so the page count is known before the footers ("第 X 页 / 共 Y 页") are written and tests can
/// check positions directly.
/// </summary>
internal sealed class BriefingLayoutEngine(BriefingFonts fonts)
{
    private const double BodyIndent = 2 * TypeScale.Body; // 首行缩进两字

    public DocumentLayout Layout(BriefingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        fonts.EnsureCovered(document.Texts());
        var cursor = new PageCursor();
        var flow = new Flow(cursor, new TextSetter(fonts));
        var bookmarks = new List<Bookmark>();

        MastheadLayout.Place(flow, document);
        foreach (Section section in document.Sections)
        {
            bookmarks.Add(PlaceHeading(flow, section));
            foreach (Block block in section.Blocks)
            {
                PlaceBlock(flow, block);
            }
        }

        if (document.SourceNote is not null)
        {
            cursor.Space(10);
            var note = StyledText.Plain(document.SourceNote, FontFace.Regular);
            cursor.EnsureSpace(flow.Height(note, TypeScale.Note, 1.6, PageGeometry.TextWidth, 2 * TypeScale.Note)); // a few lines: kept whole
            flow.Paragraph(note, TypeScale.Note, 1.6, TextAlign.Justify, Rgb.DarkGray, 2 * TypeScale.Note);
        }

        if (document.Distribution.Count > 0)
        {
            ColophonLayout.Place(flow, document, document.IssueDateLabel + "印发");
        }

        AddFooters(flow);
        return new DocumentLayout(cursor.Pages, bookmarks);
    }

    /// <summary>"第 X 页 / 共 Y 页" centred under the text block of every page.</summary>
    public static string FooterText(int page, int pages) => "第 " + Display.Plain(page) + " 页 / 共 " + Display.Plain(pages) + " 页";

    private static Bookmark PlaceHeading(Flow flow, Section section)
    {
        PageCursor cursor = flow.Cursor;
        double height = TypeScale.SectionHeading * TypeScale.BodyLeading;
        cursor.Space(8);

        // Keep the heading with the start of what follows it.
        cursor.EnsureSpace(height + StartHeight(section.Blocks.Count > 0 ? section.Blocks[0] : null));
        var bookmark = new Bookmark(section.Heading, cursor.PageIndex, cursor.Y);
        flow.Paragraph(StyledText.Plain(section.Heading, FontFace.Bold), TypeScale.SectionHeading, TypeScale.BodyLeading, TextAlign.Left, Rgb.Black, BodyIndent, BodyIndent);
        return bookmark;
    }

    private static double StartHeight(Block? block)
    {
        double bodyLine = TypeScale.Body * TypeScale.BodyLeading;
        return block switch
        {
            null => 0,
            KeyFigures figures => KeyFiguresLayout.Height(figures),
            BarChart chart => ChartLayout.Height(chart),
            LineChart chart => LineChartLayout.Height(chart),
            Table => 90, // caption, header and a first row
            Subheading => 2 * bodyLine + 90,
            _ => 2 * bodyLine,
        };
    }

    private static void PlaceBlock(Flow flow, Block block)
    {
        switch (block)
        {
            case Paragraph paragraph:
                flow.Paragraph(StyledText.FromRuns(paragraph.Runs), TypeScale.Body, TypeScale.BodyLeading, TextAlign.Justify, Rgb.Black, BodyIndent);
                break;
            case Subheading subheading:
                flow.Cursor.Space(4);
                flow.Cursor.EnsureSpace(StartHeight(subheading));
                flow.Paragraph(StyledText.Plain(subheading.Text, FontFace.Bold), TypeScale.Subheading, TypeScale.BodyLeading, TextAlign.Left, Rgb.Black, BodyIndent, BodyIndent);
                break;
            case KeyFigures figures:
                KeyFiguresLayout.Place(flow, figures);
                break;
            case Table table:
                TableLayout.Place(flow, table);
                break;
            case BarChart chart:
                ChartLayout.Place(flow, chart);
                break;
            case LineChart chart:
                LineChartLayout.Place(flow, chart);
                break;
            case BulletList list:
                foreach (IReadOnlyList<TextRun> item in list.Items)
                {
                    var runs = new List<TextRun> { new("● ") };
                    runs.AddRange(item);
                    double bullet = flow.Setter.Width("● ", FontFace.Regular, TypeScale.Body);
                    flow.Paragraph(StyledText.FromRuns(runs), TypeScale.Body, TypeScale.BodyLeading, TextAlign.Justify, Rgb.Black, BodyIndent, BodyIndent + bullet);
                }

                break;
            default:
                throw new NotSupportedException($"No layout for block type {block.GetType().Name}.");
        }
    }

    private static void AddFooters(Flow flow)
    {
        IReadOnlyList<PageLayout> pages = flow.Cursor.Pages;
        double lineHeight = TypeScale.Footer * 1.4;
        double baseline = flow.Setter.BaselineOffset(TypeScale.Footer, lineHeight);
        for (int i = 0; i < pages.Count; i++)
        {
            string text = FooterText(i + 1, pages.Count);
            double width = flow.Setter.Width(text, FontFace.Regular, TypeScale.Footer);
            pages[i].Elements.Add(new TextElement(
                PageGeometry.Left + ((PageGeometry.TextWidth - width) / 2), PageGeometry.FooterTop + baseline, text, FontFace.Regular, TypeScale.Footer, Rgb.Black));
        }
    }
}
