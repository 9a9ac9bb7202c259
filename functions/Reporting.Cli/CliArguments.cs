using Reporting.Core;

namespace Reporting.Cli;

/// <summary>Argument checks shared by the commands, with the same Chinese messages everywhere.</summary>
public static class CliArguments
{
    /// <summary>Parses a required --period; on failure writes the reason to <paramref name="error"/>.</summary>
    public static bool TryParsePeriod(string? text, TextWriter error, out ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (ReportingPeriod.TryParse(text, out period))
        {
            return true;
        }

        error.WriteLine(text is null
            ? "请用 --period 指定报告期，格式 YYYY-MM，例如 --period 2022-12。"
            : $"报告期“{text}”无效：格式应为 YYYY-MM（年份 2000–2100，月份 1–12），例如 2022-12。");
        return false;
    }
}
