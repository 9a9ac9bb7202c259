using Reporting.Core.Briefings.Model;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>
/// 报头 on the first page: an optional marking (内部资料), the title large and red, the issue line
/// (2022年第12期), the office on the left and the date on the right, a red rule; then the headline.
/// </summary>
internal static class MastheadLayout
{
    private const double RuleThickness = 2.25;

    public static void Place(Flow flow, BriefingDocument document)
    {
        if (document.AppendixLabel is not null)
        {
            PlaceCompact(flow, document);
            return;
        }

        PageCursor cursor = flow.Cursor;
        double lineHeight = TypeScale.IssueLine * 1.5;
        if (document.Marking is not null)
        {
            flow.Label(document.Marking, FontFace.Bold, TypeScale.IssueLine, Rgb.Black, PageGeometry.Left, cursor.Y - lineHeight, lineHeight);
        }

        cursor.Y += 12;
        Title(flow, document.Title);
        if (document.CadenceLabel is not null)
        {
            flow.Label("（" + document.CadenceLabel + "）", FontFace.Regular, TypeScale.IssueLine, Rgb.OfficialRed, PageGeometry.Left, cursor.Y, lineHeight, TextAlign.Center, PageGeometry.TextWidth);
            cursor.Y += lineHeight;
        }

        cursor.Y += 6;
        flow.Label(document.IssueLabel, FontFace.Regular, TypeScale.IssueLine, Rgb.Black, PageGeometry.Left, cursor.Y, lineHeight, TextAlign.Center, PageGeometry.TextWidth);
        cursor.Y += lineHeight + 8;

        // Office and date sit one character in from the edges, as on a 红头文件.
        double inset = TypeScale.IssueLine;
        flow.Label(document.Office, FontFace.Regular, TypeScale.IssueLine, Rgb.Black, PageGeometry.Left + inset, cursor.Y, lineHeight);
        flow.Label(document.IssueDateLabel, FontFace.Regular, TypeScale.IssueLine, Rgb.Black, PageGeometry.Left, cursor.Y, lineHeight, TextAlign.Right, PageGeometry.TextWidth - inset);
        cursor.Y += lineHeight + 6;
        cursor.Add(new LineElement(PageGeometry.Left, cursor.Y, PageGeometry.Right, cursor.Y, RuleThickness, Rgb.OfficialRed));
        cursor.Y += RuleThickness + 24;

        flow.Paragraph(StyledText.Plain(document.Headline, FontFace.Bold), TypeScale.Headline, 1.45, TextAlign.Center, Rgb.Black);
        cursor.Y += 12;
        if (document.CorrectionNote is not null)
        {
            flow.Paragraph(StyledText.Plain(document.CorrectionNote, FontFace.Bold), TypeScale.Body, TypeScale.BodyLeading, TextAlign.Center, Rgb.OfficialRed);
            cursor.Y += 6;
        }

        EditorsNote(flow, document.EditorsNote);
    }

    /// <summary>
    /// 编者按: the office's words before the figures, set a character in from both sides with the label in bold at
    /// the start of the first paragraph, as printed briefings carry it.
    /// </summary>
    private static void EditorsNote(Flow flow, IReadOnlyList<string> paragraphs)
    {
        if (paragraphs.Count == 0)
        {
            return;
        }

        double inset = TypeScale.Body;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            List<Model.TextRun> runs = i == 0 ? [new("编者按：", Model.RunStyle.Figure), new(paragraphs[i])] : [new(paragraphs[i])];
            flow.Paragraph(
                StyledText.FromRuns(runs), TypeScale.Body, TypeScale.BodyLeading, TextAlign.Justify, Rgb.Black, 2 * TypeScale.Body, 0, PageGeometry.Left + inset, PageGeometry.TextWidth - (2 * inset));
        }

        flow.Cursor.Y += 10;
    }

    /// <summary>
    /// An appendix's heading: one red line naming the issue it belongs to ("重大项目推进情况简报 2022年第12期 · 本县区附页"),
    /// the office and date, a red rule, then the headline. A third of the full 报头's height, so the appendix keeps its page.
    /// </summary>
    private static void PlaceCompact(Flow flow, BriefingDocument document)
    {
        PageCursor cursor = flow.Cursor;
        double lineHeight = TypeScale.IssueLine * 1.5;
        string title = document.Title + "　" + document.IssueLabel + "　" + document.AppendixLabel;
        flow.Label(title, FontFace.Bold, TypeScale.IssueLine + 2, Rgb.OfficialRed, PageGeometry.Left, cursor.Y, lineHeight + 4, TextAlign.Center, PageGeometry.TextWidth);
        cursor.Y += lineHeight + 8;
        double inset = TypeScale.IssueLine;
        flow.Label(document.Office, FontFace.Regular, TypeScale.Note, Rgb.Black, PageGeometry.Left + inset, cursor.Y, lineHeight);
        flow.Label(document.IssueDateLabel, FontFace.Regular, TypeScale.Note, Rgb.Black, PageGeometry.Left, cursor.Y, lineHeight, TextAlign.Right, PageGeometry.TextWidth - inset);
        cursor.Y += lineHeight + 4;
        cursor.Add(new LineElement(PageGeometry.Left, cursor.Y, PageGeometry.Right, cursor.Y, RuleThickness, Rgb.OfficialRed));
        cursor.Y += RuleThickness + 16;
        flow.Paragraph(StyledText.Plain(document.Headline, FontFace.Bold), TypeScale.Headline - 2, 1.45, TextAlign.Center, Rgb.Black);
        cursor.Y += 8;
    }

    /// <summary>The red title: as large as fits, letter-spaced when short so it still spans most of the measure.</summary>
    private static void Title(Flow flow, string title)
    {
        PageCursor cursor = flow.Cursor;
        double size = TypeScale.MastheadTitle;
        double natural = flow.Setter.Width(title, FontFace.Bold, size);
        if (natural > PageGeometry.TextWidth)
        {
            size *= PageGeometry.TextWidth / natural;
            natural = PageGeometry.TextWidth;
        }

        var characters = title.EnumerateRunes().Select(r => r.ToString()).ToList();
        double target = PageGeometry.TextWidth * 0.8;
        double tracking = characters.Count > 1 && natural < target
            ? Math.Min(size * 0.6, (target - natural) / (characters.Count - 1))
            : 0;
        double total = natural + (tracking * (characters.Count - 1));
        double x = PageGeometry.Left + ((PageGeometry.TextWidth - total) / 2);
        double lineHeight = size * 1.3;
        double baseline = cursor.Y + flow.Setter.BaselineOffset(size, lineHeight);
        if (tracking == 0)
        {
            cursor.Add(new TextElement(x, baseline, title, FontFace.Bold, size, Rgb.OfficialRed));
        }
        else
        {
            foreach (string character in characters)
            {
                cursor.Add(new TextElement(x, baseline, character, FontFace.Bold, size, Rgb.OfficialRed));
                x += flow.Setter.Width(character, FontFace.Bold, size) + tracking;
            }
        }

        cursor.Y += lineHeight;
    }
}
