using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>One row of a 重大项目调度表 into a <see cref="ProjectRecord"/>.</summary>
internal sealed class ProjectRows : IRecordBuilder
{
    private readonly SheetContext _sheet;
    private readonly CellReader _cells;
    private readonly SectionFields _sections;
    private readonly TotalsTracker? _totals;
    private readonly InFileDuplicates _duplicates;
    private readonly ColumnBinding? _name;
    private readonly SubProjects _subProjects;

    // Per sheet rather than per row: rows are many, and these do not change within a sheet.
    private readonly ColumnBinding[] _levelFlags;
    private readonly HashSet<string> _levels = new(StringComparer.Ordinal);

    public ProjectRows(SheetContext sheet, CellReader cells, SectionFields sections, TotalsTracker? totals, InFileDuplicates duplicates)
    {
        _sheet = sheet;
        _cells = cells;
        _sections = sections;
        _totals = totals;
        _duplicates = duplicates;
        _name = sheet[FieldCatalog.Name];
        _subProjects = new SubProjects(sheet);
        _levelFlags = [.. sheet.Match.Columns.Values.Where(b => b.Spec.Kind == ValueKind.LevelFlag)];
    }

    public int Records { get; private set; }

    private bool _mangledCodeSaid;

    // Serials 1 to 999 as text, made once: every row of a numbered sheet has one.
    private static readonly string[] s_serials = [.. Enumerable.Range(0, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private string? Serial(RowView row)
    {
        if (_sheet[FieldCatalog.Serial] is not ColumnBinding column)
        {
            return null;
        }

        CellValue cell = row[column.Column];
        return cell.Type switch
        {
            CellType.Empty => null,
            CellType.Number when cell.Number is >= 0 and < 1000 && cell.Number == Math.Floor(cell.Number) => s_serials[(int)cell.Number],
            CellType.Text => Parsing.ChineseText.Compact(cell.Text) is { Length: > 0 } text ? text : null,
            _ => cell.Display,
        };
    }

    public bool Build(RowView row, string nameText)
    {
        bool ok = true;
        HashSet<string> levels = _levels;
        levels.Clear();
        string name = LevelParser.StripStar(nameText, out bool starred);
        if (starred)
        {
            levels.Add(ProjectLevels.Provincial);
        }

        if (name.Length == 0)
        {
            _cells.NameMissing(row, _name!);
            ok = false;
        }

        string? county = _cells.County(row, ref ok);
        _cells.ReadRowUnit(row, ref ok);
        string? field;
        if (_sheet[FieldCatalog.Field] is ColumnBinding fieldColumn)
        {
            // An empty 领域 cell under a "（一）工业项目" heading is what the heading says, as a person reads the sheet.
            field = CellReader.TextOf(row[fieldColumn.Column]).Length == 0 && _sections.Field is string sectionField
                ? sectionField
                : _cells.RequiredVocabulary(row, FieldCatalog.Field, _sheet.Run.Fields, RuleIds.FieldUnknown, "领域", ref ok);
        }
        else if ((field = _sections.Field) is null)
        {
            _sections.ReportMissing(row.Index);
            return false;
        }

        decimal annualPlan = _cells.RequiredAmount(row, FieldCatalog.AnnualPlan, ref ok, out string? noPlan);

        // "调整后计划" filled only for the projects whose plan was adjusted: where it is filled, it is the year's plan.
        if (_cells.OptionalAmount(row, FieldCatalog.AdjustedPlan, ref ok) is decimal adjusted)
        {
            annualPlan = adjusted;
            noPlan = null;
        }

        decimal completed = _cells.RequiredAmount(row, FieldCatalog.Completed, ref ok);
        if (ok && noPlan is not null && completed > 0m)
        {
            // Money spent against no plan would raise the completion rate of the county, the field and the city.
            _sheet.Error(RuleIds.CellPlaceholder, row.Index, _sheet[FieldCatalog.AnnualPlan]!, noPlan,
                $"表示没有年度计划投资，但累计完成投资为{FindingSink.Format(completed)}万元，无法计算完成率。请填写年度计划投资（万元）。");
            ok = false;
        }

        decimal? totalInvestment = _cells.OptionalAmount(row, FieldCatalog.TotalInvestment, ref ok);

        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.Levels, FieldCatalog.MoreLevels])
        {
            if (_cells.OptionalText(row, key) is string levelList && LevelParser.AddFromList(levelList, levels) is string unknown)
            {
                _sheet.Warn(RuleIds.LevelUnknown, row.Index, _sheet[key]!, levelList,
                    $"中的“{unknown}”不是已知的项目级别（省重点、省大中型、市重点、5020），未计入任何级别。如是其中之一，请按此写法填写。");
            }
        }

        foreach (ColumnBinding flag in _levelFlags)
        {
            LevelFlag(row, flag, levels);
        }

        DateOnly? actualStart = _cells.OptionalDate(row, FieldCatalog.ActualStart);
        bool? started = _cells.OptionalBool(row, FieldCatalog.Started);

        // Without a 是否开工 column an actual start date is the answer.
        started ??= _sheet[FieldCatalog.Started] is null && actualStart is not null ? true : null;

        if (_name is not null && name.Length > 0)
        {
            _cells.WarnIfUnprintable(row.Index, _name, name);
        }

        if (WithdrawnRows.Refuse(_sheet, _cells, row, _sections.Withdrawn))
        {
            ok = false;
        }

        var record = new ProjectRecord
        {
            Name = name,
            County = county ?? string.Empty,
            Field = field ?? string.Empty,
            AnnualPlan = annualPlan,
            Completed = completed,
            Code = Code(row),
            TotalInvestment = totalInvestment,
            Owner = _cells.PrintedText(row, FieldCatalog.Owner),
            ResponsibleUnit = _cells.PrintedText(row, FieldCatalog.ResponsibleUnit),
            Levels = LevelParser.Ordered(levels),
            Nature = Nature(_cells.OptionalText(row, FieldCatalog.Nature)),
            PlannedStart = _cells.OptionalDate(row, FieldCatalog.PlannedStart),
            ActualStart = actualStart,
            Started = started,
            PlannedCompletion = _cells.OptionalDate(row, FieldCatalog.PlannedCompletion),
            CompletedFlag = _cells.OptionalBool(row, FieldCatalog.CompletedFlag),
            ProgressNote = _cells.OptionalText(row, FieldCatalog.ProgressNote),
            Issues = _cells.PrintedText(row, FieldCatalog.Issues),
            Leader = _cells.OptionalText(row, FieldCatalog.Leader),
            Source = new SourceRef(_sheet.Sheet, row.Index + 1),
        };

        if (!ok)
        {
            // Its figures are not known, so no 合计 covering it can be checked until the errors are fixed.
            _totals?.AddRowInError(row.Index);
            return true;
        }

        CheckFigures(row, record);
        string? serial = Serial(row);
        if (_subProjects.Hold(row.Index, serial, record))
        {
            return true;
        }

        _subProjects.Close();
        Count(row.Index, record);
        _subProjects.Counted(row.Index, serial, record);
        return true;
    }

    public void Finish() => _subProjects.Close();

    public void NewSection() => _subProjects.EndGroup();

    private void Count(int row, ProjectRecord record)
    {
        // A copy of a project already read is on the sheet (its 合计 includes it) but counted once.
        _totals?.AddRecord(row, record.AnnualPlan, record.Completed, record.TotalInvestment);
        if (_duplicates.IsFirstCopy(_sheet, row, record))
        {
            _sheet.Run.Projects.Add(record);
            Records++;
        }
    }

    // A code Excel turned into a number shown in scientific notation ("3.60302E+14", from a CSV opened in Excel) has
    // lost its digits: two projects may now share it, so it is not used to tell projects apart (nor stored).
    private string? Code(RowView row)
    {
        string? code = _cells.OptionalText(row, FieldCatalog.Code);
        if (code is null || !ValueParser.IsScientificNotation(code))
        {
            return code;
        }

        if (!_mangledCodeSaid)
        {
            _mangledCodeSaid = true;
            _sheet.Warn(RuleIds.CodeMangled, row.Index, _sheet[FieldCatalog.Code]!, code,
                "是被 Excel 转成科学计数法的项目代码，原来的数字已丢失，本表的项目代码均未读取（重复项目按名称和县区判断）。请将该列设为文本格式、重新填写项目代码后上传。");
        }

        return null;
    }

    // The warnings of domain.md: completed far above the plan, or money spent on a project said not to have started.
    private void CheckFigures(RowView row, ProjectRecord record)
    {
        ColumnBinding completedColumn = _sheet[FieldCatalog.Completed]!;
        decimal limitPct = _sheet.Run.Options.Ingestion.CompletedOverPlanWarnPct;
        if (record.AnnualPlan > 0m && record.Completed * 100m > record.AnnualPlan * limitPct)
        {
            string pct = FindingSink.Percent(record.Completed, record.AnnualPlan, 1);
            _sheet.Warn(RuleIds.CompletedOver200Pct, row.Index, completedColumn, FindingSink.Format(record.Completed),
                $"（万元）超过年度计划投资{FindingSink.Format(record.AnnualPlan)}万元的{FindingSink.Format(limitPct)}%（为{pct}），请核实。");
        }

        // A plan of 0 beside money spent is beyond any percentage: typed as a figure, it is counted, and said.
        if (record.AnnualPlan == 0m && record.Completed > 0m)
        {
            _sheet.Warn(RuleIds.CompletedOver200Pct, row.Index, completedColumn, FindingSink.Format(record.Completed),
                "（万元）对应的年度计划投资为0：没有计划的完成额会抬高所在县区、领域和全市的完成率，请核实年度计划投资。");
        }

        // No year plans more than the whole project costs: 总投资 typed in 亿元 in a 万元 column, or digits run together.
        if (record.TotalInvestment is decimal total && total > 0m && record.AnnualPlan > total)
        {
            _sheet.Warn(RuleIds.PlanOverTotal, row.Index, _sheet[FieldCatalog.AnnualPlan]!, FindingSink.Format(record.AnnualPlan),
                $"（万元）大于项目总投资{FindingSink.Format(total)}万元：一年的计划投资不会超过总投资，请核实两列的数字和单位（如总投资是否按亿元填写）。");
        }

        if (record.Started == false && record.Completed > 0m && _sheet[FieldCatalog.Started] is ColumnBinding startedColumn)
        {
            _sheet.Warn(RuleIds.NotStartedButCompleted, row.Index, startedColumn, CellReader.TextOf(row[startedColumn.Column]),
                $"表示未开工，但累计完成投资为{FindingSink.Format(record.Completed)}万元，请核实是否已开工。");
        }
    }

    // 是/√ marks the column's level; a level written out ("省重点" under 是否省重点) counts as itself.
    private void LevelFlag(RowView row, ColumnBinding flag, HashSet<string> levels)
    {
        CellValue cell = row[flag.Column];
        ParsedBool parsed = ValueParser.Boolean(cell);
        if (parsed.Status == ParseStatus.Ok)
        {
            if (parsed.Value)
            {
                levels.Add(flag.Spec.Level!);
            }

            return;
        }

        if (parsed.Status != ParseStatus.Invalid)
        {
            return;
        }

        if (LevelParser.NamesAny(cell.Display))
        {
            LevelParser.AddFromList(cell.Display, levels);
        }
        else
        {
            _sheet.Warn(RuleIds.CellNotBoolean, row.Index, flag, cell.Display, "应填写“是”或“否”，已忽略。");
        }
    }

    private static string? Nature(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string compact = ChineseText.Compact(text);
        return compact switch
        {
            "新开工" or "新建项目" or "新开工项目" or "计划新开工" or "拟新开工" or "拟开工" or "计划开工" or "拟建" or "新开工建设" => "新建",
            "续建项目" => "续建",
            "竣工" or "投产" or "竣工项目" or "已竣工" or "竣工投产项目" => "竣工投产",
            "预备" or "预备项目" or "前期项目" or "谋划" => "前期",
            _ => text,
        };
    }
}
