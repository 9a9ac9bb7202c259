using System.Buffers;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>One row of a 经济运行指标表 into a <see cref="MetricRecord"/>.</summary>
internal sealed class MetricRows(SheetContext sheet, CellReader cells) : IRecordBuilder
{
    private static readonly SearchValues<char> s_numberingEnds = SearchValues.Create(".、)");

    private readonly ColumnBinding? _name = sheet[FieldCatalog.Name];

    public int Records { get; private set; }

    public bool Build(RowView row, string nameText)
    {
        bool ok = true;
        string name = MetricName(nameText, out string? unitInName);

        // "1-11月电子信息产业工业增加值": a period in the name is the period of the figure, checked like the title's. A running
        // total's period goes from the name; one month's ("12月电子信息…", the month alone) stays: it is another indicator.
        if (LeadingMonths(name) is (int length, int month, bool oneMonth))
        {
            sheet.Run.PeriodClues.Add(new PeriodClue(null, month, $"工作表“{sheet.Sheet}”{CellRef.ToA1(row.Index, _name!.Column)}单元格“{FindingSink.Shorten(name)}”"));
            name = oneMonth ? name : name[length..].TrimStart();
        }
        if (name.Length == 0)
        {
            cells.NameMissing(row, _name!);
            ok = false;
        }

        // The unit column, else a unit in the name ("亿元以上技改项目数（个）"), wins over the unit the header, a
        // units row or the note states for the column. Yuan amounts convert to 万元; anything else (个, 户, %,
        // 亿美元) is kept as written, and so is a unit column's "元" (a per-capita figure, not an amount to add up).
        string? unitText = cells.OptionalText(row, FieldCatalog.Unit) ?? unitInName;
        ColumnBinding valueColumn = sheet[FieldCatalog.Value]!;
        MoneyUnit? money = unitText is null ? sheet.Units.Stated(valueColumn)
            : ChineseText.Compact(unitText) is "元" ? null
            : MoneyUnit.Exactly(ChineseText.Compact(unitText));
        string? unit = money is MoneyUnit named ? (named.IsYuan ? MoneyUnit.Wan.Name : unitText ?? named.Name) : unitText;

        // "本期值（万元）" over the figures and 亿元 in the row's 单位 column: which one the figures are in cannot be told.
        if (unitText is not null && money is MoneyUnit rowUnit && sheet[FieldCatalog.Unit] is ColumnBinding unitColumn
            && !cells.UnitsAgree(row, unitColumn, unitText, rowUnit, valueColumn))
        {
            ok = false;
        }
        decimal? value = cells.MetricNumber(row, valueColumn, Factor(money), required: true, ref ok);

        decimal? prior = null;
        if (sheet[FieldCatalog.Prior] is ColumnBinding priorColumn)
        {
            MoneyUnit? priorMoney = unitText is null ? sheet.Units.Stated(priorColumn) ?? money : money;
            prior = cells.MetricNumber(row, priorColumn, Factor(priorMoney), required: false, ref ok);
        }

        // "同比增减（亿元）" with no 上年同期 column: last year's figure is this year's less the change, in the change's unit.
        // A 增减 column whose header names no unit but whose cells are written as percentages ("增长23.3%") is the growth.
        decimal? yoyInChange = null;
        ColumnBinding? changes = sheet[FieldCatalog.YoyChange];
        if (changes is not null && changes.Header.Unit.Unit is null && sheet[FieldCatalog.Yoy] is null && CellReader.WrittenAsPercent(row[changes.Column]))
        {
            yoyInChange = cells.OptionalPercent(row, changes, ref ok);
        }
        else if (prior is null && value is decimal thisYear && changes is ColumnBinding changeColumn)
        {
            MoneyUnit? changeMoney = unitText is null ? sheet.Units.Stated(changeColumn) ?? money : changeColumn.Header.Unit.Unit ?? money;
            if (cells.MetricNumber(row, changeColumn, Factor(changeMoney), required: false, ref ok) is decimal difference)
            {
                prior = thisYear - difference;
            }
        }

        // "比上年同期增减（个百分点）" beside a rate (增速 9.2% against 8.5%) with no 比重 column: the change in points. It gives last
        // year's rate when that column is missing, and must agree with the two rates when both are given.
        if (sheet[FieldCatalog.Share] is null && IsRate(unit) && value is decimal rateNow && sheet[FieldCatalog.ShareChange] is ColumnBinding pointsChange
            && cells.OptionalPercent(row, pointsChange, ref ok) is decimal pointsWritten)
        {
            if (prior is null)
            {
                prior = rateNow - pointsWritten;
            }
            else if (Math.Abs(rateNow - prior.Value - pointsWritten) > 0.05m)
            {
                sheet.Error(RuleIds.PercentPointsMismatch, row.Index, pointsChange, CellReader.TextOf(row[pointsChange.Column]),
                    $"与本期值和上年同期值不符：{FindingSink.Format(rateNow)}%与{FindingSink.Format(prior.Value)}%相差{FindingSink.Format(rateNow - prior.Value)}个百分点。请核对这三个数后重新上传。");
                ok = false;
            }
        }

        if (_name is not null && name.Length > 0)
        {
            cells.WarnIfUnprintable(row.Index, _name, name);
        }

        decimal? yoy = cells.OptionalPercent(row, FieldCatalog.Yoy, ref ok) ?? yoyInChange;
        if (yoy is decimal reported && IsFraction(reported, value, prior) is decimal computed)
        {
            ColumnBinding yoyColumn = sheet[FieldCatalog.Yoy] ?? changes!;
            sheet.Error(RuleIds.PercentAsFraction, row.Index, yoyColumn, CellReader.TextOf(row[yoyColumn.Column]),
                $"像是小数而不是百分数：按本期值和上年同期值算，同比增长为{FindingSink.Format(Math.Round(computed, 1, MidpointRounding.AwayFromZero))}%。请填写百分数（如 24.7 或 24.7%）。");
            ok = false;
        }

        // A share or a rate (38.5% against 37.3%) whose 同比 column holds their difference (1.2): points, not a growth of 1.2%
        // (the growth would be 3.2%). Said, and not stored as the growth the briefing would print.
        if (yoy is decimal points && IsRate(unit) && value is decimal rate && prior is decimal lastRate && lastRate > 0m
            && Math.Abs(rate - lastRate - points) <= 0.05m && Math.Abs(((rate - lastRate) / lastRate * 100m) - points) > 0.5m)
        {
            ColumnBinding pointsColumn = sheet[FieldCatalog.Yoy] ?? changes!;
            sheet.Warn(RuleIds.PercentPoints, row.Index, pointsColumn, CellReader.TextOf(row[pointsColumn.Column]),
                $"等于本期值与上年同期值之差（{FindingSink.Format(rate)}%与{FindingSink.Format(lastRate)}%），是百分点的变化，不是同比增长，未作为同比增长计入。比重、比率类指标请写“{(points >= 0m ? "提高" : "下降")}{FindingSink.Format(Math.Abs(points))}个百分点”。");
            yoy = null;
        }

        // A 本期值 10,000× its 上年同期 beside a reported growth of 24.6%: one of the two cells is in another unit (805000 万元 in a
        // 亿元 table). A real growth that large is never reported so.
        if (yoy is decimal stated && Math.Abs(stated) < 1_000m && value is decimal now && prior is decimal before && now > 0m && before > 0m
            && (now >= before * 100m || now * 100m <= before))
        {
            sheet.Error(RuleIds.UnitImplausible, row.Index, valueColumn, FindingSink.Format(now / Factor(money)),
                $"是上年同期值的{FindingSink.Format(Math.Round(now / before, now >= before ? 0 : 4, MidpointRounding.AwayFromZero))}倍，与填报的同比增长{FindingSink.Format(stated)}%不符，"
                + "像是本期值或上年同期值的单位与本行其他数不同。请按同一单位填写后重新上传。");
            ok = false;
        }

        // 3,106,000 typed in 万元 on a row whose 单位 says 亿元: value, last year's and the growth agree with one another, so only
        // the size tells. No figure of the city's comes near 1万亿元 (its deposits are some 3,000亿元).
        if (ok && money is MoneyUnit { IsYuan: true } amountUnit && value is decimal amount && Math.Abs(amount) >= MetricImplausibleFrom)
        {
            sheet.Error(RuleIds.UnitImplausible, row.Index, valueColumn, FindingSink.Format(amount / amountUnit.PerWan),
                $"按{amountUnit.Name}读取即{FindingSink.Format(Math.Round(amount / 100_000_000m, 1, MidpointRounding.AwayFromZero))}万亿元，超过1万亿元，本市没有这么大的指标，"
                + $"像是按万元或元填写而单位写成了{amountUnit.Name}。请核对数字与单位后重新上传。");
            ok = false;
        }

        decimal? share = cells.OptionalPercent(row, FieldCatalog.Share, ref ok);
        decimal? sharePrior = cells.OptionalPercent(row, FieldCatalog.SharePrior, ref ok);

        // "比重比上年提高3.9个百分点" gives last year's share as this year's less the change.
        if (sharePrior is null && share is decimal current && cells.OptionalPercent(row, FieldCatalog.ShareChange, ref ok) is decimal change)
        {
            sharePrior = current - change;
        }

        var record = new MetricRecord
        {
            Name = name,
            Unit = unit,
            Value = value,
            Prior = prior,
            YoyReported = yoy,
            Share = share,
            SharePrior = sharePrior,
            Note = cells.OptionalText(row, FieldCatalog.Note),
            Source = new SourceRef(sheet.Sheet, row.Index + 1),
        };

        if (ok)
        {
            sheet.Run.Metrics.Add(record);
            Records++;
        }

        return true;
    }

    /// <summary>1万亿元 in 万元: a city's money indicator at or above it was typed in a smaller unit than its row names.</summary>
    public const decimal MetricImplausibleFrom = 100_000_000m;

    /// <summary>A rate or a share written in percent, whose changes are points (‰ and counts are not).</summary>
    private static bool IsRate(string? unit) => unit?.Trim() is "%" or "％";

    private static decimal Factor(MoneyUnit? unit) => unit is MoneyUnit { IsYuan: true } yuan ? yuan.PerWan : 1m;

    // 0.247 typed for 24.7% (a formula =C6/D6-1 without percent format): the levels say which it is. Null when
    // the reported growth agrees with the levels, or nothing can be told.
    private static decimal? IsFraction(decimal reported, decimal? value, decimal? prior)
    {
        if (value is not decimal v || prior is not decimal p || p <= 0m || reported == 0m)
        {
            return null;
        }

        decimal computed = (v - p) / p * 100m;
        bool asFraction = Math.Abs((reported * 100m) - computed) <= (Math.Abs(computed) * 0.01m) + 0.05m;
        bool asPercent = Math.Abs(reported - computed) <= (Math.Abs(computed) * 0.05m) + 0.5m;
        return asFraction && !asPercent ? computed : null;
    }

    // "其中：锂电产业" is an indicator of its own; "一、地区生产总值", "（二）制造业贷款" and "1.电子信息" are numbered
    // in the list, not named so; a unit in brackets at the end ("制造业贷款余额（亿元）") is the row's unit.
    private static string MetricName(string nameText, out string? unit)
    {
        unit = null;
        string name = nameText;
        foreach (string prefix in (ReadOnlySpan<string>)["其中：", "其中:", "其中"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..].Trim();
                break;
            }
        }

        string compact = ChineseText.Compact(name);
        if (RowClassifier.SectionNumbering(compact, out _) is int numbering && numbering < compact.Length)
        {
            name = ChineseText.Tidy(compact[numbering..]);
        }
        else if (ArabicNumbering(compact) is int arabic)
        {
            name = ChineseText.Tidy(compact[arabic..]);
        }

        name = WithoutNoteMarks(name);
        int open = name.LastIndexOfAny(['(', '（']);
        if (open > 0 && name[^1] is ')' or '）')
        {
            string inside = ChineseText.Compact(name[(open + 1)..^1]);
            if (MoneyUnit.Exactly(inside) is not null || UnitsRow.IsMeasure(inside))
            {
                unit = inside;
                name = name[..open].TrimEnd();
            }
        }

        return name;
    }

    // "1-11月", "2022年1-12月", "12月份", "1—11月累计" opening a metric's name: its length and the month it ends in.
    private static (int Length, int Month, bool OneMonth)? LeadingMonths(string name)
    {
        HeaderText read = HeaderText.Analyze(name.Length > 12 ? name[..12] : name);
        if (read.Month is not int month)
        {
            return null;
        }

        int at = name.IndexOf('月', StringComparison.Ordinal);
        if (at is <= 0 or > 10 || !char.IsAsciiDigit(name[at - 1]) || !char.IsAsciiDigit(name[0]))
        {
            return null;
        }

        int end = at + 1;
        foreach (string tail in (ReadOnlySpan<string>)["份", "累计", "末"])
        {
            if (name.AsSpan(end).StartsWith(tail))
            {
                end += tail.Length;
            }
        }

        return end < name.Length ? (end, month, read.MonthlyOnly) : null;
    }

    // "工业增加值*", "营业收入（注1）", "利润※": a mark pointing to a note below the table is no part of the name (the name is
    // the indicator's identity month to month, and the mark would be printed in the briefing).
    private static string WithoutNoteMarks(string name)
    {
        while (true)
        {
            string trimmed = name.TrimEnd().TrimEnd('*', '＊', '※', '△', '▲', '#', '＃').TrimEnd();

            // "电子信息产业工业增加值（累计）": the running total is the indicator itself; "（当月）" names another and stays.
            foreach (string cumulative in (ReadOnlySpan<string>)["(累计)", "（累计）", "(1-12月累计)", "（1-12月累计）"])
            {
                if (trimmed.EndsWith(cumulative, StringComparison.Ordinal) && trimmed.Length > cumulative.Length)
                {
                    trimmed = trimmed[..^cumulative.Length].TrimEnd();
                }
            }

            int open = trimmed.LastIndexOfAny(['(', '（']);
            if (open > 0 && trimmed[^1] is ')' or '）' && ChineseText.Compact(trimmed[(open + 1)..^1]).StartsWith('注'))
            {
                trimmed = trimmed[..open].TrimEnd();
            }

            if (trimmed.Length == name.Length || trimmed.Length == 0)
            {
                return trimmed.Length == 0 ? name : trimmed;
            }

            name = trimmed;
        }
    }

    // "1.", "12、", "(3)" before a name; not "5G基站数" nor "1.5万户".
    private static int? ArabicNumbering(string compact)
    {
        int i = compact.StartsWith('(') ? 1 : 0;
        int digits = i;
        while (digits < compact.Length && digits - i < 2 && char.IsAsciiDigit(compact[digits]))
        {
            digits++;
        }

        if (digits == i || digits >= compact.Length - 1 || !s_numberingEnds.Contains(compact[digits]) || (i == 1) != (compact[digits] == ')'))
        {
            return null;
        }

        return char.IsAsciiDigit(compact[digits + 1]) ? null : digits + 1;
    }
}
