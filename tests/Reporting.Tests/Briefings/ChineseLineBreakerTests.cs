using Reporting.Core.Briefings.Text;

namespace Reporting.Tests.Briefings;

public sealed class ChineseLineBreakerTests
{
    // A CJK character or mark is one unit wide, anything else half a unit: the proportions of a real face.
    private static double Measure(string text) => text.EnumerateRunes().Sum(r => IsWide(r.Value) ? 1.0 : 0.5);

    private static bool IsWide(int codePoint) => codePoint >= 0x2E80 || codePoint is 0x201C or 0x201D or 0x2018 or 0x2019 or 0x2014 or 0x2026;

    private static IReadOnlyList<string> Break(string text, double width) => ChineseLineBreaker.Break(text, width, Measure);

    [Fact]
    public void Breaks_between_any_two_Chinese_characters()
    {
        Assert.Equal(["一二三四", "五六七八", "九"], Break("一二三四五六七八九", 4));
    }

    [Theory]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('、')]
    [InlineData('；')]
    [InlineData('：')]
    [InlineData('？')]
    [InlineData('！')]
    [InlineData('）')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('》')]
    [InlineData('”')]
    [InlineData('’')]
    [InlineData('…')]
    [InlineData('%')]
    public void A_closing_mark_that_does_not_fit_takes_the_previous_character_down_with_it(char mark)
    {
        // "一二三" fills the line exactly; the mark may not start the next one, so "三" moves down.
        IReadOnlyList<string> lines = Break("一二三" + mark + "四五", 3);

        Assert.Equal("一二", lines[0]);
        Assert.StartsWith("三" + mark, lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.False(ChineseLineBreaker.IsNoStart(line[0])));
    }

    [Theory]
    [InlineData('（')]
    [InlineData('「')]
    [InlineData('『')]
    [InlineData('《')]
    [InlineData('“')]
    [InlineData('‘')]
    public void An_opening_mark_never_ends_a_line_it_moves_down_with_what_it_opens(char mark)
    {
        IReadOnlyList<string> lines = Break("一二" + mark + "三四", 3);

        Assert.Equal(["一二", mark + "三四"], lines);
    }

    [Fact]
    public void A_run_of_closing_marks_stays_with_the_character_before_it()
    {
        IReadOnlyList<string> lines = Break("他说：“好。”然后", 4);

        Assert.Equal(["他说：", "“好。”", "然后"], lines);
    }

    [Theory]
    [InlineData("完成年计划投资的134.8%，快于序时", "134.8%，")]
    [InlineData("截至2022年底建成5G基站2295个", "2022")]
    [InlineData("截至2022年底建成5G基站2295个", "5G")]
    [InlineData("截至2022年底建成5G基站2295个", "2295")]
    [InlineData("制造业贷款余额147.18亿元，同比增长33.56%。", "33.56%。")]
    public void Numbers_and_Latin_words_are_never_split(string text, string token)
    {
        for (double width = 3; width <= 12; width += 0.5)
        {
            IReadOnlyList<string> lines = Break(text, width);
            Assert.Contains(lines, line => line.Contains(token, StringComparison.Ordinal));
            Assert.Equal(text, string.Concat(lines));
        }
    }

    [Theory]
    [InlineData("32亿元，推动", "32亿元，")]
    [InlineData("3.9个百分点。", "3.9个")]
    [InlineData("2022年底", "2022年")]
    [InlineData("930个项目", "930个")]
    public void A_number_goes_down_with_its_unit_when_that_leaves_the_line_nearly_full(string tail, string group)
    {
        // 27 characters, then the number: it fits, its unit does not; moving both leaves 2 of 29 empty.
        string text = new string('项', 27) + tail;

        IReadOnlyList<string> lines = Break(text, 29);

        Assert.Equal(new string('项', 27), lines[0]);
        Assert.StartsWith(group, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_parts_from_its_unit_rather_than_leave_a_loose_line()
    {
        // Moving "415.52亿元，" down would leave 5 of 25 units empty: the number stays, the unit goes down.
        string text = new string('项', 20) + "415.52亿元，累计";

        IReadOnlyList<string> lines = Break(text, 25);

        Assert.Equal(new string('项', 20) + "415.52", lines[0]);
        Assert.StartsWith("亿元，", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Latin_words_break_at_spaces_which_do_not_begin_or_end_a_line()
    {
        Assert.Equal(["GB/T 9704", "Noto Serif", "SC"], Break("GB/T 9704 Noto Serif SC", 5));
    }

    [Fact]
    public void On_a_measure_too_narrow_for_a_number_and_its_comma_the_comma_hangs_rather_than_start_a_line()
    {
        IReadOnlyList<string> lines = Break("投资的134.8%，快于", 3);

        Assert.Equal(["投资的", "134.8%，", "快于"], lines);
    }

    [Fact]
    public void A_token_wider_than_the_line_gets_a_line_of_its_own_and_is_the_only_overwide_line()
    {
        IReadOnlyList<string> lines = Break("项目代码2208-360300-04-01-123456已赋码", 6);

        Assert.Equal(["项目代码", "2208-360300-04-01-123456", "已赋码"], lines);
    }

    [Fact]
    public void The_first_line_may_be_narrower_for_the_paragraph_indent()
    {
        const string Text = "一二三四五六七八九十";
        IReadOnlyList<TextRange> ranges = ChineseLineBreaker.BreakRanges(Text, 3, 5, (start, length) => length);

        Assert.Equal(["一二三", "四五六七八", "九十"], ranges.Select(r => r.Of(Text)));
    }

    [Fact]
    public void A_forced_line_break_starts_a_new_line()
    {
        Assert.Equal(["年度计划", "（亿元）"], Break("年度计划\n（亿元）", 10));
    }

    [Fact]
    public void Squeezable_width_lets_one_more_unit_onto_the_line_instead_of_pushing_it_down()
    {
        const string Text = "一二，三四";

        // Without squeezing, "四" does not fit in 4.5 units; with half a unit squeezable in the comma, it does.
        IReadOnlyList<TextRange> plain = ChineseLineBreaker.BreakRanges(Text, 4.5, 4.5, (start, length) => length);
        IReadOnlyList<TextRange> squeezed = ChineseLineBreaker.BreakRanges(
            Text, 4.5, 4.5, (start, length) => length, (start, length) => Text.Substring(start, length).Count(c => c == '，') * 0.5);

        Assert.Equal(["一二，三", "四"], plain.Select(r => r.Of(Text)));
        Assert.Equal(["一二，三四"], squeezed.Select(r => r.Of(Text)));
    }

    [Fact]
    public void Surrogate_pairs_are_one_character()
    {
        IReadOnlyList<string> lines = Break("一𠃌二𠃌三𠃌", 2);

        Assert.Equal(["一𠃌", "二𠃌", "三𠃌"], lines);
    }

    [Fact]
    public void Random_prose_keeps_every_rule_and_loses_no_character()
    {
        string[] words = ["项目", "推进", "完成", "134.8%", "2022", "年", "5G", "基站", "萍乡", "经开区", "亿元"];
        string[] openers = ["（", "“", "《"];
        string[] closers = ["，", "。", "、", "；", "）", "”", "》", "：", "！"];
        var random = new Random(20230131);
        for (int sample = 0; sample < 500; sample++)
        {
            var text = new System.Text.StringBuilder();
            int count = random.Next(5, 40);
            for (int w = 0; w < count; w++)
            {
                if (random.Next(6) == 0)
                {
                    text.Append(openers[random.Next(openers.Length)]);
                }

                string word = words[random.Next(words.Length)];
                if (text.Length > 0 && char.IsAsciiLetterOrDigit(word[0]) && !IsWide(text[^1]))
                {
                    text.Append('个'); // two numbers never touch in prose; together they would be one token wider than the line
                }

                text.Append(word);
                if (random.Next(3) == 0)
                {
                    text.Append(closers[random.Next(closers.Length)]);
                }
            }

            string source = text.ToString();
            double width = 8 + random.Next(0, 20); // wider than the widest glued group the words can form
            IReadOnlyList<string> lines = Break(source, width);

            Assert.Equal(source, string.Concat(lines));
            foreach (string line in lines)
            {
                Assert.True(Measure(line) <= width + 1e-9, $"'{line}' is wider than {width} in '{source}'");
                Assert.False(ChineseLineBreaker.IsNoStart(line[0]), $"'{line}' starts with a closing mark in '{source}'");
                Assert.False(ChineseLineBreaker.IsNoEnd(line[^1]), $"'{line}' ends with an opening mark in '{source}'");
            }

            for (int i = 0; i + 1 < lines.Count; i++)
            {
                // Greedy: what begins the next line (with the marks glued to it) would not have fitted on this one.
                Assert.True(Measure(lines[i]) + Measure(FirstGluedUnit(lines[i + 1])) > width + 1e-9, $"'{lines[i]}' could have taken more of '{lines[i + 1]}'");
            }
        }
    }

    /// <summary>What a line must begin with as a whole: its first unit plus the marks glued to it and, after a number, the unit word.</summary>
    private static string FirstGluedUnit(string line)
    {
        IReadOnlyList<TextRange> atoms = ChineseLineBreaker.Atoms(line, new TextRange(0, line.Length));
        int end = line.StartsWith("亿元", StringComparison.Ordinal) ? 2 : 1;
        while (end < atoms.Count)
        {
            char previous = line[atoms[end].Start - 1];
            char next = line[atoms[end].Start];
            bool unit = char.IsAsciiDigit(previous) && IsWide(next) && !ChineseLineBreaker.IsNoStart(next);
            if (!unit && !ChineseLineBreaker.IsNoEnd(previous) && !ChineseLineBreaker.IsNoStart(next))
            {
                break;
            }

            end += unit && line.AsSpan(atoms[end].Start).StartsWith("亿元") ? 2 : 1;
        }

        return line[..atoms[Math.Min(end, atoms.Count) - 1].End];
    }
}
