using Reporting.Core.Ingestion.Headers;

namespace Reporting.Core.Ingestion.Sheets;

/// <summary>
/// The field (领域) named by the latest "一、工业项目" row, for a projects sheet without a field column.
/// A top-level section sets the field (or clears it when it names none); a bracketed "（一）续建项目"
/// changes it only when it names a field.
/// </summary>
internal sealed class SectionFields(SheetContext sheet)
{
    public string? Field { get; private set; }

    /// <summary>The latest section's own words, for the message when it names no field.</summary>
    public string? Label { get; private set; }

    /// <summary>The heading of the section the rows stand in when it says they are out ("二、退库项目（2个）"), else null.</summary>
    public string? Withdrawn { get; private set; }

    public void Enter(string label, bool topLevel)
    {
        if (sheet.Kind != DatasetKind.Projects)
        {
            return;
        }

        if (topLevel || WithdrawnRows.NamesWithdrawn(label))
        {
            Withdrawn = WithdrawnRows.NamesWithdrawn(label) ? label : null;
        }

        string? field = sheet.Run.Fields.Match(label);
        if (topLevel || field is not null)
        {
            Field = field;
            Label = label;
        }
    }

    /// <summary>No field column and no usable section above this project: said once, for the whole sheet.</summary>
    public void ReportMissing(int row)
    {
        string why = Label is null ? "之前没有分组行" : $"所在的分组“{Label}”不是已知的领域";
        sheet.Run.Findings.Sheet(
            sheet.Sheet,
            RuleIds.ColumnRequiredMissing,
            $"工作表“{sheet.Sheet}”看起来是{sheet.Kind.ToChinese()}，但缺少必填列：“{FieldCatalog.Projects.First(s => s.Key == FieldCatalog.Field).Label}”。请按模板补齐这些列的表头（表头第{sheet.Defaults.HeaderRow}行），"
            + $"或在项目之前用“一、工业项目”这样的分组行标明领域（第{row + 1}行的项目{why}）。");
    }
}
