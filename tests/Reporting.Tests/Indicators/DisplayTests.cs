using Reporting.Core.Numbers;

namespace Reporting.Tests.Indicators;

public sealed class DisplayTests
{
    [Theory]
    [InlineData("134.75", "134.8%")]
    [InlineData("134.85", "134.9%")]
    [InlineData("-0.05", "-0.1%")]
    [InlineData("-0.04", "0.0%")]
    [InlineData("100", "100.0%")]
    public void Percent_rounds_half_away_from_zero_to_one_decimal(string value, string expected) =>
        Assert.Equal(expected, Display.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Missing_values_print_as_a_dash() =>
        Assert.Equal(["—", "—", "—", "—"], new[] { Display.Percent(null), Display.YiYuan(null), Display.PointsMagnitude(null), Display.SignedPoints(null) });

    [Theory]
    [InlineData("1471800", "147.18亿元")]
    [InlineData("320000", "32亿元")]
    [InlineData("1471850", "147.19亿元")]
    [InlineData("1471000", "147.1亿元")]
    public void Amounts_in_wan_show_as_yi_in_prose(string wan, string expected) =>
        Assert.Equal(expected, Display.YiYuan(decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("33.56", "33.56%")]
    [InlineData("307", "307%")]
    [InlineData("24.70", "24.7%")]
    [InlineData("33.5600", "33.56%")]
    public void Reported_rates_keep_their_own_precision(string value, string expected) =>
        Assert.Equal(expected, Display.ReportedPercent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("3.95", "4.0个百分点", "提高")]
    [InlineData("-3.94", "3.9个百分点", "下降")]
    [InlineData("0.04", "0.0个百分点", null)]
    public void Points_are_a_magnitude_with_a_separate_direction_word(string value, string magnitude, string? direction)
    {
        decimal points = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(magnitude, Display.PointsMagnitude(points));
        Assert.Equal(direction, Display.RiseOrFall(points));
    }

    [Theory]
    [InlineData("34.8", "+34.8")]
    [InlineData("-12", "−12.0")]
    [InlineData("-0.04", "0.0")]
    public void Signed_points_for_tables(string value, string expected) =>
        Assert.Equal(expected, Display.SignedPoints(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
