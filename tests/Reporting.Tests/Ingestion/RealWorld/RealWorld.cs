using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// Helpers for the real-world variants: each test builds one department's spreadsheet the way a clerk
/// would send it and reads it through the real <see cref="WorkbookIngestor"/>.
/// </summary>
internal static class RealWorld
{
    public static readonly ReportingPeriod December2022 = new(2022, 12);

    public static MemoryStream Book(Action<XLWorkbook> build) => TestWorkbooks.Xlsx(build);

    /// <summary>Reads a file; the department defaults to a county (the upload folder), the period to none (read from the sheet).</summary>
    public static IngestionOutcome Read(Stream file, string fileName = "报表.xlsx", string? department = "anyuan", ReportingPeriod? period = null) =>
        TestWorkbooks.Read(file, fileName, department, period);

    private static readonly (string County, string Department)[] s_countyDepartments =
    [
        ("安源区", "anyuan"), ("湘东区", "xiangdong"), ("莲花县", "lianhua"), ("上栗县", "shangli"), ("芦溪县", "luxi"),
        ("萍乡经开区", "jingkai"), ("经开区", "jingkai"), ("武功山", "wugongshan"),
    ];

    /// <summary>
    /// The county department that would send these rows: the one whose county the first row naming a county names
    /// (a county's upload holding none of its own rows is refused); anyuan when no row names one.
    /// </summary>
    public static string DepartmentOf(IEnumerable<object?[]> rows)
    {
        foreach (object?[] row in rows)
        {
            foreach (object? cell in row)
            {
                if (cell is string text && Array.Find(s_countyDepartments, c => text.StartsWith(c.County, StringComparison.Ordinal)) is { Department: string id })
                {
                    return id;
                }
            }
        }

        return "anyuan";
    }

    /// <summary>Accepted with no findings at all, or the findings in the failure message.</summary>
    public static IngestionOutcome Clean(this IngestionOutcome outcome)
    {
        Assert.True(outcome.Accepted && outcome.Findings.Count == 0, Explain(outcome));
        return outcome;
    }

    /// <summary>Accepted (warnings allowed).</summary>
    public static IngestionOutcome Accepted(this IngestionOutcome outcome)
    {
        Assert.True(outcome.Accepted, Explain(outcome));
        return outcome;
    }

    /// <summary>Rejected with exactly one error, which is returned.</summary>
    public static Finding OnlyError(this IngestionOutcome outcome)
    {
        Assert.False(outcome.Accepted, "expected a rejection, got: " + Explain(outcome));
        return Assert.Single(outcome.Findings, f => f.Severity == Severity.Error);
    }

    public static string Explain(IngestionOutcome outcome) =>
        $"accepted={outcome.Accepted} period={outcome.Period} records={outcome.Projects.Count}/{outcome.Signings.Count}/{outcome.Metrics.Count}\n"
        + string.Join("\n", outcome.Findings);

    /// <summary>The five figures every project row must carry, for exact comparison.</summary>
    public static (string Name, string County, string Field, decimal AnnualPlan, decimal Completed) Core(this ProjectRecord p) =>
        (p.Name, p.County, p.Field, p.AnnualPlan, p.Completed);

    public static IXLWorksheet Title(this IXLWorksheet sheet, int row, string text, int lastColumn)
    {
        sheet.Put(row, text);
        sheet.Range(row, 1, row, lastColumn).Merge();
        return sheet;
    }
}
