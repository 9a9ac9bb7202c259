using Reporting.Core.Fonts;
using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>Reads one typed value of a row by its field, raising the finding when the cell is wrong.</summary>
internal sealed class CellReader(SheetContext sheet)
{
    public const string AmountHint = "不是有效数字，请填写数字（如 1234.5），不要夹带文字。";

    private const string ScaledHint = "是单元格中的实际数值，单元格的自定义数字格式把它缩小显示（如以元显示为“万”），看到的数字与单元格中的不同，无法确定单位。请把单元格格式改为“常规”或“数值”，填写以万元为单位的数字后重新上传。";
    private const string TooLargeHint = "数值过大（绝对值应小于1万亿），请核实数值和单位。";

    // ExcelDataReader reads a formula error (#DIV/0!, #REF!, #N/A) as an empty cell: say so, or the clerk looks at a filled cell told it is empty.
    // A formula saved without its result (some systems export workbooks so) reads as empty too, though Excel shows a number.
    private const string EmptyAmountHint = "为空，该项必须填写（没有请填 0；显示 #DIV/0!、#REF! 等公式错误的单元格也按空值处理，请改为数值；"
        + "如在 Excel 中看得到数字，可能是公式而文件未保存计算结果，请用 Excel 或 WPS 打开并保存后重新上传）。";

    private const string EmptyHint = "为空，该项必须填写。";

    /// <summary>The merges of the sheet's rows, to tell a cell under a merged one from an empty one.</summary>
    public MergeCarry? Merges { get; init; }

    // A required cell left empty: under a vertical merge the clerk sees the figure above in it, so "为空" would be
    // denied by what is on screen; the merge is named instead.
    private void RequiredEmpty(RowView row, ColumnBinding column, string hint)
    {
        if (Merges?.MergedFrom(row.Index, column.Column) is int from)
        {
            hint = $"是与{CellRef.ToA1(from, column.Column)}合并的单元格，合并格中的内容只属于第{from + 1}行，不能分给第{row.Index + 1}行。"
                + "请取消合并，每一行分别填写；如果这几行是同一个项目，请合并成一行后重新上传。";
        }

        sheet.Error(RuleIds.CellRequiredEmpty, row.Index, column, string.Empty, hint);
    }

    // The amounts a row's own 计量单位 cell applies to (a 外资 column is in 万美元 whatever the row's yuan unit).
    private static readonly string[] s_rowUnitAmounts =
        [FieldCatalog.AnnualPlan, FieldCatalog.Completed, FieldCatalog.AdjustedPlan, FieldCatalog.TotalInvestment, FieldCatalog.Amount];

    // The unit a row's 计量单位 cell names, and the row it was read for (so it never leaks into the next row, or a 合计 row).
    private (int Row, MoneyUnit Unit)? _rowUnit;

    /// <summary>
    /// A project or signing list with a 计量单位 column ("亿元" on one row, "万元" on the next): the row's amounts are in the
    /// unit it names, as a clerk reads them. Text that is no unit of money (an organisation under a bare "单位" header) is
    /// not a unit and says nothing; a foreign currency is refused (no exact conversion); a row unit other than the one an
    /// amount column's own header or units row names cannot be told apart and is refused at the unit cell.
    /// </summary>
    public void ReadRowUnit(RowView row, ref bool ok)
    {
        _rowUnit = null;
        if (sheet[FieldCatalog.Unit] is not ColumnBinding unitColumn || OptionalText(row, FieldCatalog.Unit) is not string text
            || MoneyUnit.Exactly(ChineseText.Compact(text)) is not MoneyUnit unit)
        {
            return;
        }

        if (!unit.IsYuan)
        {
            sheet.Error(RuleIds.UnitForeignCurrency, row.Index, unitColumn, text,
                "是外币单位：金额须按人民币万元填报（外币无法准确折算），请折算为人民币后填写并改为“万元”。");
            ok = false;
            return;
        }

        foreach (string key in s_rowUnitAmounts)
        {
            if (sheet[key] is ColumnBinding amounts && !UnitsAgree(row, unitColumn, text, unit, amounts))
            {
                ok = false;
                return;
            }
        }

        _rowUnit = (row.Index, unit);
    }

    /// <summary>
    /// False, with the error at the row's unit cell, when the row names another unit than the column's own header or units
    /// row does ("本期值（万元）" over the figures and 亿元 in the row's 单位 column): which one the figures are in cannot be told.
    /// A unit from the sheet's note gives way to the row's.
    /// </summary>
    public bool UnitsAgree(RowView row, ColumnBinding unitColumn, string unitText, MoneyUnit rowUnit, ColumnBinding amounts)
    {
        if (sheet.Units.Written(amounts) is not MoneyUnit columnUnit || columnUnit == rowUnit)
        {
            return true;
        }

        sheet.Error(RuleIds.UnitAmbiguous, row.Index, unitColumn, unitText,
            $"是{rowUnit.Name}，但“{amounts.Header.Display}”列写明单位为{columnUnit.Name}，无法确定本行数字的单位。请只保留一种写法（改单位列或改表头）后重新上传。");
        return false;
    }

    // Columns whose cells show a unit of their own in their number format, said once each.
    private readonly HashSet<int> _shownUnitSaid = [];

    // "亿元", "万元", "元", "千元" shown by a format, and the bare "亿"/"万" a format may show alone.
    private static MoneyUnit? ShownMoney(string shown)
    {
        string compact = ChineseText.Compact(shown);
        return MoneyUnit.Exactly(compact is "万" or "亿" ? compact + "元" : compact) is MoneyUnit { IsYuan: true } unit ? unit : null;
    }

    // The unit an amount cell is read in: the row's own unit where it names one, else its column's; null when the column
    // cannot be read (a foreign currency, refused once at its header).
    private MoneyUnit? AmountUnit(RowView row, ColumnBinding column)
    {
        MoneyUnit? columnUnit = sheet.Units.ReadIn(column);
        if (columnUnit is not MoneyUnit stated || _rowUnit is not (int unitRow, MoneyUnit unit) || unitRow != row.Index || !s_rowUnitAmounts.Contains(column.Spec.Key))
        {
            return columnUnit;
        }

        if (unit.PerWan != stated.PerWan)
        {
            // Read in a unit its row names, like "12.3亿元" written in the cell: no slip for the column-wide check to ask about.
            sheet.Units.ReadInRowUnit(row.Index, column.Column, unit);
        }

        return unit;
    }

    public static string TextOf(in CellValue cell) => cell.Type switch
    {
        CellType.Text => ChineseText.Tidy(cell.Text),
        CellType.Empty => string.Empty,
        _ => cell.Display,
    };

    public string? RequiredText(RowView row, string key, ref bool ok)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        string text = TextOf(row[column.Column]);
        if (text.Length == 0)
        {
            RequiredEmpty(row, column, EmptyHint);
            ok = false;
            return null;
        }

        return text;
    }

    /// <summary>The name cell is empty (after a ☆ mark was taken off): a record must have one.</summary>
    public void NameMissing(RowView row, ColumnBinding column) =>
        RequiredEmpty(row, column, EmptyHint);

    /// <summary>
    /// Text the briefing prints: a character its font lacks (an emoji, a 生僻字 beyond the font) would
    /// come out as 〓, so the clerk is told now, at the cell, with the character named.
    /// </summary>
    public string? PrintedText(RowView row, string key)
    {
        string? text = OptionalText(row, key);
        if (text is not null && sheet[key] is ColumnBinding column)
        {
            WarnIfUnprintable(row.Index, column, text);
        }

        return text;
    }

    public void WarnIfUnprintable(int row, ColumnBinding column, string text)
    {
        if (PrintableText.FirstUnprintable(text) is { } rune)
        {
            sheet.Warn(RuleIds.TextUnprintable, row, column, text, $"中的字符“{rune}”（U+{rune.Value:X4}）简报字体中没有，简报中将印为“〓”。如是生僻字，请改用通用写法或在括号内注明。");
        }
    }

    public string? OptionalText(RowView row, string key)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        string text = TextOf(row[column.Column]);
        return text.Length == 0 || ValueParser.IsPlaceholder(ChineseText.Compact(text)) ? null : text;
    }

    /// <summary>
    /// A required amount in 万元: empty is an error, and so is 待定 (a figure not known cannot be counted); a
    /// placeholder that says there is none (—, /, 无, 未开工) is zero, and <paramref name="placeholder"/> says what was written.
    /// </summary>
    public decimal RequiredAmount(RowView row, string key, ref bool ok, out string? placeholder)
    {
        placeholder = null;
        if (sheet[key] is not ColumnBinding column)
        {
            return 0m;
        }

        // A column whose unit cannot be read in (a foreign currency) was refused once, at its header.
        if (AmountUnit(row, column) is not MoneyUnit unit)
        {
            return 0m;
        }

        CellValue cell = row[column.Column];
        ParsedNumber parsed = ValueParser.Amount(cell, unit.PerWan);
        if (parsed.Status == ParseStatus.Empty)
        {
            RequiredEmpty(row, column, EmptyAmountHint);
            ok = false;
            return 0m;
        }

        if (parsed.Status == ParseStatus.Placeholder)
        {
            placeholder = cell.Display.Trim();
            if (ValueParser.IsUndecided(ChineseText.Compact(placeholder)))
            {
                sheet.Error(RuleIds.CellPlaceholder, row.Index, column, cell.Display,
                    $"不是数字：{column.Spec.Label}待定的项目无法统计。请填写目前确定的数字（万元）；确实没有请填 0。");
                ok = false;
            }

            return 0m;
        }

        return UsableAmount(parsed, row, column, cell, unit, ref ok) ?? 0m;
    }

    public decimal RequiredAmount(RowView row, string key, ref bool ok) => RequiredAmount(row, key, ref ok, out _);

    /// <summary>An optional amount: empty or placeholder is null; text that is not a number is an error all the same.</summary>
    public decimal? OptionalAmount(RowView row, string key, ref bool ok)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        if (AmountUnit(row, column) is not MoneyUnit unit)
        {
            return null;
        }

        CellValue cell = row[column.Column];
        return UsableAmount(ValueParser.Amount(cell, unit.PerWan), row, column, cell, unit, ref ok);
    }

    /// <summary>An amount of a 合计 row for the cross-check: null unless it reads as a number.</summary>
    public decimal? TotalAmount(RowView row, ColumnBinding column)
    {
        if (sheet.Units.PerWan(column) is not decimal perWan)
        {
            return null;
        }

        ParsedNumber parsed = ValueParser.Amount(row[column.Column], perWan);
        return parsed.Status == ParseStatus.Ok ? parsed.Value : null;
    }

    /// <summary>The amount, or null for an empty cell, a placeholder or a value in error; a negative amount is raised and kept.</summary>
    private decimal? UsableAmount(ParsedNumber parsed, RowView row, ColumnBinding column, CellValue cell, MoneyUnit unit, ref bool ok)
    {
        if (!IsUsable(parsed, row, column, cell, OddNegative(cell) ?? AmountHint, ref ok) || parsed.Status != ParseStatus.Ok)
        {
            return null;
        }

        // 1 formatted 0.00"亿元" in a 万元 column: the clerk sees 1.00亿元, the sheet says 万元. Which was meant cannot be told.
        if (cell.Type == CellType.Number && cell.ShownUnit is string shown && ShownMoney(shown) is MoneyUnit format && format.PerWan != unit.PerWan)
        {
            if (_shownUnitSaid.Add(column.Column))
            {
                sheet.Error(RuleIds.UnitAmbiguous, row.Index, column, cell.Display,
                    $"显示为“{cell.Display}{shown}”（单元格格式自带单位“{shown}”），而本列按{unit.Name}读取，无法确定按哪个单位计（本列其他单元格同此）。"
                    + $"请把这一列的单元格格式改为“常规”或“数值”，按{unit.Name}填写后重新上传。");
            }

            ok = false;
            return null;
        }

        // "12.3亿元" in a 万元 column says its own unit: no question about the column's unit applies to it. "1万" in a 万元 column
        // says the column's unit again, and is asked about like any figure.
        if (cell.Type == CellType.Text && ValueParser.NamedScale(cell.Text) is decimal written && written != unit.PerWan)
        {
            sheet.Units.UnitWrittenIn(row.Index, column.Column);
        }

        if (parsed.Value < 0m)
        {
            sheet.Error(RuleIds.ValueNegative, row.Index, column, cell.Display, "为负数，投资额不能为负。");
            ok = false;
        }

        return parsed.Value;
    }

    /// <summary>A metric's figure: an amount in the unit given, or a percentage when the cell or the header says so.</summary>
    public decimal? MetricNumber(RowView row, ColumnBinding column, decimal scale, bool required, ref bool ok)
    {
        CellValue cell = row[column.Column];
        bool percent = cell.PercentFormat || (cell.Type == CellType.Text && cell.Text.TrimEnd().EndsWith('%')) || column.Header.Percent;
        ParsedNumber parsed = percent ? ValueParser.Percent(cell) : ValueParser.Amount(cell, scale);
        if (parsed.Status == ParseStatus.Empty && required)
        {
            RequiredEmpty(row, column, "为空，该项必须填写（暂无数据请填“—”；显示 #DIV/0!、#REF! 等公式错误的单元格也按空值处理）。");
            ok = false;
            return null;
        }

        return IsUsable(parsed, row, column, cell, OddNegative(cell) ?? AmountHint, ref ok) && parsed.Status == ParseStatus.Ok ? parsed.Value : null;
    }

    /// <summary>Raises the finding for text that is not a number or a value too large to be real; false when it did.</summary>
    private bool IsUsable(ParsedNumber parsed, RowView row, ColumnBinding column, CellValue cell, string notNumberHint, ref bool ok)
    {
        (string RuleId, string Hint)? problem = parsed.Status switch
        {
            // A number in a cell formatted as a date shows as one (10000 as 1927-05-18): retyping keeps the format.
            ParseStatus.Invalid when cell.Type == CellType.DateTime =>
                (RuleIds.CellNotNumber, $"是日期格式：单元格中的数是{FindingSink.Format((decimal)Math.Round(cell.Date.ToOADate(), 6))}，但单元格格式为日期，显示成了日期。"
                    + "请选中这一列，把单元格格式改为“常规”或“数值”，核对数字后重新上传。"),
            ParseStatus.Invalid => (RuleIds.CellNotNumber, notNumberHint),
            ParseStatus.TooLarge => (RuleIds.ValueTooLarge, TooLargeHint),
            ParseStatus.Scaled => (RuleIds.CellScaledFormat, ScaledHint),
            _ => null,
        };
        if (problem is not { } found)
        {
            return true;
        }

        sheet.Error(found.RuleId, row.Index, column, cell.Display, found.Hint);
        ok = false;
        return false;
    }

    public string? RequiredVocabulary(RowView row, string key, Vocabulary vocabulary, string ruleId, string what, ref bool ok)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        string text = TextOf(row[column.Column]);
        if (text.Length == 0)
        {
            RequiredEmpty(row, column, EmptyHint);
            ok = false;
            return null;
        }

        string? canonical = vocabulary.Match(text, out string? suggestion);
        if (canonical is null)
        {
            string guess = suggestion is null ? string.Empty : $"（是否应为“{suggestion}”？）";
            sheet.Error(ruleId, row.Index, column, text, $"不是已知的{what}{guess}，请填写以下之一：{string.Join("、", vocabulary.Names)}。");
            ok = false;
        }

        return canonical;
    }

    /// <summary>The county of a record: from its column, else the one the sheet states for all rows.</summary>
    public string? County(RowView row, ref bool ok) =>
        sheet[FieldCatalog.County] is null
            ? sheet.Defaults.County
            : RequiredVocabulary(row, FieldCatalog.County, sheet.Run.Counties, RuleIds.CountyUnknown, "县区", ref ok);

    /// <summary>
    /// A date the row cannot be counted without (a signing's 签约时间, when the sheet has the column): empty, a placeholder or
    /// text that is no date is an error saying <paramref name="why"/>, not a date silently dropped.
    /// </summary>
    public DateOnly? RequiredDate(RowView row, string key, string why, ref bool ok)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        CellValue cell = row[column.Column];
        ParsedDate parsed = ValueParser.Date(cell, sheet.Run.GivenPeriod?.Year ?? YearlessDate.StandInYear);
        if (parsed.Status is ParseStatus.Empty or ParseStatus.Placeholder)
        {
            RequiredEmpty(row, column, $"为空。{why}");
            ok = false;
            return null;
        }

        if (parsed.Status == ParseStatus.Invalid)
        {
            sheet.Error(RuleIds.CellNotDate, row.Index, column, cell.Display, $"不是可识别的日期。{why}请填写如 2022-03-15 或 2022年3月15日。");
            ok = false;
            return null;
        }

        return OptionalDate(row, key);
    }

    public DateOnly? OptionalDate(RowView row, string key)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        CellValue cell = row[column.Column];

        // Without a year the period's is meant; before the period is settled (none given) a stand-in, replaced once it is.
        ParsedDate parsed = ValueParser.Date(cell, sheet.Run.GivenPeriod?.Year ?? YearlessDate.StandInYear);
        if (parsed is { Status: ParseStatus.Ok, YearMissing: true })
        {
            sheet.Run.YearlessDates.Add(new YearlessDate(sheet.Sheet, row.Index, column, key, cell.Display, parsed.Value.Month, parsed.Value.Day));
        }
        else if (parsed.Status == ParseStatus.Invalid)
        {
            sheet.Warn(RuleIds.CellNotDate, row.Index, column, cell.Display, "不是可识别的日期，已忽略。请填写如 2023-03-15 或 2023年3月。");
        }
        else if (parsed.Status == ParseStatus.Ok && TypedNumber(cell) is decimal typed && cell.DecimalsInFormat < 2 && parsed.Value.Month == 1 && typed - decimal.Floor(typed) == 0.1m)
        {
            // Typed 2022.10, Excel keeps the number 2022.1: January or October cannot be told.
            sheet.Warn(RuleIds.DateAmbiguous, row.Index, column, FindingSink.Format(typed),
                $"可能是{parsed.Value.Year}年1月，也可能是{parsed.Value.Year}年10月（Excel 把 2022.10 这样的数字存成 2022.1），已按1月读取。请改写为 {parsed.Value.Year}-10 或 {parsed.Value.Year}年10月这样的文字。");
        }

        return parsed.Status == ParseStatus.Ok ? parsed.Value : null;
    }

    // The number a clerk typed into a date column: the number itself, or the one under a date format (2022.1 shown as 1905-07-03).
    private static decimal? TypedNumber(in CellValue cell) => cell.Type switch
    {
        CellType.Number => (decimal)cell.Number,
        CellType.DateTime when cell.Date.ToOADate() is >= 1990 and < 2100 and double serial => (decimal)Math.Round(serial, 4),
        _ => null,
    };

    public bool? OptionalBool(RowView row, string key)
    {
        if (sheet[key] is not ColumnBinding column)
        {
            return null;
        }

        CellValue cell = row[column.Column];
        ParsedBool parsed = ValueParser.Boolean(cell);
        if (parsed.Status == ParseStatus.Invalid)
        {
            sheet.Warn(RuleIds.CellNotBoolean, row.Index, column, cell.Display, "应填写“是”或“否”，已忽略。");
        }

        return parsed.Status == ParseStatus.Ok ? parsed.Value : null;
    }

    /// <summary>A percentage in percent units; text that is not a number is an error.</summary>
    public decimal? OptionalPercent(RowView row, string key, ref bool ok) =>
        sheet[key] is ColumnBinding column ? OptionalPercent(row, column, ref ok) : null;

    /// <summary>
    /// "(5.3)" (the accountants' minus) or "4.3-" (a trailing one): a negative number written so is refused, and the message
    /// says it is negative, so that the clerk does not fix it by dropping the mark and turn a fall into a rise.
    /// </summary>
    private static string? OddNegative(in CellValue cell)
    {
        if (cell.Type != CellType.Text)
        {
            return null;
        }

        string text = ChineseText.ToHalfWidthKeepSpaces(cell.Text).Trim();
        string? digits = text.Length > 2 && text[0] == '(' && text[^1] == ')' ? text[1..^1].Trim()
            : text.Length > 1 && text[^1] == '-' ? text[..^1].Trim()
            : null;
        return digits is { Length: > 0 } && decimal.TryParse(digits.TrimEnd('%'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? $"像是负数的另一种写法（括号或末尾的负号），无法确定。如是负数，请写作 -{digits}；如不是，请去掉括号或负号。"
            : null;
    }

    /// <summary>A cell written as a percentage: "23.3%", "增长23.3%", or a number in a percent format.</summary>
    public static bool WrittenAsPercent(in CellValue cell) =>
        cell.PercentFormat || (cell.Type == CellType.Text && cell.Text.TrimEnd().EndsWith('%'));

    public decimal? OptionalPercent(RowView row, ColumnBinding column, ref bool ok)
    {
        CellValue cell = row[column.Column];
        ParsedNumber parsed = ValueParser.Percent(cell);
        // "△8.2" marks a fall in some statistical tables and a rise in others: asked, never guessed, and the clerk is told
        // the mark is the sign, so that dropping it does not turn a fall into a rise.
        string hint = cell.Type == CellType.Text && cell.Text.TrimStart() is { Length: > 1 } marked && marked[0] is '△' or '▽'
            ? $"不是有效的百分比：“{marked[0]}”表示增减的方向，不能省略。请改写为带正负号的数，下降写作 -{marked[1..].Trim()}，增长写作 {marked[1..].Trim()}。"
            : OddNegative(cell) ?? "不是有效的百分比，请填写如 24.7 或 24.7%。";
        IsUsable(parsed, row, column, cell, hint, ref ok);
        return parsed.Status == ParseStatus.Ok ? parsed.Value : null;
    }
}
