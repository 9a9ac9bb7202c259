using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// The same project twice in one file, on one sheet or across its sheets, by <see cref="ProjectIdentity"/>'s
/// rule (the one the indicators use across files): the copies agreeing on every figure are counted once
/// with a warning naming both rows; copies that disagree refuse the file, since nobody can tell which is right.
/// </summary>
internal sealed class InFileDuplicates
{
    private readonly ProjectIndex<ProjectRecord> _projects = new();
    private readonly ProjectIndex<SigningCopy> _signings = new();

    /// <summary>Whether the project is to be counted: true for its first copy, false for a later copy or a copy in conflict.</summary>
    public bool IsFirstCopy(SheetContext sheet, int row, ProjectRecord record)
    {
        ProjectKey key = ProjectIdentity.KeyOf(record);
        IdentityMatch match = _projects.Find(key, out ProjectRecord? first);
        // A copy registers the keys it adds (its name under another code, its code under another name), so
        // a third row matching only those is found too.
        _projects.Add(key, record);
        if (match == IdentityMatch.None)
        {
            return true;
        }

        if (match == IdentityMatch.SameNameOtherCode)
        {
            sheet.Warn(RuleIds.ProjectDuplicate, row, sheet[FieldCatalog.Name]!, record.Name,
                $"与{Where(sheet, first!.Source)}的项目重复（项目名称和县区相同），但项目代码不同（{first.Code}、{record.Code}），按两个项目分别统计。"
                + "如是同一项目，请删除重复行；如不是，请在项目名称中加以区分。");
            return true;
        }

        string differences = Differences(
            sheet,
            first!.Source,
            row + 1,
            ("年度计划投资", first.AnnualPlan, record.AnnualPlan),
            ("累计完成投资", first.Completed, record.Completed),
            ("总投资", first.TotalInvestment, record.TotalInvestment));
        return Decide(sheet, row, record.Name, first.Source, Why(match), differences);
    }

    /// <summary>
    /// As for projects, with the same name and county making the same signing (signings have no code). The first copy is
    /// counted; whether it is a 5020 project is what a copy says of it: a copy on a "5020项目" sheet makes a first copy
    /// that said nothing a 5020 project, and copies saying 是 and 否 disagree.
    /// </summary>
    public bool IsFirstCopy(SheetContext sheet, int row, SigningRecord record, bool is5020Stated)
    {
        ProjectKey key = ProjectIdentity.KeyOf(null, record.Name, record.County);
        if (_signings.Find(key, out SigningCopy? first) == IdentityMatch.None)
        {
            _signings.Add(key, new SigningCopy(record, is5020Stated, sheet.Run.Signings.Count));
            return true;
        }

        SigningRecord counted = first!.Record;
        string differences = Differences(
            sheet,
            counted.Source,
            row + 1,
            ("签约金额", counted.Amount, record.Amount),
            ("外资", counted.ForeignAmountUsd, record.ForeignAmountUsd));
        if (counted.Is5020 != record.Is5020 && is5020Stated)
        {
            if (first.Is5020Stated)
            {
                string membership = $"“是否5020项目”{Where(sheet, counted.Source)}为{YesNo(counted.Is5020)}、{(counted.Source.Sheet == sheet.Sheet ? "" : "本表")}第{row + 1}行为{YesNo(record.Is5020)}";
                differences = differences.Length == 0 ? membership : differences + "，" + membership;
            }
            else if (differences.Length == 0)
            {
                first.Record = counted with { Is5020 = record.Is5020 };
                first.Is5020Stated = true;
                sheet.Run.Signings[first.Position] = first.Record;
            }
        }

        return Decide(sheet, row, record.Name, counted.Source, Why(IdentityMatch.SameNameAndCounty), differences);
    }

    private static string YesNo(bool yes) => yes ? "是" : "否";

    private sealed class SigningCopy(SigningRecord record, bool is5020Stated, int position)
    {
        public SigningRecord Record { get; set; } = record;

        public bool Is5020Stated { get; set; } = is5020Stated;

        /// <summary>Where the counted copy stands in the run's signings, to be replaced when a later copy says more.</summary>
        public int Position { get; } = position;
    }

    private static bool Decide(SheetContext sheet, int row, string name, SourceRef first, string why, string differences)
    {
        ColumnBinding nameColumn = sheet[FieldCatalog.Name]!;
        string where = Where(sheet, first);
        if (differences.Length == 0)
        {
            sheet.Warn(RuleIds.ProjectDuplicate, row, nameColumn, name, $"与{where}的项目重复（{why}），两行数字相同，只计一次。请删除重复行。");
            return false;
        }

        // A visible copy of last month's sheet repeats every project with older figures: say what to do with it.
        string lastMonth = first.Sheet != sheet.Sheet && (sheet.Sheet.Contains("上月", StringComparison.Ordinal) || sheet.Sheet.Contains("上期", StringComparison.Ordinal))
            ? $"如工作表“{sheet.Sheet}”是上月的数据，请删除该工作表（或将其隐藏）后重新上传。"
            : string.Empty;
        sheet.Error(RuleIds.ProjectDuplicateConflict, row, nameColumn, name,
            $"与{where}的项目重复（{why}），但{differences}，无法确定以哪一行为准。同一项目只能填报一行，请删除或合并重复行后重新上传。{lastMonth}");
        return false;
    }

    private static string Why(IdentityMatch match) => match == IdentityMatch.SameCode ? "项目代码相同" : "项目名称和县区相同";

    private static string Where(SheetContext sheet, SourceRef first) =>
        first.Sheet == sheet.Sheet ? $"第{first.Row}行" : $"工作表“{first.Sheet}”第{first.Row}行";

    // "年度计划投资第3行为10万元、第5行为12万元" (across sheets: "工作表“本月”第5行为…、本表第5行为…"); empty when every
    // figure agrees. A figure stated in one copy only is no disagreement.
    private static string Differences(SheetContext sheet, SourceRef first, int thisRow, params ReadOnlySpan<(string Label, decimal? First, decimal? This)> figures)
    {
        string firstRow = Where(sheet, first);
        string thisOne = first.Sheet == sheet.Sheet ? $"第{thisRow}行" : $"本表第{thisRow}行";
        var parts = new List<string>();
        foreach ((string label, decimal? a, decimal? b) in figures)
        {
            if (a is decimal x && b is decimal y && x != y)
            {
                parts.Add($"{label}{firstRow}为{FindingSink.Format(x)}万元、{thisOne}为{FindingSink.Format(y)}万元");
            }
        }

        return string.Join("，", parts);
    }
}
