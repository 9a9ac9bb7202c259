using Reporting.Core.Configuration;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>Thrown inside the scan when the workbook holds more rows than allowed; turned into a file-level finding.</summary>
internal sealed class TooManyRowsException : Exception
{
    public TooManyRowsException()
        : base("Too many rows.")
    {
    }
}

/// <summary>A period stated somewhere in the workbook, with where it was seen (for the conflict message).</summary>
internal sealed record PeriodClue(ReportingPeriod? Period, int? MonthOnly, string Where)
{
    /// <summary>Only a year: "2022年重大项目调度表", "2022年计划投资".</summary>
    public int? YearOnly { get; init; }

    /// <summary>The year came from a column header, which may be next year's plan: a title's year wins.</summary>
    public bool FromHeader { get; init; }
}

/// <summary>
/// A date cell written without a year ("11月11日", or a date Excel shows as 11月11日): read in the reporting period's
/// year, which may only be known after the scan. <paramref name="Row"/> is 0-based, as a finding's.
/// </summary>
internal sealed record YearlessDate(string Sheet, int Row, ColumnBinding Column, string Key, string Typed, int Month, int Day)
{
    /// <summary>The year such a date holds until the period is known: a leap year, so 2月29日 survives until then.</summary>
    public const int StandInYear = 2000;
}

/// <summary>Everything one file's scan accumulates across its sheets.</summary>
internal sealed class IngestionRun
{
    private readonly int _maxRows;
    private int _rows;

    public IngestionRun(ReportingOptions options)
    {
        Options = options;
        Counties = new Vocabulary(options.Ingestion.EffectiveCounties());
        Fields = new Vocabulary(options.Ingestion.EffectiveFields(), qualifiedIsOther: true);
        Findings = new FindingSink(Math.Max(1, options.Ingestion.MaxFindings));
        _maxRows = options.Ingestion.MaxRows;
        Duplicates = new InFileDuplicates();
    }

    public ReportingOptions Options { get; }

    /// <summary>The file is text (CSV or a Unicode text export), whose rows may hold more fields than its header.</summary>
    public bool IsText { get; init; }

    /// <summary>The period the upload names (its path or the command line), if any.</summary>
    public ReportingPeriod? GivenPeriod { get; init; }

    public Vocabulary Counties { get; }

    public Vocabulary Fields { get; }

    public FindingSink Findings { get; }

    public List<ProjectRecord> Projects { get; } = [];

    public List<SigningRecord> Signings { get; } = [];

    public List<MetricRecord> Metrics { get; } = [];

    /// <summary>How many records of a kind the file gave.</summary>
    public int RecordsOf(DatasetKind kind) => kind switch
    {
        DatasetKind.Projects => Projects.Count,
        DatasetKind.Signings => Signings.Count,
        _ => Metrics.Count,
    };

    public List<PeriodClue> PeriodClues { get; } = [];

    /// <summary>
    /// Weaker clues that only fill a gap, never contradict: a year alone, the sheet name ("12月"). Sheet
    /// names are copied from month to month and a header may name next year's plan.
    /// </summary>
    public List<PeriodClue> PeriodHints { get; } = [];

    /// <summary>The county of the uploading department (安源区 for anyuan), for tables without a county column.</summary>
    public string? UploadCounty { get; set; }

    /// <summary>Rows crossed out with strike-through, by sheet name (0-based): read before the sheets, from .xlsx only.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<int>> Struck { get; set; } = new Dictionary<string, IReadOnlySet<int>>();

    /// <summary>Sheets with an AutoFilter (筛选) set (<see cref="Reading.FilteredSheets"/>): their hidden rows are filtered out, not withdrawn.</summary>
    public IReadOnlySet<string> Filtered { get; set; } = new HashSet<string>();

    public string? DepartmentName { get; set; }

    /// <summary>Per sheet read as a kind, how its columns were matched, for findings raised after the scan.</summary>
    public Dictionary<string, KindMatch> Matches { get; } = new(StringComparer.Ordinal);

    /// <summary>Per sheet, the binding of the 累计完成投资 column, for findings raised after the scan.</summary>
    public Dictionary<string, ColumnBinding> CompletedColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>Projects and signings seen so far in the file, for the duplicate check across its rows and sheets.</summary>
    public InFileDuplicates Duplicates { get; }

    public List<SheetSummary> Sheets { get; } = [];

    /// <summary>Dates written without a year (11月11日), given the period's year once the period is settled.</summary>
    public List<YearlessDate> YearlessDates { get; } = [];

    /// <summary>The unit each money column of each sheet was read in.</summary>
    public List<ColumnUnit> Units { get; } = [];

    /// <summary>Counts a non-empty row; blank formatted rows cost nothing and are not counted.</summary>
    public void CountRow()
    {
        if (++_rows > _maxRows)
        {
            throw new TooManyRowsException();
        }
    }
}
