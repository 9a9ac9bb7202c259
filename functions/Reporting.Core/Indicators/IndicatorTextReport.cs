using System.Text;

namespace Reporting.Core.Indicators;

/// <summary>The indicators as a readable plain-text report (`reporting indicators --format table`), from <see cref="IndicatorSheets"/>.</summary>
public static class IndicatorTextReport
{
    public static string Render(IndicatorReport report, Func<string, string>? departmentName = null)
    {
        IndicatorSheet sheet = IndicatorSheets.Build(report, departmentName);
        var output = new StringBuilder();
        output.Append(sheet.Title).Append("\n\n");
        for (int s = 0; s < sheet.Sections.Count; s++)
        {
            IndicatorSheetSection section = sheet.Sections[s];
            output.Append(section.Title).Append('\n');
            foreach (IndicatorSheetBlock block in section.Blocks)
            {
                switch (block)
                {
                    case IndicatorSheetLine line:
                        output.Append("  ").Append(line.Text).Append('\n');
                        break;
                    case IndicatorSheetTable table:
                        TextTable.WriteTo(table, output);
                        break;
                }
            }

            if (s < sheet.Sections.Count - 1)
            {
                output.Append('\n');
            }
        }

        return output.ToString();
    }
}
