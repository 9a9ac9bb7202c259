using System.Xml.Linq;

namespace Reporting.Tests.Hostile;

/// <summary>Reads back a workbook we wrote, at the XML level, for what no spreadsheet we hand out may contain.</summary>
internal static class WrittenWorkbook
{
    private static readonly char[] s_formulaStarts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

    /// <summary>Every text in the package (shared strings, inline strings, formula-less string cells, comments).</summary>
    public static IReadOnlyList<string> Texts(byte[] xlsx)
    {
        ZipParts parts = ZipParts.Open(xlsx);
        var texts = new List<string>();
        foreach (string name in parts.Names.Where(n => n.EndsWith(".xml", StringComparison.Ordinal)))
        {
            XDocument xml = parts.Xml(name);
            if (name == "xl/sharedStrings.xml")
            {
                texts.AddRange(xml.Descendants().Where(e => e.Name.LocalName == "si").Select(TextOf));
            }
            else if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                foreach (XElement cell in xml.Descendants().Where(e => e.Name.LocalName == "c"))
                {
                    string? type = cell.Attribute("t")?.Value;
                    if (type == "inlineStr")
                    {
                        texts.Add(string.Concat(cell.Descendants().Where(e => e.Name.LocalName == "is").Select(TextOf)));
                    }
                    else if (type == "str")
                    {
                        texts.Add(cell.Elements().FirstOrDefault(e => e.Name.LocalName == "v")?.Value ?? string.Empty);
                    }
                }
            }
            else if (name.StartsWith("xl/comments", StringComparison.Ordinal))
            {
                texts.AddRange(xml.Descendants().Where(e => e.Name.LocalName == "text").Select(TextOf));
            }
        }

        return texts;
    }

    /// <summary>The problems: formulas, macros, external links, and texts a spreadsheet would take for a formula.</summary>
    public static List<string> Problems(byte[] xlsx)
    {
        ZipParts parts = ZipParts.Open(xlsx);
        var problems = new List<string>();
        foreach (string name in parts.Names)
        {
            if (name.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || name.Contains("externalLink", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("part " + name);
            }
        }

        if (parts.Text("[Content_Types].xml").Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("macro-enabled content type");
        }

        foreach (string sheet in parts.Names.Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)))
        {
            XDocument xml = parts.Xml(sheet);
            foreach (XElement formula in xml.Descendants().Where(e => e.Name.LocalName == "f"))
            {
                problems.Add($"{sheet}: formula <f>{formula.Value}</f> in {formula.Parent?.Attribute("r")?.Value}");
            }
        }

        foreach (string text in Texts(xlsx))
        {
            if (text.Length > 0 && Array.IndexOf(s_formulaStarts, text[0]) >= 0)
            {
                problems.Add($"text not neutralised: '{Shorten(text)}'");
            }

            if (text.Length > 32_767)
            {
                problems.Add($"text of {text.Length} characters");
            }
        }

        return problems;
    }

    private static string TextOf(XElement element) =>
        string.Concat(element.Descendants().Where(e => e.Name.LocalName == "t" && e.Ancestors().All(a => a.Name.LocalName != "rPh")).Select(e => e.Value));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
