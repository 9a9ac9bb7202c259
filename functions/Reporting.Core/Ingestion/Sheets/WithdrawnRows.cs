using Reporting.Core.Ingestion.Headers;
using Reporting.Core.Ingestion.Parsing;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// A row a clerk marked as withdrawn in its 备注 (已调出, 项目已取消, 已删除, 退库) but left in the table with its figures.
/// Counting it inflates the count and the plan; leaving it out guesses what the office decides (调出 a project from the
/// list is its call, and "部分建设内容已取消" is still a project). So the file is refused with the question, at the cell.
/// </summary>
internal static class WithdrawnRows
{
    // Compact forms (no spaces or punctuation). These say it of the project wherever they stand in the remark...
    private static readonly string[] s_anywhere =
    [
        "调出调度", "调出清单", "调出项目库", "退库", "项目已调出", "项目已取消", "项目取消", "项目已终止", "项目终止", "项目已删除", "项目已撤销",
        "不再调度", "不再纳入", "不纳入统计", "剔除",
    ];

    // ...these only when the remark opens with them: "已调出" is the project, "资金已调出至二期" is not...
    private static readonly string[] s_opening = ["已调出", "已取消", "已删除", "已撤销", "已终止", "已退出"];

    // ...and these only as the whole remark: "取消部分建设内容" is about the content.
    private static readonly string[] s_whole = ["调出", "取消", "删除", "撤销", "终止", "退出", "作废"];

    /// <summary>Refuses the row when its 备注 says it is withdrawn; true when it did.</summary>
    public static bool Refuse(SheetContext sheet, CellReader cells, RowView row)
    {
        // Struck through, the way offices cross a project out on paper: the same question, at the project's name.
        if (sheet.Run.Struck.TryGetValue(sheet.Sheet, out IReadOnlySet<int>? struck) && struck.Contains(row.Index) && sheet[FieldCatalog.Name] is ColumnBinding name)
        {
            sheet.Error(RuleIds.RowWithdrawn, row.Index, name, CellReader.TextOf(row[name.Column]),
                "所在的这一行文字加了删除线（通常表示该项目已调出或取消），但这一行仍在表中，会被计入项目个数和投资额。如该项目不再调度，请删除这一行；如仍应计入，请去掉删除线，然后重新上传。");
            return true;
        }

        if (sheet[FieldCatalog.WithdrawnFlag] is ColumnBinding flag && cells.OptionalBool(row, FieldCatalog.WithdrawnFlag) == true)
        {
            sheet.Error(RuleIds.RowWithdrawn, row.Index, flag, row[flag.Column].Text,
                "说明该项目已调出，但这一行仍在表中，会被计入项目个数和投资额。如该项目不再调度，请删除这一行；如仍应计入，请改为“否”，然后重新上传。");
            return true;
        }

        if (sheet[FieldCatalog.Remarks] is not ColumnBinding column || cells.OptionalText(row, FieldCatalog.Remarks) is not string remark)
        {
            return false;
        }

        string compact = ChineseText.Compact(remark);
        if (!s_anywhere.Any(marker => compact.Contains(marker, StringComparison.Ordinal))
            && !s_opening.Any(marker => compact.StartsWith(marker, StringComparison.Ordinal))
            && !s_whole.Contains(compact, StringComparer.Ordinal))
        {
            return false;
        }

        sheet.Error(RuleIds.RowWithdrawn, row.Index, column, remark,
            "说明该项目已调出或已取消，但这一行仍在表中，会被计入项目个数和投资额。如该项目不再调度，请删除这一行；如仍应计入，请修改备注，然后重新上传。");
        return true;
    }
}
