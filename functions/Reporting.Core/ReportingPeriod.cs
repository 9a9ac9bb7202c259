using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Core;

/// <summary>
/// A monthly reporting period ("2022-12" = cumulative January to December 2022).
/// Departments report cumulative figures from the start of the year, so the month alone
/// fixes the 序时进度 (month / 12).
/// </summary>
[JsonConverter(typeof(ReportingPeriodJsonConverter))]
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    public ReportingPeriod(int year, int month)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 2000 and 2100.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be between 1 and 12.");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public ReportingPeriod Previous => Month == 1 ? new ReportingPeriod(Year - 1, 12) : new ReportingPeriod(Year, Month - 1);

    public ReportingPeriod Next => Month == 12 ? new ReportingPeriod(Year + 1, 1) : new ReportingPeriod(Year, Month + 1);

    /// <summary>The first calendar day after the period (the day its figures become final).</summary>
    public DateOnly EndExclusive => new DateOnly(Year, Month, 1).AddMonths(1);

    /// <summary>"2022年1-12月" in the office's register; "2022年1月" for January.</summary>
    public string ToChineseCumulative() => Month == 1 ? $"{Year}年1月" : $"{Year}年1-{Month}月";

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public int CompareTo(ReportingPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out ReportingPeriod period)
            ? period
            : throw new FormatException($"'{text}' is not a period of the form YYYY-MM.");

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string[] parts = text.Trim().Split('-');
        if (parts.Length != 2
            || parts[0].Length != 4
            || parts[1].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || year is < 2000 or > 2100
            || month is < 1 or > 12)
        {
            return false;
        }

        period = new ReportingPeriod(year, month);
        return true;
    }
}

internal sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingPeriod.TryParse(reader.GetString(), out ReportingPeriod period)
            ? period
            : throw new JsonException("Expected a period of the form YYYY-MM.");

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
