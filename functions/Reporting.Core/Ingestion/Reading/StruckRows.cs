using System.IO.Compression;
using System.Xml;

namespace Reporting.Core.Ingestion.Reading;

/// <summary>
/// Rows of an .xlsx that a clerk crossed out with strike-through (删除线): most of their filled cells are struck. Offices
/// strike a withdrawn project instead of deleting it; the figures are still in the cells, and ExcelDataReader reads no
/// fonts, so without this the struck project is counted like any other. Reads the package's styles and sheet XML once
/// more, only when some cell format strikes its text (most workbooks: styles.xml only).
/// </summary>
internal static class StruckRows
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<int>> s_none = new Dictionary<string, IReadOnlySet<int>>();

    /// <summary>
    /// Sheet name → 0-based indexes of struck rows. A package the probe accepted but this cannot follow (a missing part,
    /// malformed XML) yields what was found so far: the workbook reader answers for a broken file, not this.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<int>> Read(ZipArchive zip)
    {
        try
        {
            HashSet<int> struckFormats = StruckFormats(zip);
            if (struckFormats.Count == 0)
            {
                return s_none;
            }

            var found = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);
            foreach ((string name, string part) in Sheets(zip))
            {
                if (Entry(zip, part) is ZipArchiveEntry entry && RowsIn(entry, struckFormats) is { Count: > 0 } rows)
                {
                    found[name] = rows;
                }
            }

            return found;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException or OverflowException
            or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return s_none;
        }
    }

    // Indexes into cellXfs whose font strikes through (<strike/>, <strike val="1"/>; val="0" turns it off).
    private static HashSet<int> StruckFormats(ZipArchive zip)
    {
        var formats = new HashSet<int>();
        if (Entry(zip, "xl/styles.xml") is not ZipArchiveEntry styles)
        {
            return formats;
        }

        var struckFonts = new HashSet<int>();
        using XmlReader xml = Open(styles);
        int font = -1;
        int format = -1;
        string? list = null;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName is "fonts" or "cellXfs")
            {
                list = null;
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "fonts" or "cellXfs":
                    list = xml.LocalName;
                    break;
                case "font" when list == "fonts":
                    font++;
                    break;
                case "strike" when list == "fonts" && xml.GetAttribute("val") is not ("0" or "false"):
                    struckFonts.Add(font);
                    break;
                case "xf" when list == "cellXfs":
                    format++;
                    if (int.TryParse(xml.GetAttribute("fontId"), out int fontId) && struckFonts.Contains(fontId))
                    {
                        formats.Add(format);
                    }

                    break;
            }
        }

        return formats;
    }

    // (sheet name, part path) from workbook.xml and its relationships.
    private static List<(string Name, string Part)> Sheets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Entry(zip, "xl/_rels/workbook.xml.rels") is ZipArchiveEntry rels)
        {
            using XmlReader xml = Open(rels);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is string id && xml.GetAttribute("Target") is string target)
                {
                    target = target.Replace('\\', '/');
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string)>();
        if (Entry(zip, "xl/workbook.xml") is ZipArchiveEntry workbook)
        {
            using XmlReader xml = Open(workbook);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") is string name
                    && xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") is string id
                    && targets.TryGetValue(id, out string? part))
                {
                    sheets.Add((name, part));
                }
            }
        }

        return sheets;
    }

    // A row is struck when it has at least two filled cells and more than half of them are struck.
    private static HashSet<int> RowsIn(ZipArchiveEntry sheet, HashSet<int> struckFormats)
    {
        var rows = new HashSet<int>();
        using XmlReader xml = Open(sheet);
        int row = -1;
        int filled = 0;
        int struck = 0;
        bool cellStruck = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row")
            {
                if (filled >= 2 && struck * 2 > filled)
                {
                    rows.Add(row);
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "row":
                    row = int.TryParse(xml.GetAttribute("r"), out int number) ? number - 1 : row + 1;
                    filled = 0;
                    struck = 0;
                    break;
                case "c":
                    cellStruck = int.TryParse(xml.GetAttribute("s"), out int style) && struckFormats.Contains(style);
                    break;
                case "v" or "is":
                    filled++;
                    struck += cellStruck ? 1 : 0;
                    cellStruck = false; // An inline string's runs are not counted twice.
                    break;
            }
        }

        return rows;
    }

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').Equals(path, StringComparison.OrdinalIgnoreCase));

    private static XmlReader Open(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = true });
}
