using Reporting.Core.Configuration;
using Reporting.Core.Indicators;

namespace Reporting.Core.Briefings.Attachments;

/// <summary>A file that travels with the briefing's PDF.</summary>
public sealed record BriefingAttachment(string FileName, string MediaType, byte[] Content);

/// <summary>
/// What a briefing is sent with besides its PDF, so that the mail wiring only has to attach what this returns.
/// Today: 滞后项目清单.xlsx whenever at least one project lags (the briefing names at most
/// <see cref="BriefingOptions.LaggingListLimit"/> of them; the workbook lists every one, filterable).
/// </summary>
public static class BriefingAttachments
{
    public const string SpreadsheetMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IReadOnlyList<BriefingAttachment>> ForAsync(IndicatorReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Lagging.Count == 0)
        {
            return [];
        }

        byte[] workbook = await LaggingWorkbook.ToBytesAsync(report.Lagging, cancellationToken).ConfigureAwait(false);
        return [new BriefingAttachment(LaggingWorkbook.FileName, SpreadsheetMediaType, workbook)];
    }
}
