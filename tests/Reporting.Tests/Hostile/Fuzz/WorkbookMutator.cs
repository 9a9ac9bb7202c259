using System.Globalization;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace Reporting.Tests.Hostile.Fuzz;

/// <summary>How a case was made; the name prefixes a saved crash file.</summary>
internal enum Mutation
{
    BitFlips,
    Truncate,
    InsertBytes,
    DeleteBytes,
    OverwriteChunk,
    XmlDeleteAttribute,
    XmlCellType,
    XmlValue,
    XmlSharedString,
    XmlDeleteElement,
    XmlDuplicateElement,
    XmlCellReference,
    XmlSyntax,
    CellValues,
}

/// <summary>One mutated upload: its bytes, how it was made and whether the package is still well-formed.</summary>
internal sealed record FuzzCase(int Index, FuzzSeed Seed, Mutation Mutation, byte[] Bytes, bool WellFormed)
{
    public string FileName => $"{(WellFormed ? "cell-" : string.Empty)}{Mutation}-{Seed.Name}-{Index}{Path.GetExtension(Seed.FileName)}";
}

/// <summary>
/// Deterministic mutations of valid workbooks at three levels: bytes (bit flips, truncation, insertion
/// and deletion inside the zip), OOXML parts (attributes deleted, cell types swapped, huge/NaN/negative-zero
/// values, out-of-range shared-string indexes, malformed dates, hostile shared strings, broken XML) and
/// cells (random values written into random cells with ClosedXML: the package stays valid).
/// </summary>
internal static class WorkbookMutator
{
    public static readonly string[] Values =
    [
        "1E+308", "-1E+308", "7.9E+28", "1E+12", "999999999999", "NaN", "INF", "-INF", "-0", "-0.0", "0.0000000000000000000000000001", "4.9E-324",
        "1048576", "99999", "-1", string.Empty, "abc", "2023-13-45", "1e-400", "１２３", "45000.5", "2023.13", "99999999999999999999", "0x1F", "1,234.5",
    ];

    public static readonly string[] Texts =
    [
        .. HostileFiles.FormulaLike, .. HostileFiles.OddUnicode, "_x0001_控制_x001F_", "_xD800_", string.Empty, " ", "合计", "小计", "其中：", "—", "/", "1,234.5", "1.2亿", "-5",
        "134.8%", "2023年13月", "时间：2022年1-13月", "时间：2022年1-12月", "时间：2023年1-2月", "填报单位：湘东区", "单位：亿元", "单位：元", "项目名称", "年度计划投资", "累计完成投资",
        "指标名称", "本期值", "县区", "安源区", "萍乡经开区", "未开工", "是", "否", "1e30", "7.9e28亿", "☆", "0", "9999-99-99", new string('长', 32_767),
    ];

    private static readonly string[] s_cellTypes = ["s", "n", "str", "e", "b", "inlineStr", "d", "x", string.Empty];
    private static readonly string[] s_references = ["A0", "XFD1048576", "1A", string.Empty, "ZZZZ99999999", "A1", "B2", "IV65536", "AAA1", "a3"];
    private static readonly double[] s_numbers = [1e300, -1e300, 7.9e28, -5, 0, -0.0, 1e-30, 1e12, 999_999_999_999, 1.5, double.MaxValue, double.Epsilon, 2023.1, 44986, -1e12];

    public static FuzzCase Mutate(int index, FuzzSeed seed, Random random)
    {
        int roll = random.Next(100);
        if (seed.IsXlsx && roll < 12)
        {
            byte[]? cells = CellValues(seed.Bytes, random);
            if (cells is not null)
            {
                return new(index, seed, Mutation.CellValues, cells, WellFormed: true);
            }
        }

        if (seed.IsXlsx && roll < 70)
        {
            Mutation mutation = (Mutation)random.Next((int)Mutation.XmlDeleteAttribute, (int)Mutation.XmlSyntax + 1);
            byte[]? mutated = Xml(seed.Bytes, mutation, random);
            if (mutated is not null)
            {
                return new(index, seed, mutation, mutated, WellFormed: false);
            }
        }

        Mutation bytes = (Mutation)random.Next((int)Mutation.BitFlips, (int)Mutation.OverwriteChunk + 1);
        return new(index, seed, bytes, Bytes(seed.Bytes, bytes, random), WellFormed: false);
    }

    private static byte[] Bytes(byte[] original, Mutation mutation, Random random)
    {
        var bytes = new List<byte>(original);
        int at = random.Next(bytes.Count);
        switch (mutation)
        {
            case Mutation.BitFlips:
                for (int k = random.Next(1, 9); k > 0; k--)
                {
                    int i = random.Next(bytes.Count);
                    bytes[i] ^= (byte)(1 << random.Next(8));
                }

                break;
            case Mutation.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case Mutation.InsertBytes:
                byte[] inserted = new byte[random.Next(1, 64)];
                random.NextBytes(inserted);
                bytes.InsertRange(at, inserted);
                break;
            case Mutation.DeleteBytes:
                bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                break;
            default:
                int length = Math.Min(random.Next(1, 256), bytes.Count - at);
                int from = random.Next(bytes.Count - length + 1);
                bytes.RemoveRange(at, length);
                bytes.InsertRange(at, original.AsSpan(from, length).ToArray());
                break;
        }

        return [.. bytes];
    }

    private static byte[]? Xml(byte[] original, Mutation mutation, Random random)
    {
        ZipParts parts = ZipParts.Open(original);
        string[] sheets = [.. parts.Names.Where(n => n.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))];
        string[] xml = [.. parts.Names.Where(n => n.EndsWith(".xml", StringComparison.Ordinal) || n.EndsWith(".rels", StringComparison.Ordinal))];
        if (sheets.Length == 0)
        {
            return null;
        }

        string part = mutation switch
        {
            Mutation.XmlSharedString when parts.Contains("xl/sharedStrings.xml") => "xl/sharedStrings.xml",
            Mutation.XmlCellType or Mutation.XmlValue or Mutation.XmlCellReference => Pick(random, sheets),
            _ => random.Next(4) switch
            {
                0 or 1 => Pick(random, sheets),
                2 when parts.Contains("xl/sharedStrings.xml") => "xl/sharedStrings.xml",
                _ => Pick(random, xml),
            },
        };

        if (mutation == Mutation.XmlSyntax)
        {
            string text = parts.Text(part);
            int at = random.Next(text.Length + 1);
            string broken = random.Next(3) switch
            {
                0 => text[..at],
                1 => text.Insert(at, Pick(random, ["<", "&", "]]>", "<x:c r=\"A1\">", "\u0001", "&#0;", "<!DOCTYPE x>"])),
                _ => text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)),
            };
            return parts.Set(part, broken).Pack();
        }

        XDocument document = parts.Xml(part);
        List<XElement> elements = [.. document.Descendants()];
        List<XElement> cells = [.. elements.Where(e => e.Name.LocalName == "c")];
        List<XElement> values = [.. elements.Where(e => e.Name.LocalName == "v")];
        for (int k = random.Next(1, 4); k > 0; k--)
        {
            switch (mutation)
            {
                case Mutation.XmlDeleteAttribute:
                    List<XAttribute> attributes = [.. elements.SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration)];
                    if (attributes.Count > 0)
                    {
                        Pick(random, attributes).Remove();
                    }

                    break;
                case Mutation.XmlCellType when cells.Count > 0:
                    string type = Pick(random, s_cellTypes);
                    XElement cell = Pick(random, cells);
                    if (type.Length == 0)
                    {
                        cell.Attribute("t")?.Remove();
                    }
                    else
                    {
                        cell.SetAttributeValue("t", type);
                    }

                    break;
                case Mutation.XmlValue when values.Count > 0:
                    Pick(random, values).Value = Pick(random, Values);
                    break;
                case Mutation.XmlSharedString:
                    List<XElement> texts = [.. elements.Where(e => e.Name.LocalName == "t")];
                    if (texts.Count > 0)
                    {
                        Pick(random, texts).Value = Pick(random, Texts);
                    }

                    break;
                case Mutation.XmlDeleteElement when elements.Count > 1:
                    XElement victim = Pick(random, elements);
                    if (victim.Parent is not null)
                    {
                        victim.Remove();
                    }

                    break;
                case Mutation.XmlDuplicateElement when elements.Count > 1:
                    XElement copy = Pick(random, elements);
                    if (copy.Parent is not null)
                    {
                        copy.AddAfterSelf(new XElement(copy));
                    }

                    break;
                case Mutation.XmlCellReference when cells.Count > 0:
                    Pick(random, cells).SetAttributeValue("r", Pick(random, s_references));
                    break;
            }
        }

        using var output = new MemoryStream();
        document.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
        return parts.Set(part, output.ToArray()).Pack();
    }

    // Loaded and saved by ClosedXML, so the package stays valid: only values change.
    private static byte[]? CellValues(byte[] original, Random random)
    {
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(original));
            IXLWorksheet sheet = workbook.Worksheets.First();
            IXLRange? used = sheet.RangeUsed();
            int rows = (used?.RangeAddress.LastAddress.RowNumber ?? 5) + 2;
            int columns = (used?.RangeAddress.LastAddress.ColumnNumber ?? 5) + 1;
            for (int k = random.Next(1, 5); k > 0; k--)
            {
                IXLCell cell = sheet.Cell(random.Next(1, rows + 1), random.Next(1, columns + 1));
                switch (random.Next(6))
                {
                    case 0 or 1:
                        cell.SetValue(Pick(random, Texts));
                        cell.DataType = XLDataType.Text;
                        break;
                    case 2:
                        cell.SetValue(Pick(random, s_numbers));
                        break;
                    case 3:
                        cell.SetValue(Pick(random, (DateTime[])[new DateTime(1900, 1, 1), new DateTime(2023, 3, 15), new DateTime(9999, 12, 31)]));
                        break;
                    case 4:
                        cell.SetValue(random.Next(2) == 0);
                        break;
                    default:
                        cell.Clear();
                        break;
                }
            }

            using var output = new MemoryStream();
            workbook.SaveAs(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML cannot take every value (a 32,767-character text it refuses, a date it cannot store): mutate otherwise.
            return null;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Describe(FuzzCase fuzzCase) => string.Create(CultureInfo.InvariantCulture, $"case {fuzzCase.Index}: {fuzzCase.Mutation} of {fuzzCase.Seed.Name}");
}
