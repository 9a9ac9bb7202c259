using System.Text.Json.Serialization;

namespace Reporting.Core.Ingestion;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Informs the clerk; the submission is still accepted.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>Blocks the submission: nothing from it is counted.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>
/// One validation result, precise enough for a clerk to fix the cell: the sheet, the cell
/// reference, the header, the value and the rule, with the message in Chinese.
/// </summary>
public sealed record Finding
{
    public required Severity Severity { get; init; }

    /// <summary>Stable rule id, e.g. <c>value.negative</c>; see <see cref="RuleIds"/>.</summary>
    public required string RuleId { get; init; }

    /// <summary>The message in Chinese, complete on its own (it repeats sheet and cell).</summary>
    public required string Message { get; init; }

    public string? Sheet { get; init; }

    /// <summary>A1-style reference, e.g. <c>F12</c>; null for findings about the whole file or sheet.</summary>
    public string? Cell { get; init; }

    public string? Header { get; init; }

    public string? Value { get; init; }

    public override string ToString()
    {
        string where = (Sheet, Cell) switch
        {
            (not null, not null) => $"[{Sheet}!{Cell}] ",
            (not null, null) => $"[{Sheet}] ",
            _ => string.Empty,
        };
        string label = Severity == Severity.Error ? "错误" : "提示";
        return $"{label} {where}{Message} ({RuleId})";
    }
}
