using Reporting.Core.Delivery;

namespace Reporting.Tests.Delivery;

public sealed class MailTextTests
{
    [Theory]
    [InlineData("安源区\r\nBcc: attacker@evil.example", "安源区 Bcc: attacker@evil.example")]
    [InlineData("  市商务局\t\t招商科 ", "市商务局 招商科")]
    [InlineData("萍乡\u202Eexe.xslx", "萍乡exe.xslx")]
    [InlineData("a\u0000b\u0007c", "a b c")]
    [InlineData(null, "")]
    public void Header_text_loses_line_breaks_controls_and_bidi_overrides(string? input, string expected)
    {
        Assert.Equal(expected, MailText.HeaderSafe(input));
    }

    [Fact]
    public void Header_text_is_capped_without_splitting_a_surrogate_pair()
    {
        string text = new string('长', 9) + "🙂🙂";

        string safe = MailText.HeaderSafe(text, 10);

        Assert.Equal(new string('长', 9) + "…", safe);
    }

    [Theory]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("2022年12月\r\n调度表.xlsx", "2022年12月 调度表.xlsx")]
    [InlineData("a:b*c?\"d<e>f|g.xls", "a_b_c__d_e_f_g.xls")]
    [InlineData("...", "upload.xlsx")]
    [InlineData("", "upload.xlsx")]
    public void File_names_lose_path_and_reserved_characters(string input, string expected)
    {
        Assert.Equal(expected, MailText.FileNameSafe(input, "upload.xlsx"));
    }
}
