using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Tests.Ingestion;

/// <summary>The yes/no, identity and tidy helpers that every row goes through (reworked for speed; behaviour pinned here).</summary>
public sealed class TextParsingTests
{
    [Theory]
    [InlineData("是", true)]
    [InlineData("√", true)]
    [InlineData("✔", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("ｙｅｓ", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("1", true)]
    [InlineData(" 已开工。", true)]
    [InlineData("已竣工投产", true)]
    [InlineData("否", false)]
    [InlineData("×", false)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    [InlineData("n", false)]
    [InlineData("x", false)]
    [InlineData("0", false)]
    [InlineData("未开工", false)]
    public void Reads_yes_and_no_in_any_case_and_width(string text, bool expected)
    {
        ParsedBool parsed = ValueParser.BooleanText(text);

        Assert.Equal(ParseStatus.Ok, parsed.Status);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("  。", "Empty")]
    [InlineData("—", "Placeholder")]
    [InlineData("/", "Placeholder")]
    [InlineData("是的吧", "Invalid")]
    [InlineData("yesno", "Invalid")]
    [InlineData("2", "Invalid")]
    public void Tells_empty_placeholder_and_unreadable_answers_apart(string text, string expected) =>
        Assert.Equal(expected, ValueParser.BooleanText(text).Status.ToString());

    [Theory]
    [InlineData("萍乡北站综合交通枢纽工程", "萍乡北站综合交通枢纽工程")]
    [InlineData("ｐｖ光伏 项目（二期）", "pv光伏项目二期")]
    [InlineData("abc-123 锂电", "abc123锂电")]
    [InlineData("Café 项目", "café项目")]
    public void Identity_name_drops_marks_and_folds_the_case_of_letters(string name, string expected) =>
        Assert.Equal(expected, ProjectIdentity.NormalizeName(name));

    [Theory]
    [InlineData("安源区", "安源区")]
    [InlineData("  安源区 \n", "安源区")]
    [InlineData("主体工程\n完成", "主体工程完成")]
    [InlineData("Phase  1\t二期", "Phase 1二期")]
    public void Tidy_keeps_clean_text_and_collapses_spaces(string text, string expected) =>
        Assert.Equal(expected, ChineseText.Tidy(text));

    [Fact]
    public void Tidy_returns_clean_text_without_copying()
    {
        string text = "萍乡经开区锂电池正极材料项目";

        Assert.Same(text, ChineseText.Tidy(text));
    }

    [Theory]
    [InlineData('a', 'A')]
    [InlineData('z', 'Z')]
    [InlineData('é', 'É')]
    [InlineData('项', '项')]
    [InlineData('㐀', '㐀')]
    [InlineData('1', '1')]
    public void Upper_cases_letters_and_leaves_chinese_alone(char c, char expected) =>
        Assert.Equal(expected, ChineseText.ToUpperInvariant(c));
}
