using System.Globalization;
using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>Collects findings for one file, listing at most the configured number and counting all of them.</summary>
internal sealed class FindingSink(int maxListed)
{
    private readonly List<Finding> _findings = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public bool Truncated { get; private set; }

    public IReadOnlyList<Finding> Items => _findings;

    public void Add(Finding finding)
    {
        if (finding.Severity == Severity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }

        if (_findings.Count < maxListed)
        {
            _findings.Add(finding);
        }
        else
        {
            Truncated = true;
        }
    }

    public void File(string ruleId, string message, Severity severity = Severity.Error) =>
        Add(new Finding { Severity = severity, RuleId = ruleId, Message = message });

    public void Sheet(string sheet, string ruleId, string message, Severity severity = Severity.Error) =>
        Add(new Finding { Severity = severity, RuleId = ruleId, Message = message, Sheet = sheet });

    /// <summary>A finding about one cell: "工作表“项目表”F12单元格（累计完成投资）的值“-50”{what}".</summary>
    public void Cell(Severity severity, string ruleId, string sheet, int row, ColumnBinding column, string value, string what)
    {
        if (_findings.Count >= maxListed)
        {
            // Counted, not listed: a sheet of 200,000 bad rows must not format 200,000 messages.
            Errors += severity == Severity.Error ? 1 : 0;
            Warnings += severity == Severity.Warning ? 1 : 0;
            Truncated = true;
            return;
        }

        string cell = CellRef.ToA1(row, column.Column);
        string header = HeaderLabel(column);
        string message = value.Length == 0
            ? $"工作表“{sheet}”{cell}单元格（{header}）{what}"
            : $"工作表“{sheet}”{cell}单元格（{header}）的值“{Shorten(value)}”{what}";
        Add(new Finding { Severity = severity, RuleId = ruleId, Message = message, Sheet = sheet, Cell = cell, Header = header, Value = value.Length == 0 ? null : value });
    }

    public static string HeaderLabel(ColumnBinding column) => column.Header.Display.Length > 0 ? column.Header.Display : column.Spec.Label;

    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// part / whole as a percentage for a message ("134.8%"), rounded half away from zero; "—" without a positive whole
    /// or when the ratio is beyond any figure (ingestion computes no indicator, so it does not borrow the indicators' helpers).
    /// </summary>
    public static string Percent(decimal part, decimal whole, int decimals) =>
        whole > 0m && Math.Abs(part) / 1_000_000_000_000_000_000_000_000m <= whole
            ? Format(Math.Round(part / whole * 100m, decimals, MidpointRounding.AwayFromZero)) + "%"
            : "—";

    public static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
