using System.Text.RegularExpressions;
using Reporting.Core.Briefings;
using Reporting.Core.Briefings.Model;
using Reporting.Core.Briefings.Text;
using Reporting.Core.Fonts;
using Reporting.Core.Indicators;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Reporting.Tests.Briefings;

public sealed partial class PdfBriefingRendererTests
{
    private static readonly Lazy<byte[]> s_sample = new(() => PdfReadBack.Render(PingxiangSample.Document()));

    [Fact]
    public void Every_section_title_reads_back_in_order()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        string text = PdfReadBack.AllText(pdf);

        string[] headings = ["一、总体情况", "二、分县区推进情况", "三、分领域推进情况", "四、招商引资", "五、产业运行", "六、需关注的问题", "七、报送情况"];
        int[] positions = headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Masthead_carries_title_issue_office_and_date_with_the_headline_sentence_on_page_one()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        string first = PdfReadBack.Compact(pdf.GetPage(1));

        Assert.Contains("重大项目推进情况简报", first);
        Assert.Contains("2022年第12期", first);
        Assert.Contains("萍乡市重大项目推进办公室", first);
        Assert.Contains("2023年1月6日", first);
        Assert.Contains(
            "全市七大领域380项重大项目完成年计划投资的134.8%，快于序时进度34.8个百分点；其中46个省重点项目完成年计划投资的138.7%，201个省大中型项目完成年计划投资的148.4%。",
            first);
    }

    [Fact]
    public void Masthead_title_is_red_centred_and_above_the_issue_line_and_the_office_and_date_share_a_line()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        IReadOnlyList<IReadOnlyList<Letter>> lines = PdfReadBack.Lines(pdf.GetPage(1));
        IReadOnlyList<Letter> title = lines.Single(l => PdfReadBack.LineText(l) == "重大项目推进情况简报");
        IReadOnlyList<Letter> issue = lines.Single(l => PdfReadBack.LineText(l) == "2022年第12期");
        IReadOnlyList<Letter> officeAndDate = lines.Single(l => PdfReadBack.LineText(l).StartsWith("萍乡市重大项目推进办公室", StringComparison.Ordinal));

        Assert.All(title, letter => Assert.Equal((0.902, 0.0, 0.071), Rgb(letter)));
        Assert.True(title[0].StartBaseLine.Y > issue[0].StartBaseLine.Y);
        Assert.True(issue[0].StartBaseLine.Y > officeAndDate[0].StartBaseLine.Y);
        double titleCentre = (title[0].BoundingBox.Left + title[^1].BoundingBox.Right) / 2;
        Assert.InRange(titleCentre, ((PdfReadBack.TextLeft + PdfReadBack.TextRight) / 2) - 3, ((PdfReadBack.TextLeft + PdfReadBack.TextRight) / 2) + 3);
        Assert.EndsWith("2023年1月6日", PdfReadBack.LineText(officeAndDate));
        Assert.True(officeAndDate[^1].BoundingBox.Right > PdfReadBack.TextRight - 30, "the date is set flush right");
    }

    [Fact]
    public void County_table_lists_all_seven_units_with_their_figures()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        Page page = pdf.GetPages().First(p => PdfReadBack.Compact(p).Contains("表1分县区重大项目推进情况", StringComparison.Ordinal));
        IReadOnlyList<string> lines = PdfReadBack.Lines(page).Select(PdfReadBack.LineText).ToList();

        foreach (string county in PingxiangSample.Counties)
        {
            Assert.Contains(lines, l => l.StartsWith(county, StringComparison.Ordinal));
        }

        Assert.Contains("湘东区5898.00142.10145.0%+45.01", lines);
        Assert.Contains("全市380685.00923.38134.8%+34.8—", lines);
    }

    [Fact]
    public void Lagging_list_names_every_red_and_yellow_project_with_its_issue()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        string text = PdfReadBack.AllText(pdf);

        Assert.Contains("红色预警项目（2个）", text);
        Assert.Contains("黄色预警项目（3个）", text);
        foreach (LaggingProject project in PingxiangSample.Lagging())
        {
            Assert.Contains(project.Name, text);
            Assert.Contains(project.Issues!, text);
        }

        Assert.True(text.IndexOf("萍乡北站综合交通枢纽工程", StringComparison.Ordinal) < text.IndexOf("上栗县电子信息产业园二期", StringComparison.Ordinal), "red before yellow");
    }

    [Fact]
    public void Every_page_has_the_footer_with_its_number_and_the_page_count()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        Assert.True(pdf.NumberOfPages >= 2);

        foreach (Page page in pdf.GetPages())
        {
            IReadOnlyList<Letter> footer = PdfReadBack.Lines(page)[^1];
            Assert.Equal($"第{page.Number}页/共{pdf.NumberOfPages}页", PdfReadBack.LineText(footer));
            Assert.True(footer[0].StartBaseLine.Y < PdfReadBack.TextBottom, "the footer sits below the text block");
            Assert.Contains($"第 {page.Number} 页 / 共 {pdf.NumberOfPages} 页", page.Text);
        }
    }

    [Fact]
    public void Fonts_are_embedded_as_TrueType_CID_subsets_and_none_is_Type3()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        IReadOnlyList<DictionaryToken> fonts = PdfReadBack.Fonts(pdf);

        Assert.NotEmpty(fonts);
        foreach (DictionaryToken font in fonts)
        {
            Assert.NotEqual("Type3", PdfReadBack.Name(font, "Subtype"));
            Assert.Equal("Type0", PdfReadBack.Name(font, "Subtype"));
            Assert.Matches(SubsetName(), PdfReadBack.Name(font, "BaseFont"));
            Assert.True(font.Data.ContainsKey("ToUnicode"), "text must be extractable");
            ArrayToken descendants = PdfReadBack.Resolve<ArrayToken>(pdf, font.Data["DescendantFonts"]);
            DictionaryToken cidFont = PdfReadBack.Resolve<DictionaryToken>(pdf, descendants.Data[0]);
            Assert.Equal("CIDFontType2", PdfReadBack.Name(cidFont, "Subtype"));
            DictionaryToken descriptor = PdfReadBack.Resolve<DictionaryToken>(pdf, cidFont.Data["FontDescriptor"]);
            Assert.True(descriptor.Data.ContainsKey("FontFile2"), "the TrueType program is embedded");
        }

        Assert.Equal(2, fonts.Select(f => PdfReadBack.Name(f, "BaseFont")).Distinct().Count());
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Matches(SubsetName(), l.FontName));
    }

    [Fact]
    public void Document_information_and_an_outline_entry_per_section_are_set()
    {
        BriefingDocument document = PingxiangSample.Document();
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);

        Assert.Equal("重大项目推进情况简报 2022年第12期", pdf.Information.Title);
        Assert.Equal("萍乡市重大项目推进办公室", pdf.Information.Author);
        Assert.Equal("萍乡市2022年1-12月重大项目推进情况", pdf.Information.Subject);
        Assert.True(pdf.TryGetBookmarks(out Bookmarks? bookmarks));
        Assert.Equal(document.Sections.Select(s => s.Heading), bookmarks!.Roots.Select(b => b.Title));
        foreach (DocumentBookmarkNode node in bookmarks.Roots.OfType<DocumentBookmarkNode>())
        {
            Assert.Contains(node.Title, PdfReadBack.Compact(pdf.GetPage(node.PageNumber)));
        }
    }

    [Fact]
    public void No_line_starts_with_a_closing_mark_or_ends_with_an_opening_mark()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        int checkedLines = 0;
        foreach (Page page in pdf.GetPages())
        {
            foreach (IReadOnlyList<Letter> line in PdfReadBack.Lines(page))
            {
                string text = PdfReadBack.LineText(line);
                Assert.False(ChineseLineBreaker.IsNoStart(text[0]), $"line starts with a closing mark: {text}");
                Assert.False(ChineseLineBreaker.IsNoEnd(text[^1]), $"line ends with an opening mark: {text}");
                checkedLines++;
            }
        }

        Assert.True(checkedLines > 100);
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_text_block_sideways()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        foreach (Page page in pdf.GetPages())
        {
            Assert.All(
                page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)),
                l => Assert.True(PdfReadBack.IsInsideTextBlock(l.BoundingBox), $"'{l.Value}' on page {page.Number} at x {l.BoundingBox.Left:F1}–{l.BoundingBox.Right:F1}"));
        }
    }

    [Fact]
    public void Paragraphs_are_indented_two_characters_on_their_first_line_and_justified_to_both_edges()
    {
        using PdfDocument pdf = PdfDocument.Open(s_sample.Value);
        IReadOnlyList<IReadOnlyList<Letter>> lines = PdfReadBack.Lines(pdf.GetPage(1));
        int first = lines.ToList().FindIndex(l => PdfReadBack.LineText(l).StartsWith("2022年1-12月，全市七大领域", StringComparison.Ordinal));
        IReadOnlyList<Letter> opening = lines[first];
        IReadOnlyList<Letter> next = lines[first + 1];

        double bodySize = opening[^1].PointSize;
        Assert.Equal(PdfReadBack.TextLeft + (2 * bodySize), opening[0].StartBaseLine.X, 0.5);
        Assert.Equal(PdfReadBack.TextLeft, next[0].StartBaseLine.X, 0.5);
        Assert.Equal(PdfReadBack.TextRight, opening[^1].EndBaseLine.X, 1.5);
        Assert.Equal(PdfReadBack.TextRight, next[^1].EndBaseLine.X, 1.5);
    }

    [Fact]
    public void A_bullet_list_sets_each_item_after_a_bullet_with_wrapped_lines_hanging()
    {
        BriefingDocument full = PingxiangSample.Document();
        var list = new BulletList(
        [
            [new TextRun("湘东区：完成率"), new TextRun("145.0%", RunStyle.Figure), new TextRun("，居全市第一，工业陶瓷新材料产业园等一批项目提前竣工投产。")],
            [new TextRun("莲花县：完成率"), new TextRun("118.0%", RunStyle.Figure), new TextRun("。")],
        ]);
        BriefingDocument document = full with { Sections = [new Section("一", "县区动态", [list])], Distribution = [] };

        using PdfDocument pdf = PdfDocument.Open(PdfReadBack.Render(document));
        IReadOnlyList<IReadOnlyList<Letter>> lines = PdfReadBack.Lines(pdf.GetPage(1));
        int first = lines.ToList().FindIndex(l => PdfReadBack.LineText(l).StartsWith("●湘东区", StringComparison.Ordinal));

        Assert.True(first >= 0);
        Assert.StartsWith("●莲花县：完成率118.0%。", PdfReadBack.LineText(lines[first + 2]));
        double textStart = lines[first][1].StartBaseLine.X;
        Assert.Equal(textStart, lines[first + 1][0].StartBaseLine.X, 0.5); // the wrapped line hangs under the text, not the bullet
    }

    [Fact]
    public void Concurrent_renders_each_produce_the_complete_briefing()
    {
        BriefingDocument document = PingxiangSample.Document();

        byte[][] outputs = Enumerable.Range(0, 4).AsParallel().Select(_ => PdfReadBack.Render(document)).ToArray();

        using PdfDocument reference = PdfDocument.Open(s_sample.Value);
        string expected = PdfReadBack.AllText(reference);
        foreach (byte[] output in outputs)
        {
            using PdfDocument pdf = PdfDocument.Open(output);
            Assert.Equal(expected, PdfReadBack.AllText(pdf));
        }
    }

    [Fact]
    public void A_long_lagging_list_runs_over_pages_and_repeats_its_header_at_the_top_of_each()
    {
        // An office that names every lagging project (LaggingListLimit 0): the tables themselves must cope.
        BriefingDocument document = PingxiangSample.Document(PingxiangSample.Report(lagging: PingxiangSample.ManyLagging(300)), laggingListLimit: 0);
        using PdfDocument pdf = PdfDocument.Open(PdfReadBack.Render(document));

        // The red list (100 rows) and the yellow list (200 rows) each need several pages.
        var continuation = pdf.GetPages()
            .Where(p => p.Text.Contains("第1", StringComparison.Ordinal) && p.Text.Contains("号重点建设项目", StringComparison.Ordinal))
            .Where(p => !PdfReadBack.Compact(p).Contains("预警项目清单", StringComparison.Ordinal))
            .ToList();
        Assert.True(continuation.Count >= 4, $"expected the lists to continue over at least four pages, got {continuation.Count}");
        foreach (Page page in continuation)
        {
            IReadOnlyList<IReadOnlyList<Letter>> lines = PdfReadBack.Lines(page);
            // The header row: its one-line cells centred, "与序时比较（百分点）" on two lines; nothing above it.
            IReadOnlyList<Letter> header = lines.First(l => PdfReadBack.LineText(l).StartsWith("序号项目名称县区责任单位完成率", StringComparison.Ordinal));
            Assert.InRange(header[0].StartBaseLine.Y, PdfReadBack.TextTop - 30, PdfReadBack.TextTop);
            Assert.Equal("与序时比较", PdfReadBack.LineText(lines[0]));
            Assert.InRange(lines[0][0].StartBaseLine.Y, header[0].StartBaseLine.Y, PdfReadBack.TextTop);
        }

        string text = PdfReadBack.AllText(pdf);
        for (int i = 1; i <= 300; i++)
        {
            Assert.Contains($"第{i}号重点建设项目", text);
        }
    }

    [Fact]
    public void A_two_page_briefing_stays_well_under_one_megabyte_and_so_does_the_full_one()
    {
        BriefingDocument full = PingxiangSample.Document();
        BriefingDocument twoPages = full with { Sections = full.Sections.Take(2).ToArray(), Distribution = [] };
        byte[] small = PdfReadBack.Render(twoPages);
        using (PdfDocument pdf = PdfDocument.Open(small))
        {
            Assert.Equal(2, pdf.NumberOfPages);
        }

        Assert.True(small.Length < 1_000_000, $"2-page briefing is {small.Length} bytes");
        Assert.True(s_sample.Value.Length < 1_000_000, $"full briefing is {s_sample.Value.Length} bytes");
    }

    [Fact]
    public void A_character_missing_from_the_font_in_our_own_text_fails_the_render_naming_it_before_anything_is_written()
    {
        // Text the office configures or we compose must never lose a character. (A department's cell prints
        // 〓 instead: Hostile/HostilePipelineTests.Characters_the_font_lacks_print_as_the_missing_type_mark…)
        BriefingDocument document = PingxiangSample.Document() with { Headline = "𠀋家坊安置房项目" };
        using var output = new MemoryStream();

        MissingGlyphException error = Assert.Throws<MissingGlyphException>(() => new PdfBriefingRenderer().Render(document, output));

        Assert.Equal(0x2000B, error.CodePoint);
        Assert.Equal("𠀋", error.Character);
        Assert.Contains("“𠀋”(U+2000B)", error.Message);
        Assert.Contains("Noto Serif SC", error.Message);
        Assert.Contains("𠀋家坊安置房项目", error.Message);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_that_the_font_has_is_set_as_one_full_width_character()
    {
        // U+200CC is in Noto Serif SC (a surrogate pair in .NET strings); U+2000B is not.
        BriefingDocument document = PingxiangSample.Document() with { Headline = "萍乡市𠃌字测试" };

        using PdfDocument pdf = PdfDocument.Open(PdfReadBack.Render(document));

        // PDFsharp 6.2.4 writes a 16-bit ToUnicode entry for such a glyph, so it does not copy out
        // as itself; what matters here is that one glyph of full width is drawn between its neighbours.
        IReadOnlyList<Letter> headline = PdfReadBack.Lines(pdf.GetPage(1)).Single(l => PdfReadBack.LineText(l).StartsWith("萍乡市", StringComparison.Ordinal) && PdfReadBack.LineText(l).EndsWith("字测试", StringComparison.Ordinal));
        Assert.Equal(7, headline.Count);
        Assert.Equal(headline[2].Width, headline[3].Width, 0.01);
    }

    private static (double R, double G, double B) Rgb(Letter letter)
    {
        (double r, double g, double b) = letter.Color.ToRGBValues();
        return (Math.Round(r, 3), Math.Round(g, 3), Math.Round(b, 3));
    }

    [GeneratedRegex("^[A-Z]{6}\\+")]
    private static partial Regex SubsetName();
}
