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
        "不再调度", "不再纳入", "不纳入统计", "剔除", "出库", "终止实施", "停止实施",
    ];

    /// <summary>A section whose heading says its rows are out ("三、退库项目（2个）", "调出项目"): the words that say so.</summary>
    public static bool NamesWithdrawn(string label) =>
        ChineseText.ContainsAny(ChineseText.Compact(label), ["退库", "调出", "出库", "取消", "终止", "撤销", "不再纳入", "剔除"]);

    // ...these only when the remark opens with them: "已调出" is the project, "资金已调出至二期" is not...
    private static readonly string[] s_opening = ["已调出", "已取消", "已删除", "已撤销", "已终止", "已退出"];

    // ...and these only as the whole remark: "取消部分建设内容" is about the content.
    private static readonly string[] s_whole = ["调出", "取消", "删除", "撤销", "终止", "退出", "作废"];

    /// <summary>Refuses the row when its 备注 or 项目状态 (or the section it stands in) says it is withdrawn; true when it did.</summary>
    public static bool Refuse(SheetContext sheet, CellReader cells, RowView row, string? withdrawnSection = null)
    {
        if (withdrawnSection is not null && sheet[FieldCatalog.Name] is ColumnBinding listed)
        {
            sheet.Error(RuleIds.RowWithdrawn, row.Index, listed, CellReader.TextOf(row[listed.Column]),
                $"列在分组“{withdrawnSection}”下（该分组说明这些项目已调出或取消），但这一行仍在表中，会被计入项目个数和投资额。如这些项目不再调度，请删除这些行（连同分组行）；如仍应计入，请把它们移到其他分组下，然后重新上传。");
            return true;
        }

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

        foreach (string key in (ReadOnlySpan<string>)[FieldCatalog.Remarks, FieldCatalog.ProjectStatus])
        {
            if (sheet[key] is ColumnBinding column && cells.OptionalText(row, key) is string remark && SaysWithdrawn(remark))
            {
                sheet.Error(RuleIds.RowWithdrawn, row.Index, column, remark,
                    $"说明该项目已调出或已取消，但这一行仍在表中，会被计入项目个数和投资额。如该项目不再调度，请删除这一行；如仍应计入，请修改{column.Spec.Label}，然后重新上传。");
                return true;
            }
        }

        return false;
    }

    private static bool SaysWithdrawn(string remark)
    {
        string compact = ChineseText.Compact(remark);
        return s_anywhere.Any(marker => compact.Contains(marker, StringComparison.Ordinal))
            || s_opening.Any(marker => compact.StartsWith(marker, StringComparison.Ordinal))
            || s_whole.Contains(compact, StringComparer.Ordinal);
    }
}
