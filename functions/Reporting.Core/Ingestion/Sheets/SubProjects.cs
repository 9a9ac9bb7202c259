using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// A project row followed by its numbered sub-projects (序号 3, then 3.1 and 3.2): counting both would count
/// the money twice. The sub-rows are held until the next row of another number; when they add up to their
/// parent they are its breakdown and only the parent counts (said once); when they do not, which rows are the
/// projects cannot be told and the file is refused with the question.
/// </summary>
internal sealed class SubProjects(SheetContext sheet)
{
    private readonly List<(int Row, string Serial, ProjectRecord Record)> _children = [];
    private (int Row, string Serial, ProjectRecord Record)? _parent;

    /// <summary>Whether a row numbered <paramref name="serial"/> is a sub-project of the latest numbered project; if so it is held.</summary>
    public bool Hold(int row, string? serial, ProjectRecord record)
    {
        if (_parent is not { } parent || !(serial is null ? IsDashed(record.Name) : IsChildOf(serial, parent.Serial) || IsSubMark(serial)))
        {
            return false;
        }

        _children.Add((row, serial ?? "—", record));
        return true;
    }

    /// <summary>A project counted as itself: the parent of any sub-projects numbered after it.</summary>
    public void Counted(int row, string? serial, ProjectRecord record) =>
        _parent = serial is not null && IsTopLevel(serial) ? (row, serial, record) : null;

    /// <summary>Ends the sub-projects held: none is counted, since they are their parent's breakdown, or contradict it and the file is refused.</summary>
    public void Close()
    {
        if (_children.Count == 0 || _parent is not { } parent)
        {
            return;
        }

        decimal plan = _children.Sum(c => c.Record.AnnualPlan);
        decimal completed = _children.Sum(c => c.Record.Completed);
        string rows = _children.Count == 1 ? $"第{_children[0].Row + 1}行" : $"第{_children[0].Row + 1}-{_children[^1].Row + 1}行";
        string serials = _children.All(c => c.Serial == "—") ? "名称以“——”开头" : "序号" + string.Join("、", _children.Select(c => c.Serial));
        ColumnBinding name = sheet[FieldCatalog.Name]!;
        int first = _children[0].Row;
        if (plan == parent.Record.AnnualPlan && completed == parent.Record.Completed)
        {
            sheet.Warn(RuleIds.SubProjects, first, name, _children[0].Record.Name,
                $"：{rows}（{serials}）是第{parent.Row + 1}行“{parent.Record.Name}”的子项目，年度计划投资和累计完成投资之和与第{parent.Row + 1}行相同，只计第{parent.Row + 1}行一次。");
        }
        else
        {
            sheet.Error(RuleIds.SubProjects, first, name, _children[0].Record.Name,
                $"：{rows}（{serials}）像是第{parent.Row + 1}行“{parent.Record.Name}”的子项目，但其年度计划投资之和{FindingSink.Format(plan)}万元、"
                + $"累计完成投资之和{FindingSink.Format(completed)}万元与第{parent.Row + 1}行（{FindingSink.Format(parent.Record.AnnualPlan)}万元、{FindingSink.Format(parent.Record.Completed)}万元）不符，"
                + "无法确定哪些行是要统计的项目。请删除子项目行，或把子项目的序号改为独立编号后重新上传。");
        }

        _children.Clear();
    }

    /// <summary>A section row ("二、服务业项目"): the projects after it are no sub-projects of the one before it.</summary>
    public void EndGroup()
    {
        Close();
        _parent = null;
    }

    // "(1)", "（2）", "①": numbered under the project above, whatever its number.
    private static bool IsSubMark(string serial) =>
        (serial.Length is >= 3 and <= 4 && serial[0] == '(' && serial[^1] == ')' && serial.AsSpan(1, serial.Length - 2).IndexOfAnyExceptInRange('0', '9') < 0)
        || (serial.Length == 1 && serial[0] is >= '\u2460' and <= '\u2473');

    // "——污水处理厂提标改造" with no 序号: a line of the project above, indented with a dash.
    private static bool IsDashed(string name) => name.StartsWith('—') || name.StartsWith("--", StringComparison.Ordinal) || name.StartsWith('－');

    private static bool IsTopLevel(string serial) => serial.Length is > 0 and <= 4 && serial.All(char.IsAsciiDigit);

    // "3.1", "3-1", "3．1" under "3".
    private static bool IsChildOf(string serial, string parent) =>
        serial.Length > parent.Length + 1 && serial.StartsWith(parent, StringComparison.Ordinal) && serial[parent.Length] is '.' or '-' or '—' or '_'
        && serial.AsSpan(parent.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0;
}
