using System.Runtime.InteropServices;
using System.Text;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;
using Reporting.Core.Numbers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>The three record kinds, each with its own rules (domain.md, "Validation").</summary>
internal sealed partial class RowBuilder
{
    private void BuildProject(RowView row, string nameText)
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
            Error(RuleIds.CellRequiredEmpty, row.Index, _name!, string.Empty, "为空，该项必须填写。");
            ok = false;
        }

        string? county = _county is null ? _defaults.County : RequiredVocabulary(row, FieldCatalog.County, _run.Counties, RuleIds.CountyUnknown, "县区", ref ok);
        string? field;
        if (_match[FieldCatalog.Field] is not null)
        {
            field = RequiredVocabulary(row, FieldCatalog.Field, _run.Fields, RuleIds.FieldUnknown, "领域", ref ok);
        }
        else if ((field = _sectionField) is null)
        {
            AbandonWithoutField(row.Index);
            return;
        }

        decimal annualPlan = RequiredAmount(row, FieldCatalog.AnnualPlan, ref ok);
        decimal completed = RequiredAmount(row, FieldCatalog.Completed, ref ok);
        decimal? totalInvestment = OptionalAmount(row, FieldCatalog.TotalInvestment, ref ok);

        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.Levels, FieldCatalog.MoreLevels])
        {
            if (OptionalText(row, key) is string levelList)
            {
                LevelParser.AddFromList(levelList, levels);
            }
        }

        foreach (ColumnBinding flag in _levelFlags)
        {
            LevelFlag(row, flag, levels);
        }

        DateOnly? actualStart = OptionalDate(row, FieldCatalog.ActualStart);
        bool? started = OptionalBool(row, FieldCatalog.Started);

        // Without a 是否开工 column an actual start date is the answer.
        started ??= _match[FieldCatalog.Started] is null && actualStart is not null ? true : null;

        if (_name is not null && name.Length > 0)
        {
            WarnIfUnprintable(row.Index, _name, name);
        }

        var record = new ProjectRecord
        {
            Name = name,
            County = county ?? string.Empty,
            Field = field ?? string.Empty,
            AnnualPlan = annualPlan,
            Completed = completed,
            Code = OptionalText(row, FieldCatalog.Code),
            TotalInvestment = totalInvestment,
            Owner = PrintedText(row, FieldCatalog.Owner),
            ResponsibleUnit = PrintedText(row, FieldCatalog.ResponsibleUnit),
            Levels = LevelParser.Ordered(levels),
            Nature = Nature(OptionalText(row, FieldCatalog.Nature)),
            PlannedStart = OptionalDate(row, FieldCatalog.PlannedStart),
            ActualStart = actualStart,
            Started = started,
            PlannedCompletion = OptionalDate(row, FieldCatalog.PlannedCompletion),
            CompletedFlag = OptionalBool(row, FieldCatalog.CompletedFlag),
            ProgressNote = OptionalText(row, FieldCatalog.ProgressNote),
            Issues = PrintedText(row, FieldCatalog.Issues),
            Leader = OptionalText(row, FieldCatalog.Leader),
            Source = new SourceRef(_sheet, row.Index + 1),
        };

        if (!ok)
        {
            // Its figures are not known, so no 合计 covering it can be checked until the errors are fixed.
            _totals?.AddRowInError(row.Index);
            return;
        }

        ColumnBinding completedColumn = _match[FieldCatalog.Completed]!;
        decimal limitPct = _run.Options.Ingestion.CompletedOverPlanWarnPct;
        if (annualPlan > 0m && completed * 100m > annualPlan * limitPct)
        {
            string pct = Percentages.Of(completed, annualPlan) is decimal ratio
                ? FindingSink.Format(Math.Round(ratio, 1, MidpointRounding.AwayFromZero)) + "%"
                : "—";
            Warn(RuleIds.CompletedOver200Pct, row.Index, completedColumn, FindingSink.Format(completed),
                $"（万元）超过年度计划投资{FindingSink.Format(annualPlan)}万元的{FindingSink.Format(limitPct)}%（为{pct}），请核实。");
        }

        if (started == false && completed > 0m && _match[FieldCatalog.Started] is ColumnBinding startedColumn)
        {
            Warn(RuleIds.NotStartedButCompleted, row.Index, startedColumn, TextOf(row[startedColumn.Column]),
                $"表示未开工，但累计完成投资为{FindingSink.Format(completed)}万元，请核实是否已开工。");
        }

        CheckDuplicate(row, record.Source, record.Name, record.County, record.Code);
        _totals?.AddRecord(row.Index, AlignTotals(annualPlan, completed, totalInvestment));
        _run.Projects.Add(record);
        _records++;
    }

    // No field column and no "一、工业项目" row above this project: say so once, for the whole sheet.
    private void AbandonWithoutField(int row)
    {
        _abandoned = true;
        string why = _sectionLabel is null ? "之前没有分组行" : $"所在的分组“{_sectionLabel}”不是已知的领域";
        _run.Findings.Sheet(
            _sheet,
            RuleIds.ColumnRequiredMissing,
            $"工作表“{_sheet}”看起来是{_match.Kind.ToChinese()}，但缺少必填列：“所属领域”。请按模板补齐这些列的表头（表头第{_defaults.HeaderRow}行），"
            + $"或在项目之前用“一、工业项目”这样的分组行标明领域（第{row + 1}行的项目{why}）。");
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
            Warn(RuleIds.CellNotBoolean, row.Index, flag, cell.Display, "应填写“是”或“否”，已忽略。");
        }
    }

    // The totals columns are the present subset of these candidates, in the same order as the constructor built them.
    private TotalsValues AlignTotals(decimal? first, decimal? second = null, decimal? third = null)
    {
        ReadOnlySpan<decimal?> candidates = [first, second, third];
        ReadOnlySpan<int> slots = _totalSlots;
        return new TotalsValues(
            slots.Length > 0 ? candidates[slots[0]] : null,
            slots.Length > 1 ? candidates[slots[1]] : null,
            slots.Length > 2 ? candidates[slots[2]] : null);
    }

    private void BuildSigning(RowView row, string nameText)
    {
        bool ok = true;
        if (nameText.Length == 0)
        {
            Error(RuleIds.CellRequiredEmpty, row.Index, _name!, string.Empty, "为空，该项必须填写。");
            ok = false;
        }

        string? county = _county is null ? _defaults.County : RequiredVocabulary(row, FieldCatalog.County, _run.Counties, RuleIds.CountyUnknown, "县区", ref ok);
        decimal amount = RequiredAmount(row, FieldCatalog.Amount, ref ok);
        decimal? foreign = OptionalAmount(row, FieldCatalog.ForeignAmount, ref ok);
        if (_name is not null && nameText.Length > 0)
        {
            WarnIfUnprintable(row.Index, _name, nameText);
        }

        var record = new SigningRecord
        {
            Name = nameText,
            County = county ?? string.Empty,
            SignedOn = OptionalDate(row, FieldCatalog.SignedOn),
            Amount = amount,
            IndustryChain = OptionalText(row, FieldCatalog.IndustryChain),
            SourceRegion = SourceRegions.Normalize(OptionalText(row, FieldCatalog.SourceRegion)),
            Is5020 = OptionalBool(row, FieldCatalog.Is5020) ?? OptionalText(row, FieldCatalog.ProjectType)?.Contains("5020", StringComparison.Ordinal) ?? false,
            ForeignAmountUsd = foreign,
            Source = new SourceRef(_sheet, row.Index + 1),
        };

        if (!ok)
        {
            // Its figures are not known, so no 合计 covering it can be checked until the errors are fixed.
            _totals?.AddRowInError(row.Index);
            return;
        }

        CheckDuplicate(row, record.Source, record.Name, record.County, code: null);
        _totals?.AddRecord(row.Index, AlignTotals(amount));
        _run.Signings.Add(record);
        _records++;
    }

    private void BuildMetric(RowView row, string nameText)
    {
        bool ok = true;
        string name = nameText;
        foreach (string prefix in (ReadOnlySpan<string>)["其中：", "其中:", "其中"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..].Trim();
                break;
            }
        }

        // "一、地区生产总值" and "（二）制造业贷款" are numbered in the list, not named so.
        if (SectionNumbering(ChineseText.Compact(name), out _) is int numbering && numbering < ChineseText.Compact(name).Length)
        {
            name = ChineseText.Tidy(ChineseText.Compact(name)[numbering..]);
        }

        if (name.Length == 0)
        {
            Error(RuleIds.CellRequiredEmpty, row.Index, _name!, string.Empty, "为空，该项必须填写。");
            ok = false;
        }

        // Amount units convert to 万元; other units (个, 户, %) are kept as written.
        string? unitText = OptionalText(row, FieldCatalog.Unit);
        ColumnBinding valueColumn = _match[FieldCatalog.Value]!;
        decimal? scale = null;
        string? unit = unitText;
        if (unitText is not null)
        {
            scale = HeaderText.UnitScale(ChineseText.Compact(unitText));
        }
        else if ((valueColumn.Header.Scale ?? (_sheetScaleStated ? _sheetScale : null)) is decimal stated)
        {
            scale = stated;
        }

        if (scale is not null)
        {
            unit = "万元";
        }

        decimal? value = MetricNumber(row, valueColumn, scale ?? 1m, required: true, ref ok);
        decimal? prior = _match[FieldCatalog.Prior] is ColumnBinding priorColumn ? MetricNumber(row, priorColumn, scale ?? 1m, required: false, ref ok) : null;
        if (_name is not null && name.Length > 0)
        {
            WarnIfUnprintable(row.Index, _name, name);
        }

        var record = new MetricRecord
        {
            Name = name,
            Unit = unit,
            Value = value,
            Prior = prior,
            YoyReported = OptionalPercent(row, FieldCatalog.Yoy, ref ok),
            Share = OptionalPercent(row, FieldCatalog.Share, ref ok),
            SharePrior = OptionalPercent(row, FieldCatalog.SharePrior, ref ok),
            Note = OptionalText(row, FieldCatalog.Note),
            Source = new SourceRef(_sheet, row.Index + 1),
        };

        if (ok)
        {
            _run.Metrics.Add(record);
            _records++;
        }
    }

    private decimal? MetricNumber(RowView row, ColumnBinding column, decimal scale, bool required, ref bool ok)
    {
        CellValue cell = row[column.Column];
        bool percent = cell.PercentFormat || (cell.Type == CellType.Text && cell.Text.TrimEnd().EndsWith('%')) || column.Header.Percent;
        ParsedNumber parsed = percent ? ValueParser.Percent(cell) : ValueParser.Amount(cell, scale);
        if (parsed.Status == ParseStatus.Empty && required)
        {
            Error(RuleIds.CellRequiredEmpty, row.Index, column, string.Empty, "为空，该项必须填写（暂无数据请填“—”；显示 #DIV/0!、#REF! 等公式错误的单元格也按空值处理）。");
            ok = false;
            return null;
        }

        return IsUsable(parsed, row, column, cell, AmountHint, ref ok) && parsed.Status == ParseStatus.Ok ? parsed.Value : null;
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
            "新开工" or "新建项目" or "新开工项目" => "新建",
            "续建项目" => "续建",
            "竣工" or "投产" or "竣工项目" or "已竣工" or "竣工投产项目" => "竣工投产",
            "预备" or "预备项目" or "前期项目" or "谋划" => "前期",
            _ => text,
        };
    }

    private void CheckDuplicate(RowView row, SourceRef here, string name, string county, string? code)
    {
        // One hash look-up per key, and no key built by concatenation: this runs for every row and its keys
        // stay alive for the whole file.
        bool warned = false;
        if (!string.IsNullOrWhiteSpace(code))
        {
            warned = Register(_run.CodeIdentities, ChineseText.Compact(code).ToUpperInvariant(), here, row, name, "项目代码相同", warned);
        }

        Register(_run.NameIdentities, IdentityKey(name, county), here, row, name, "项目名称和县区相同", warned);
    }

    // Returns whether a duplicate warning has now been given for the row.
    private bool Register(Dictionary<string, SourceRef> identities, string key, SourceRef here, RowView row, string name, string why, bool warned)
    {
        ref SourceRef? first = ref CollectionsMarshal.GetValueRefOrAddDefault(identities, key, out bool exists);
        if (!exists)
        {
            first = here;
            return warned;
        }

        if (!warned)
        {
            string where = first!.Sheet == _sheet ? $"第{first.Row}行" : $"工作表“{first.Sheet}”第{first.Row}行";
            Warn(RuleIds.ProjectDuplicate, row.Index, _name!, name, $"与{where}的项目重复（{why}），请删除重复行或核实。");
        }

        return true;
    }

    /// <summary><see cref="IdentityName"/>, "|" and the county, built in one string.</summary>
    internal static string IdentityKey(string name, string county)
    {
        string compact = ChineseText.Compact(name);
        int length = compact.Length + 1 + county.Length;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        int at = 0;
        foreach (char c in compact)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[at++] = ChineseText.ToUpperInvariant(c);
            }
        }

        buffer[at++] = '|';
        county.AsSpan().CopyTo(buffer[at..]);
        return new string(buffer[..(at + county.Length)]);
    }

    /// <summary>Name for identity: no spaces, marks or punctuation, full-width folded, Latin upper-cased.</summary>
    internal static string IdentityName(string name)
    {
        string compact = ChineseText.Compact(name);
        var builder = new StringBuilder(compact.Length);
        foreach (char c in compact)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(ChineseText.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }
}
