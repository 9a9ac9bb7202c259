using System.IO.Compression;
using System.Xml;

namespace Reporting.Core.Ingestion.Reading;

/// <summary>
/// Sheets of an .xlsx with an AutoFilter (筛选) set: Excel names its range _xlnm._FilterDatabase in workbook.xml. Rows a filter
/// hides are a view the clerk left on, not rows left out on purpose: the clerk believes every row was sent. Reads only the
/// small workbook part.
/// </summary>
internal static class FilteredSheets
{
    public static IReadOnlySet<string> Read(ZipArchive zip)
    {
        var filtered = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (zip.GetEntry("xl/workbook.xml") is not ZipArchiveEntry workbook)
            {
                return filtered;
            }

            var sheets = new List<string>();
            var filteredIndexes = new List<int>();
            using Stream stream = workbook.Open();
            using XmlReader xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "sheet" && xml.GetAttribute("name") is string name)
                {
                    sheets.Add(name);
                }
                else if (xml.LocalName == "definedName" && xml.GetAttribute("name") == "_xlnm._FilterDatabase"
                    && int.TryParse(xml.GetAttribute("localSheetId"), out int index))
                {
                    filteredIndexes.Add(index);
                }
            }

            foreach (int index in filteredIndexes.Where(i => i >= 0 && i < sheets.Count))
            {
                filtered.Add(sheets[index]);
            }

            return filtered;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException or ArgumentException
            or InvalidOperationException or NotSupportedException)
        {
            return filtered;
        }
    }
}
