using System.Globalization;

namespace Reporting.Core.Numbers;

/// <summary>
/// The one place numbers become text. Rounding happens here and only here, half away from
/// zero (四舍五入), never banker's rounding. Missing values print as "—", never NaN or 0.
/// </summary>
public static class Display
{
    public const string Missing = "—";

    private const decimal WanPerYi = 10_000m;

    /// <summary>四舍五入 to <paramref name="decimals"/> places.</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>A computed percentage, one decimal: 134.8%.</summary>
    public static string Percent(decimal? percent) => percent is null ? Missing : Number(percent.Value, 1) + "%";

    /// <summary>A percentage as a department reported it (e.g. 33.56% or 307%): its own precision, at most two decimals, no trailing zeros.</summary>
    public static string ReportedPercent(decimal? percent) => percent is null ? Missing : Number(percent.Value, 2, trimZeros: true) + "%";

    /// <summary>The magnitude of a percentage-point difference, one decimal: "3.9个百分点". The caller chooses 提高/下降, 快于/慢于.</summary>
    public static string PointsMagnitude(decimal? points) => points is null ? Missing : Number(Math.Abs(points.Value), 1) + "个百分点";

    /// <summary>A signed percentage-point difference for tables: "+34.8", "−12.0", "0.0".</summary>
    public static string SignedPoints(decimal? points)
    {
        if (points is null)
        {
            return Missing;
        }

        decimal rounded = Round(points.Value, 1);
        string magnitude = Number(Math.Abs(rounded), 1);
        return rounded switch
        {
            > 0 => "+" + magnitude,
            < 0 => "−" + magnitude,
            _ => magnitude,
        };
    }

    /// <summary>An amount held in 万元, shown in 亿元 in prose: "147.18亿元", "32亿元" (two decimals, trailing zeros dropped).</summary>
    public static string YiYuan(decimal? wan) => wan is null ? Missing : Number(wan.Value / WanPerYi, 2, trimZeros: true) + "亿元";

    /// <summary>An amount held in 万元, as a 亿元 table cell with two fixed decimals: "12.30".</summary>
    public static string YiCell(decimal? wan) => wan is null ? Missing : Number(wan.Value / WanPerYi, 2);

    /// <summary>An amount in 万元 in prose: "8,600万元" is not the office's style; "8600万元", "8600.5万元".</summary>
    public static string WanYuan(decimal? wan) => wan is null ? Missing : Number(wan.Value, 2, trimZeros: true) + "万元";

    /// <summary>A plain number with at most <paramref name="decimals"/> decimals, trailing zeros dropped: "2295", "12.5".</summary>
    public static string Plain(decimal? value, int decimals = 2) => value is null ? Missing : Number(value.Value, decimals, trimZeros: true);

    /// <summary>A growth rate: a department's reported rate keeps its own precision (307%, 33.56%); a computed one shows one decimal (23.3%).</summary>
    public static string Growth(decimal? percent, bool reported) => reported ? ReportedPercent(percent) : Percent(percent);

    /// <summary>A metric's value with its unit: amounts (held in 万元) in 亿元 ("147.18亿元"); counts as they are ("2295个").</summary>
    public static string MetricValue(decimal? value, string? unit)
    {
        if (value is null)
        {
            return Missing;
        }

        return unit?.Trim() switch
        {
            "万元" => YiYuan(value),
            null or "" => Plain(value),
            string other => Plain(value) + other,
        };
    }

    /// <summary>A count or a rank: "380"; "—" when there is none.</summary>
    public static string Count(int? value) => value is null ? Missing : value.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A move in a ranking for tables: "上升2位", "下降1位", "持平"; "—" when either month has no rank. Positive is up.</summary>
    public static string RankChange(int? placesUp) => placesUp switch
    {
        null => Missing,
        > 0 => "上升" + Count(placesUp) + "位",
        < 0 => "下降" + Count(-placesUp) + "位",
        _ => "持平",
    };

    /// <summary>A move in a ranking for a narrow table column: "↑2", "↓1", "持平"; "—" when either month has no rank.</summary>
    public static string RankMove(int? placesUp) => placesUp switch
    {
        null => Missing,
        > 0 => "↑" + Count(placesUp),
        < 0 => "↓" + Count(-placesUp),
        _ => "持平",
    };

    /// <summary>A change of a count for tables: "+3", "−2", "0"; "—" without a previous month.</summary>
    public static string SignedCount(int? change) => change switch
    {
        null => Missing,
        > 0 => "+" + Count(change),
        < 0 => "−" + Count(-change),
        _ => "0",
    };

    /// <summary>"快于" for ahead of schedule (or level), "慢于" for behind; null when the rounded difference is zero (持平).</summary>
    public static string? AheadOrBehind(decimal points) => Round(points, 1) switch
    {
        > 0 => "快于",
        < 0 => "慢于",
        _ => null,
    };

    /// <summary>"提高" or "下降" for a change in share; null when the rounded change is zero.</summary>
    public static string? RiseOrFall(decimal points) => Round(points, 1) switch
    {
        > 0 => "提高",
        < 0 => "下降",
        _ => null,
    };

    /// <summary>"增长" or "下降" for a growth rate as it will be displayed at <paramref name="decimals"/> places; null when it shows as zero.</summary>
    public static string? GrowthOrDecline(decimal percent, int decimals = 1) => Round(percent, decimals) switch
    {
        > 0 => "增长",
        < 0 => "下降",
        _ => null,
    };

    /// <summary>Rounds half away from zero and formats with invariant digits, no grouping.</summary>
    public static string Number(decimal value, int decimals, bool trimZeros = false)
    {
        decimal rounded = Round(value, decimals);
        if (rounded == 0)
        {
            rounded = 0; // no "-0.0"
        }

        string text = rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (trimZeros && text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }
}
