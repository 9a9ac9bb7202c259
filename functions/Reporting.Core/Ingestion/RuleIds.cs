namespace Reporting.Core.Ingestion;

/// <summary>Stable identifiers of validation rules; tests and clients key on these.</summary>
public static class RuleIds
{
    // File-level errors.
    public const string FileUnreadable = "file.unreadable";
    public const string FileEmpty = "file.empty";
    public const string FileTooLarge = "file.too-large";
    public const string FileEncrypted = "file.encrypted";
    public const string FileZipBomb = "file.zip-bomb";
    public const string FileTooManyRows = "file.too-many-rows";
    public const string FileUnsupportedType = "file.unsupported-type";
    public const string KindUnknown = "kind.unknown";

    // Structure errors.
    public const string HeaderMissing = "header.missing";

    /// <summary>A second header on one sheet binding a field to another column or unit than the first (a second table stacked below, 表头不一致).</summary>
    public const string HeaderSecondTable = "header.second-table";

    /// <summary>Two tables side by side under one header row (指标名称/单位/数值 twice): the right one would be dropped.</summary>
    public const string HeaderSideBySide = "header.side-by-side";
    public const string ColumnRequiredMissing = "column.required-missing";
    public const string PeriodMissing = "period.missing";
    public const string PeriodConflict = "period.conflict";
    public const string DepartmentMissing = "department.missing";
    public const string DepartmentInvalid = "department.invalid";

    /// <summary>A county department's upload none of whose rows is that county's: the wrong department chosen, or another county's table.</summary>
    public const string DepartmentOtherCounty = "department.other-county";

    /// <summary>An upload of a kind its department does not report (projects from 市金融办): refused, naming who reports it.</summary>
    public const string DepartmentWrongKind = "department.wrong-kind";
    public const string SheetNoRecords = "sheet.no-records";

    /// <summary>A 开工/履约/投产 projects sheet in a signings workbook (no 签约时间): not signings, left out with a notice.</summary>
    public const string SheetLaterStage = "sheet.later-stage";

    // Cell errors.
    public const string CellRequiredEmpty = "cell.required-empty";
    public const string CellNotNumber = "cell.not-number";
    public const string ValueNegative = "value.negative";
    public const string ValueTooLarge = "value.too-large";

    /// <summary>An amount in a cell whose number format shows it scaled ("0!.0,\"万\"": 12000 元 shown as 1.2万): 显示值与实际值不同.</summary>
    public const string CellScaledFormat = "cell.scaled-format";
    public const string CountyUnknown = "county.unknown";
    public const string FieldUnknown = "field.unknown";

    /// <summary>Two units for one money column (the header and the units row disagree, or the header names two): 单位无法确定.</summary>
    public const string UnitAmbiguous = "unit.ambiguous";

    /// <summary>
    /// No unit stated anywhere for the annual plan or the signing amount, and every figure too small to be 万元 (all under
    /// 10 万元 for a 重大项目's plan, 100 for a signing: 2.5 for 2.5亿元): likely 亿元, so the sheet is refused with the question (单位不合常理).
    /// </summary>
    public const string UnitImplausible = "unit.implausible";

    /// <summary>
    /// A money column in a foreign currency (亿美元 under 签约金额): no exact conversion to 万元, so a required column is
    /// refused and an optional one left out with a warning (外币无法折算).
    /// </summary>
    public const string UnitForeignCurrency = "unit.foreign-currency";

    /// <summary>A required figure written as a placeholder that cannot be counted (待定; a plan of "—" beside money spent): 占位符不能计入.</summary>
    public const string CellPlaceholder = "cell.placeholder";

    /// <summary>A growth typed as a fraction (0.247 for 24.7%), told by the value and last year's: 小数不是百分数.</summary>
    public const string PercentAsFraction = "percent.fraction";

    /// <summary>Numbered sub-projects (3.1, 3.2) under a project row (3): counted once as the parent, or refused when they do not add up (子项目).</summary>
    public const string SubProjects = "project.sub-projects";

    /// <summary>The same project twice in one file with different figures: which copy is right cannot be told.</summary>
    public const string ProjectDuplicateConflict = "project.duplicate-conflict";

    /// <summary>
    /// A row with only figures (no 项目名称, 县区, 领域; or a category label such as 亿元以上项目 and no 县区) whose figures
    /// do not add up to the rows above: neither a total nor a whole project, so the clerk is asked which (只有数字的行).
    /// </summary>
    public const string RowFiguresOnly = "row.figures-only";

    // Warnings.

    /// <summary>A row with only figures that add up to the rows above: an unlabelled 合计/小计, not counted (未标注的合计行).</summary>
    public const string TotalUnlabelled = "total.unlabelled";
    public const string CompletedOver200Pct = "completed.over-200pct";

    /// <summary>A year's plan above the project's whole 总投资: one of the two is in the wrong unit or mistyped.</summary>
    public const string PlanOverTotal = "plan.over-total";
    public const string NotStartedButCompleted = "started.no-but-completed";
    public const string TotalMismatch = "total.mismatch";
    public const string ProjectDuplicate = "project.duplicate";

    /// <summary>One indicator twice in an upload: counted once when the copies agree, refused when they disagree.</summary>
    public const string MetricDuplicate = "metric.duplicate";

    /// <summary>A rate's 同比 cell that is its difference with last year's rate: points, not growth; not stored as growth.</summary>
    public const string PercentPoints = "percent.points";

    /// <summary>A rate's points change (比上年同期增减（个百分点）) that is not the difference of the two rates given beside it.</summary>
    public const string PercentPointsMismatch = "percent.points-mismatch";
    public const string CumulativeDecreased = "cumulative.decreased";
    public const string ProjectsDroppedOnResubmission = "resubmission.projects-dropped";
    public const string CellNotDate = "cell.not-date";

    /// <summary>A date typed as the number 2022.1, which is January or a 2022.10 Excel shortened: read as January, said (日期有歧义).</summary>
    public const string DateAmbiguous = "date.ambiguous";

    /// <summary>A date written without a year (11月11日, 11-11, or shown so by Excel): read in the reporting period's year, said (未写年份).</summary>
    public const string DateYearMissing = "date.year-missing";

    /// <summary>A project or signing whose 备注 says it is withdrawn (已调出, 已取消, 已删除) while the row still carries figures (备注称已调出).</summary>
    public const string RowWithdrawn = "row.withdrawn";

    /// <summary>A row of a signings table whose 签约状态 says it is not signed yet (在谈, 拟签约): not counted (尚未签约).</summary>
    public const string SigningNotSigned = "signing.not-signed";

    /// <summary>A signing dated outside the reporting period (a 2021 签约时间 in the 2022 list): kept, not counted (不在报告期内).</summary>
    public const string SigningOutsidePeriod = "signing.outside-period";

    /// <summary>Text the briefing prints (a project name, a stated issue) holds a character its font lacks; it will print as 〓.</summary>
    public const string TextUnprintable = "text.unprintable";
    public const string CellNotBoolean = "cell.not-boolean";

    /// <summary>A 项目级别 written in words that name no known level ("省重大"): counted in none (级别无法识别).</summary>
    public const string LevelUnknown = "level.unknown";

    /// <summary>A 项目代码 Excel turned into scientific notation ("3.60302E+14"): its digits are lost, so codes are not read (代码已损坏).</summary>
    public const string CodeMangled = "code.mangled";
    public const string RowHidden = "row.hidden";

    /// <summary>Rows hidden by an AutoFilter (筛选) left on: refused, the clerk believes every row was sent.</summary>
    public const string RowFiltered = "row.filtered";

    // Processing.
    /// <summary>A CSV row with more fields than its header: a thousands comma (10,000) split a figure, shifting the cells after it.</summary>
    public const string TextRowTooWide = "csv.row-too-wide";
    public const string IngestionFailed = "ingestion.failed";
}
