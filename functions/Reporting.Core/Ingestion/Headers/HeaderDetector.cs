using ExcelDataReader;
using Reporting.Core.Ingestion.Parsing;
using Reporting.Core.Ingestion.Reading;

namespace Reporting.Core.Ingestion.Headers;

/// <summary>A column bound to a canonical field, with its header as written and its unit.</summary>
internal sealed record ColumnBinding(FieldSpec Spec, int Column, HeaderText Header);

/// <summary>How one kind's fields map onto a sheet's header.</summary>
internal sealed record KindMatch(DatasetKind Kind, IReadOnlyDictionary<string, ColumnBinding> Columns, int Score, int Distinctive, IReadOnlyList<FieldSpec> MissingRequired)
{
    public bool Complete => MissingRequired.Count == 0;

    public ColumnBinding? this[string key] => Columns.GetValueOrDefault(key);
}

/// <summary>
/// The period a sheet reports, as far as is known before its columns are matched (the upload's, or a line above
/// the header): among columns naming one field, the period's year and month win over another year's or month's.
/// </summary>
internal readonly record struct PeriodHint(int Year, int? Month);

/// <summary>The header found in a sheet: rows it spans (0-based, inclusive) and the best kind.</summary>
internal sealed record HeaderLayout(int FirstRow, int LastRow, KindMatch Match, IReadOnlyList<HeaderText> Headers)
{
    /// <summary>The header matched fields of some kind, but not clearly enough to name the kind.</summary>
    public bool KindKnown => Match.Distinctive > 0;
}

/// <summary>
/// Finds the header in the first rows of a sheet: scores each row by the known headers it holds,
/// joins up to three header rows (filling merged group cells across their sub-headers), then picks
/// the kind whose fields match best.
/// </summary>
internal static class HeaderDetector
{
    public const int ScanRows = 20;

    /// <summary>A header row names at least this many fields of one kind.</summary>
    private const int MinimumFields = 2;

    public static HeaderLayout? Detect(IReadOnlyList<CellValue[]> rows, IReadOnlyList<CellRange> merges, Func<int, bool> isHidden)
    {
        int width = 0;
        foreach (CellValue[] row in rows)
        {
            width = Math.Max(width, row.Length);
        }

        int best = -1;
        int bestScore = 0;
        int bestFields = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            if (!IsHeaderLike(rows[r]))
            {
                continue;
            }

            (int fields, int score) = Evaluate(Join(rows, merges, r, r, width), isHidden);
            if (fields >= MinimumFields && score > bestScore)
            {
                best = r;
                bestScore = score;
                bestFields = fields;
            }
        }

        if (best < 0)
        {
            return null;
        }

        int first = best;
        int last = best;

        // Sub-header rows below: kept when they add to the match, or sit under merged group headers without
        // losing a field ("年度计划投资" over "合计 | 其中：中央预算内" names the same field less exactly).
        while (last + 1 < rows.Count && last - first < 2 && IsHeaderLike(rows[last + 1]) && !IsColumnNumberRow(rows[last + 1]))
        {
            (int withFields, int with) = Evaluate(Join(rows, merges, first, last + 1, width), isHidden);
            if (with > bestScore || (withFields >= bestFields && IsUnderGroups(rows, merges, last, rows[last + 1])))
            {
                last++;
                bestScore = with;
                bestFields = Math.Max(bestFields, withFields);
            }
            else
            {
                break;
            }
        }

        // Group rows above ("本年度计划" over "投资" and "进度"): kept only when they improve the match.
        while (first > 0 && last - first < 2 && IsHeaderLike(rows[first - 1]))
        {
            int with = Evaluate(Join(rows, merges, first - 1, last, width), isHidden).Score;
            if (with > bestScore)
            {
                first--;
                bestScore = with;
            }
            else
            {
                break;
            }
        }

        IReadOnlyList<HeaderText> headers = Join(rows, merges, first, last, width);
        return new HeaderLayout(first, last, BestKind(headers, isHidden), headers);
    }

    /// <summary>
    /// A header row above the chosen one, of the same kind (the name and another field), with rows of figures between
    /// them: a first table whose header names fewer columns than the second's ("续建项目" above "新建项目" with a
    /// 总投资 column added). Its rows would be taken for notes above the header and left out without a word.
    /// </summary>
    public static int? EarlierTable(IReadOnlyList<CellValue[]> rows, IReadOnlyList<CellRange> merges, HeaderLayout layout, Func<int, bool> isHidden)
    {
        int width = layout.Headers.Count;
        bool figuresBelow = false;
        for (int r = layout.FirstRow - 1; r >= 0; r--)
        {
            if (!IsHeaderLike(rows[r]))
            {
                figuresBelow |= rows[r].Any(c => c.Type == CellType.Number);
                continue;
            }

            KindMatch match = Match(layout.Match.Kind, Join(rows, merges, r, r, width), isHidden);
            if (figuresBelow && match.Columns.Count >= MinimumFields && match[FieldCatalog.Name] is not null)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>
    /// A second table beside the first under the same header row ("指标名称 | 单位 | 1-12月 | 同比 | 指标名称 | 单位 | …",
    /// laid out so a list fits one printed page): the column where the repeated name header stands, whose block no field
    /// is bound to. Its rows would be dropped without a word.
    /// </summary>
    public static int? SideBySideBlock(HeaderLayout layout)
    {
        if (layout.Match[FieldCatalog.Name] is not ColumnBinding name)
        {
            return null;
        }

        IReadOnlyList<HeaderText> headers = layout.Headers;
        for (int c = name.Column + 1; c < headers.Count - 1; c++)
        {
            if (headers[c].Key != name.Header.Key || layout.Match.Columns.Values.Any(b => b.Column == c))
            {
                continue;
            }

            // The block repeats: the header right of the second name is the one right of the first, and a figure column of the
            // first block stands again at the same distance in the second.
            int offset = c - name.Column;
            string next = headers[name.Column + 1].Key;
            bool figureRepeats = layout.Match.Columns.Values.Any(b =>
                b.Spec.Kind is ValueKind.Number or ValueKind.Amount
                && b.Column > name.Column && b.Column < c
                && b.Column + offset < headers.Count && headers[b.Column + offset].Key == b.Header.Key);
            if (next.Length > 0 && headers[c + 1].Key == next && figureRepeats)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>How header-like a set of headers is: the most fields and the best score any kind reaches.</summary>
    private static (int Fields, int Score) Evaluate(IReadOnlyList<HeaderText> headers, Func<int, bool> isHidden)
    {
        int fields = 0;
        int score = 0;
        foreach (DatasetKind kind in FieldCatalog.Kinds)
        {
            KindMatch match = Match(kind, headers, isHidden);
            fields = Math.Max(fields, match.Columns.Count);
            score = Math.Max(score, match.Score);
        }

        return (fields, score);
    }

    /// <summary>The kind with all required fields (best score), else the kind with the most distinctive fields.</summary>
    public static KindMatch BestKind(IReadOnlyList<HeaderText> headers, Func<int, bool> isHidden, PeriodHint? period = null)
    {
        KindMatch? best = null;
        foreach (DatasetKind kind in FieldCatalog.Kinds)
        {
            KindMatch match = Match(kind, headers, isHidden, period);
            if (best is null || Better(match, best))
            {
                best = match;
            }
        }

        return best!;
    }

    private static bool Better(KindMatch candidate, KindMatch current)
    {
        if (candidate.Complete != current.Complete)
        {
            // A 调度表 that lacks only its 年度计划 column still has far more project columns than the
            // signings columns its 总投资 happens to fill: call it what it is and name the missing column.
            KindMatch complete = candidate.Complete ? candidate : current;
            KindMatch nearly = candidate.Complete ? current : candidate;
            bool nearlyWins = nearly.MissingRequired.Count == 1 && nearly.Distinctive > complete.Distinctive + 1;
            return candidate.Complete ? !nearlyWins : nearlyWins;
        }

        if (candidate.Distinctive != current.Distinctive)
        {
            return candidate.Distinctive > current.Distinctive;
        }

        return candidate.Score > current.Score;
    }

    public static KindMatch Match(DatasetKind kind, IReadOnlyList<HeaderText> headers, Func<int, bool> isHidden, PeriodHint? period = null)
    {
        IReadOnlyList<FieldSpec> specs = FieldCatalog.For(kind);
        int? periodYear = period?.Year ?? headers.FirstOrDefault(h => h.Year is not null && h.Month is not null)?.Year;

        // Without a stated month the latest one the headers name is the period's ("1-11月累计 | 12月 | 1-12月累计").
        int? periodMonth = period is { Month: int stated } ? stated : headers.Where(h => h.Month is not null && !h.MonthlyOnly).Max(h => h.Month);
        var candidates = new List<(int Score, bool Hidden, int Column, FieldSpec Spec)>();
        for (int c = 0; c < headers.Count; c++)
        {
            HeaderText header = headers[c];
            if (header.Key.Length == 0)
            {
                continue;
            }

            // A group header merged over columns whose sub-headers were not joined ("投资完成情况" over 12月 | 1-12月 | %)
            // names no one of them: which holds the figure cannot be told.
            foreach (FieldSpec spec in specs)
            {
                if (header.SharedGroup && spec.Kind is ValueKind.Amount or ValueKind.Number or ValueKind.Percent)
                {
                    continue;
                }

                int score = spec.Score(header.Key);
                if (score == 0 && spec.Key == FieldCatalog.Completed)
                {
                    score = ThisYearsPart(header, periodYear);
                }

                if (score > 0 && Fits(spec, header, periodYear))
                {
                    candidates.Add((score + Preference(spec, header, periodYear, periodMonth), isHidden(c), c, spec));
                }
            }
        }

        // Visible columns first (a hidden column is usually last month's copy), then the most specific header, then the leftmost.
        candidates.Sort((a, b) => a.Hidden != b.Hidden ? a.Hidden.CompareTo(b.Hidden) : a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Column.CompareTo(b.Column));
        var columns = new Dictionary<string, ColumnBinding>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        int total = 0;
        int distinctive = 0;
        foreach ((int score, bool _, int column, FieldSpec spec) in candidates)
        {
            if (columns.ContainsKey(spec.Key) || !used.Add(column))
            {
                continue;
            }

            columns[spec.Key] = new ColumnBinding(spec, column, headers[column]);
            total += (spec.Required ? 1000 : 100) + score;
            distinctive += spec.Distinctive ? 1 : 0;
        }

        PairWithValue(columns, headers, used);
        FieldSpec[] missing = [.. specs.Where(s => s.Required && !columns.ContainsKey(s.Key))];
        return new KindMatch(kind, columns, total, distinctive, missing);
    }

    // "12月 | 同比增长（%） | 1-12月 | 同比增长（%）": two columns with one header each belong to the figure left of them, so the
    // growth and last year's figure are the ones nearest right of the value column (the leftmost was taken: this month's).
    private static void PairWithValue(Dictionary<string, ColumnBinding> columns, IReadOnlyList<HeaderText> headers, HashSet<int> used)
    {
        if (!columns.TryGetValue(FieldCatalog.Value, out ColumnBinding? value))
        {
            return;
        }

        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.Yoy, FieldCatalog.Prior])
        {
            if (!columns.TryGetValue(key, out ColumnBinding? bound) || bound.Column > value.Column)
            {
                continue;
            }

            for (int c = value.Column + 1; c < headers.Count; c++)
            {
                if (headers[c].Key == bound.Header.Key && !used.Contains(c))
                {
                    used.Remove(bound.Column);
                    used.Add(c);
                    columns[key] = bound with { Column = c, Header = headers[c] };
                    break;
                }
            }
        }
    }

    // A percentage column is never an amount, and an amount column never a percentage. One month's own
    // figure ("12月完成投资") is not the cumulative completion; a plan up to a month before December is
    // the 序时 plan, not the year's; another year's plan or completion ("2023年计划投资" in the 2022 table,
    // "2021年度/完成投资") is never this year's.
    //
    // Growth is a rate: a column in money ("同比增减（亿元）"), a 增减 column that does not say % (an amount, by the
    // statistical tables' usage: 增减 is the change, 增长/增速/增幅 the rate), or last year's own growth ("上年同期增速",
    // as opposed to "比上年同期增长") is never this year's growth.
    private static bool Fits(FieldSpec spec, HeaderText header, int? periodYear) => spec.Kind switch
    {
        _ when spec.Key == FieldCatalog.Yoy && (header.Unit.Unit is not null || (!header.Percent && IsAmountChange(header.Key)) || NamesLastYearsOwn(header.Key)) => false,
        _ when spec.Key == FieldCatalog.YoyChange && NamesLastYearsOwn(header.Key) => false,
        _ when spec.Key == FieldCatalog.Completed && header.MonthlyOnly => false,
        _ when spec.Key == FieldCatalog.AnnualPlan && header.Month is int month && month != 12 => false,
        _ when spec.Key is FieldCatalog.AnnualPlan or FieldCatalog.Completed && header.Year is int year && periodYear is int own && year != own => false,
        ValueKind.Amount or ValueKind.Number => !header.Percent,
        _ => true,
    };

    private static bool IsAmountChange(string key) => ChineseText.ContainsAny(key, ["增减", "增加额", "增量", "增长额", "减少额"]);

    // "上年同期增速", "去年增长": 上年 not after 比/较 ("比上年同期增长" compares with last year) names last year's own figure.
    private static bool NamesLastYearsOwn(string key)
    {
        foreach (string year in (ReadOnlySpan<string>)["上年", "去年"])
        {
            for (int at = key.IndexOf(year, StringComparison.Ordinal); at >= 0; at = key.IndexOf(year, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || key[at - 1] is not ('比' or '较' or '于'))
                {
                    return !key.Contains("相比", StringComparison.Ordinal) && !key.Contains("同比", StringComparison.Ordinal);
                }
            }
        }

        return false;
    }

    // Among headers naming the same field: the 合计 sub-column over its parts, the period's year over
    // another year ("2022年计划投资" over next year's "2023年计划投资"), the period's month over last month's
    // helper column ("1-11月累计", "截至11月底"), a running total over one month, the adjusted plan over the
    // plan of the beginning of the year.
    private static int Preference(FieldSpec spec, HeaderText header, int? periodYear, int? periodMonth)
    {
        int preference = 0;
        if (spec.Kind is ValueKind.Amount or ValueKind.Number && ChineseText.ContainsAny(header.Key, ["合计", "小计", "总计"]))
        {
            preference += 2;
        }

        if (periodYear is int year && header.Year is int own && own != year)
        {
            preference -= 2;
        }

        if (header.MonthlyOnly)
        {
            preference -= 1;
        }

        if (spec.Key != FieldCatalog.AnnualPlan && periodMonth is int month && header.Month is int ownMonth && ownMonth != month && !header.MonthlyOnly)
        {
            preference -= 2;
        }

        if (spec.Key == FieldCatalog.AnnualPlan && header.Key.Contains("调整", StringComparison.Ordinal))
        {
            preference += 3;
        }

        // "2022年完成投资" or "本年完成" beside a bare "（项目）累计完成投资": the bare one runs since the project started.
        if (spec.Key == FieldCatalog.Completed && NamesThisYear(header, periodYear))
        {
            preference += 2;
        }

        return preference;
    }

    // "其中：本年完成投资", "其中：2022年1-12月完成" right of a 累计完成投资: the part of the running total done this
    // year is the year's completion, and outranks the total it is part of. Any other 其中 column is a part of the
    // figure (中央预算内, 专项债), never the figure.
    private static int ThisYearsPart(HeaderText header, int? periodYear) =>
        NamesThisYear(header, periodYear)
        && header.Key.Contains("其中", StringComparison.Ordinal)
        && header.Key.Contains("完成", StringComparison.Ordinal)
        && !ChineseText.ContainsAny(header.Key, s_notThisYearsPart)
            ? 5
            : 0;

    private static readonly string[] s_notThisYearsPart =
    [
        "上年", "去年", "同期", "上月", "上期", "本月", "当月", "率", "比例", "计划", "序时", "开工以来", "自开工", "建设以来", "至今", "历年",
        "中央", "省级", "市级", "预算", "债", "资金", "贷款", "国有", "民间", "外资", "政府",
    ];

    private static bool NamesThisYear(HeaderText header, int? periodYear) =>
        ChineseText.ContainsAny(header.Key, ["本年", "今年"]) || (header.Year is int year && year == periodYear);

    /// <summary>Joined header text per column over rows first..last, merged cells filled across their range.</summary>
    public static IReadOnlyList<HeaderText> Join(IReadOnlyList<CellValue[]> rows, IReadOnlyList<CellRange> merges, int first, int last, int width)
    {
        var result = new HeaderText[width];
        var parts = new List<string>(3);
        for (int c = 0; c < width; c++)
        {
            parts.Clear();
            for (int r = first; r <= last; r++)
            {
                string text = TextAt(rows, merges, r, c, first, last);
                if (text.Length > 0 && (parts.Count == 0 || parts[^1] != text))
                {
                    parts.Add(text);
                }
            }

            if (parts.Count == 0)
            {
                result[c] = HeaderText.Blank;
                continue;
            }

            HeaderText analyzed = HeaderText.Analyze(string.Concat(parts));
            result[c] = parts.Count == 1 ? analyzed : analyzed with { Display = string.Join("/", parts.Select(ChineseText.Tidy)) };
        }

        MarkSharedGroups(result, merges, first, last);
        ResolveYearColumns(result);
        return result;
    }

    // A group cell merged across columns with nothing below it to tell them apart gives them all one header.
    private static void MarkSharedGroups(HeaderText[] headers, IReadOnlyList<CellRange> merges, int first, int last)
    {
        foreach (CellRange range in merges)
        {
            if (range.ToColumn <= range.FromColumn || range.FromRow < first || range.FromRow > last || range.ToColumn >= headers.Length)
            {
                continue;
            }

            string display = headers[range.FromColumn].Display;
            bool same = display.Length > 0;
            for (int c = range.FromColumn + 1; c <= range.ToColumn && same; c++)
            {
                same = headers[c].Display == display;
            }

            for (int c = range.FromColumn; c <= range.ToColumn && same; c++)
            {
                headers[c] = headers[c] with { SharedGroup = true };
            }
        }
    }

    /// <summary>
    /// "2022年 | 2021年" over the figures: the latest year is the period's value, the year before is
    /// last year's. A single year column is the value.
    /// </summary>
    private static void ResolveYearColumns(HeaderText[] headers)
    {
        int latest = 0;
        int count = 0;
        int latestPeriod = 0;
        foreach (HeaderText header in headers)
        {
            if (header.YearOnly)
            {
                latest = Math.Max(latest, header.Year!.Value);
                count++;
            }
            else if (header.Key == HeaderText.PeriodKey && header.Year is int year)
            {
                latestPeriod = Math.Max(latestPeriod, year);
            }
        }

        // "2022年1-12月 | 2021年1-12月": the same months of the year before are last year's figure.
        for (int c = 0; c < headers.Length && latestPeriod > 0; c++)
        {
            if (headers[c] is { YearOnly: false, Year: int year, Month: int month } header && header.Key == HeaderText.PeriodKey && year == latestPeriod - 1
                && Array.Exists(headers, h => h.Key == HeaderText.PeriodKey && h.Year == latestPeriod && h.Month == month))
            {
                headers[c] = header with { Key = "上年同期" };
            }
        }

        if (count == 0)
        {
            return;
        }

        for (int c = 0; c < headers.Length; c++)
        {
            HeaderText header = headers[c];
            if (header.YearOnly && header.Year == latest)
            {
                headers[c] = header with { Key = HeaderText.PeriodKey };
            }
            else if (header.YearOnly && header.Year == latest - 1)
            {
                headers[c] = header with { Key = "上年同期" };
            }
        }
    }

    private static string TextAt(IReadOnlyList<CellValue[]> rows, IReadOnlyList<CellRange> merges, int r, int c, int first, int last)
    {
        string own = CellText(rows, r, c);
        if (own.Length > 0)
        {
            return own;
        }

        foreach (CellRange range in merges)
        {
            if (range.FromRow <= r && r <= range.ToRow && range.FromColumn <= c && c <= range.ToColumn && range.FromRow >= first)
            {
                return CellText(rows, range.FromRow, range.FromColumn);
            }
        }

        // Without merge information (CSV) a group header is written once, over its first sub-column:
        // carry it right while the row below has sub-headers and this row is still blank.
        if (merges.Count == 0 && r < last && CellText(rows, r + 1, c).Length > 0)
        {
            for (int left = c - 1; left >= 0; left--)
            {
                if (CellText(rows, r + 1, left).Length == 0)
                {
                    break;
                }

                string text = CellText(rows, r, left);
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }

        return string.Empty;
    }

    private static string CellText(IReadOnlyList<CellValue[]> rows, int r, int c)
    {
        if (r < 0 || r >= rows.Count || c >= rows[r].Length)
        {
            return string.Empty;
        }

        CellValue cell = rows[r][c];
        return cell.Type == CellType.Text ? cell.Text.Trim() : string.Empty;
    }

    /// <summary>Every filled cell of <paramref name="below"/> sits under a blank or merged group cell of row <paramref name="above"/>.</summary>
    private static bool IsUnderGroups(IReadOnlyList<CellValue[]> rows, IReadOnlyList<CellRange> merges, int above, CellValue[] below)
    {
        bool any = false;
        for (int c = 0; c < below.Length; c++)
        {
            if (below[c].IsEmpty)
            {
                continue;
            }

            any = true;
            bool blankAbove = CellText(rows, above, c).Length == 0;
            bool groupAbove = merges.Any(m => m.FromRow <= above && above <= m.ToRow && m.FromColumn <= c && c <= m.ToColumn && m.ToColumn > m.FromColumn);
            if (!blankAbove && !groupAbove)
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>Text only: no numbers, dates or numeric text (data rows always carry some).</summary>
    public static bool IsHeaderLike(CellValue[] row)
    {
        int texts = 0;
        foreach (CellValue cell in row)
        {
            switch (cell.Type)
            {
                case CellType.Empty:
                    continue;
                case CellType.Text:
                    ParsedNumber number = ValueParser.ParseText(cell.Text, 1m, allowPercent: true, out _);
                    if (number.Status is ParseStatus.Ok or ParseStatus.Placeholder)
                    {
                        return false;
                    }

                    texts++;
                    break;
                default:
                    return false;
            }
        }

        return texts > 0;
    }

    /// <summary>A 栏次 row under the header: 1, 2, 3… (numbers or text) or 甲, 乙, 丙…, at least three of them.</summary>
    public static bool IsColumnNumberRow(CellValue[] row)
    {
        int count = 0;
        int previous = 0;
        foreach (CellValue cell in row)
        {
            switch (cell.Type)
            {
                case CellType.Empty:
                    continue;
                case CellType.Number when cell.Number == Math.Floor(cell.Number) && cell.Number is > 0 and < 500:
                    int value = (int)cell.Number;
                    if (previous != 0 && value != previous + 1)
                    {
                        return false;
                    }

                    previous = value;
                    count++;
                    break;
                case CellType.Text:
                    string text = ChineseText.Compact(cell.Text);
                    if (int.TryParse(text, out int parsed) && parsed is > 0 and < 500)
                    {
                        if (previous != 0 && parsed != previous + 1)
                        {
                            return false;
                        }

                        previous = parsed;
                        count++;
                    }
                    else if (text is "栏次" or "甲" or "乙" or "丙" or "丁" or "戊" or "己" or "庚" or "辛" or "壬" or "癸" or "A" or "B" or "C")
                    {
                        count++;
                    }
                    else
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return count >= 3;
    }
}
