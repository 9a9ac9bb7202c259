using System.Globalization;
using System.Text;
using Reporting.Core.Fonts;

namespace Reporting.Core.Briefings;

/// <summary>
/// Checks the office's own text (编者按, 下步工作) before it is saved, so the signed briefing prints every character and
/// stays short: a length limit per field, and each character the briefing's font lacks named with its position.
/// </summary>
public static class BriefingNotes
{
    /// <summary>编者按 is a short paragraph or two above the figures.</summary>
    public const int MaxEditorsNote = 400;

    /// <summary>下步工作 is a few points at the end.</summary>
    public const int MaxNextSteps = 1500;

    /// <summary>Every problem with the two texts, in Chinese; empty when both may be saved.</summary>
    public static IReadOnlyList<string> Validate(string? editorsNote, string? nextSteps)
    {
        var problems = new List<string>();
        Check("编者按", editorsNote, MaxEditorsNote, problems);
        Check("下步工作", nextSteps, MaxNextSteps, problems);
        return problems;
    }

    private static void Check(string field, string? text, int max, List<string> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        int length = text.EnumerateRunes().Count(r => !Rune.IsControl(r));
        if (length > max)
        {
            problems.Add($"{field}共{length}个字，超过{max}字的上限，请精简。");
        }

        int position = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r')
            {
                continue;
            }

            position++;
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse)
            {
                problems.Add($"{field}第{position}个字是不可见的控制字符（U+{rune.Value:X4}），请删除。");
            }
            else if (PrintableText.FirstUnprintable(rune.ToString()) is { } missing)
            {
                problems.Add($"{field}第{position}个字“{missing}”（U+{missing.Value:X4}）简报字体中没有，印出来会是“〓”，请改用通用写法。");
            }
        }
    }
}
