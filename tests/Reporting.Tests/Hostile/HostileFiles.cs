using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Hostile;

/// <summary>What a hostile file must end as.</summary>
internal enum Verdict
{
    Accepted,
    Rejected,
}

/// <summary>One broken or hostile upload: how to make it and how it must be answered.</summary>
internal sealed record HostileFile(string Id, string FileName, Func<byte[]> Build, Verdict Verdict, params string[] RuleIds)
{
    public override string ToString() => Id;
}

/// <summary>
/// The corpus of broken and hostile uploads, every one generated here from a small valid 重大项目调度表
/// (or from a committed fixture where a real producer is needed), deterministically.
/// </summary>
internal static class HostileFiles
{
    public const string Period = "时间：2022年1-12月";

    /// <summary>The formula-like texts that must come out of every workbook we write neutralised.</summary>
    public static readonly string[] FormulaLike =
    [
        "=HYPERLINK(\"http://evil.example/x\",\"点击查看\")", "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
        "\t=1+1", "\r=1+1", "＝1+1", "=cmd|'/c notepad'!'A1'",
    ];

    /// <summary>Text that is legal Unicode but odd: emoji and joiners, bidi overrides, a character beyond the font, combining marks, private use, U+FFFD.</summary>
    public static readonly string[] OddUnicode =
    [
        "表情😀👨‍👩‍👧项目", "\u202E目项向反\u202C工程", "𠀀𪚥生僻字项目", "e\u0301\u0301\u0301组合符号", "\uE000私用区\uF8FF", "替换\uFFFD字符", "零宽\u200B\u200D\uFEFF项目",
    ];

    public static readonly string[] ControlCharacters = ["控制\u0001\u0002\u0007字符", "制表\t换行\n回车\r项目", "删除\u007F与\u001F单元", "\u0000空字符"];

    public static IReadOnlyList<HostileFile> All { get; } = Build();

    public static HostileFile Get(string id) => All.Single(f => f.Id == id);

    /// <summary>A valid project workbook: a title, the period line, the header in row 3, then one row per name (lagging, so the names reach the briefing).</summary>
    public static byte[] Projects(params string[] names) => Projects(names, issues: null);

    public static byte[] Projects(string[] names, string[]? issues, Action<IXLWorksheet>? edit = null) => TestWorkbooks.Xlsx(workbook =>
    {
        IXLWorksheet sheet = workbook.AddWorksheet("项目表");
        sheet.Put(1, Period);
        sheet.Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资", "是否开工", "存在问题", "责任单位");
        for (int i = 0; i < names.Length; i++)
        {
            sheet.Put(3 + i, i + 1, names[i], "安源区", "工业", 1000, 100 + i, "是", issues?[i % issues.Length] ?? "无", "安源区发改委");
        }

        edit?.Invoke(sheet);
    }).ToArray();

    private static List<HostileFile> Build()
    {
        byte[] Valid() => Projects("安源区智能制造产业园", "安源区城市更新项目");
        List<HostileFile> files =
        [
            new("random-bytes-short", "安源区.xlsx", () => RandomBytes(1, 17), Verdict.Rejected),
            new("random-bytes-4k", "安源区.xlsx", () => RandomBytes(2, 4096), Verdict.Rejected),
            new("random-bytes-256k", "安源区.xlsx", () => RandomBytes(3, 256 * 1024), Verdict.Rejected),
            new("random-bytes-after-zip-magic", "安源区.xlsx", () => [.. "PK\u0003\u0004"u8.ToArray(), .. RandomBytes(4, 2000)], Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("truncated-at-10pct", "安源区.xlsx", () => Valid()[..(Valid().Length / 10)], Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("truncated-at-90pct", "安源区.xlsx", () => Valid()[..(Valid().Length * 9 / 10)], Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("truncated-end-of-central-directory", "安源区.xlsx", () => Valid()[..^10], Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("corrupt-central-directory", "安源区.xlsx", () => CorruptCentralDirectory(Valid()), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable, Core.Ingestion.RuleIds.FileUnsupportedType)),
            new("corrupt-deflate-stream", "安源区.xlsx", () => CorruptEntryData(Valid(), "xl/worksheets/sheet1.xml"), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("zip-bomb-lying-central-directory", "安源区.xlsx", LyingZipBomb, Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable, Core.Ingestion.RuleIds.FileZipBomb, Core.Ingestion.RuleIds.HeaderMissing)),
            new("zip-bomb-many-entries", "安源区.xlsx", ManyEntryZipBomb, Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileZipBomb)),
            new("encrypted-xlsx-ole-container", "安源区.xlsx", EncryptedOoxml, Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileEncrypted)),
            new("encrypted-xls-libreoffice", "安源区.xls", () => File.ReadAllBytes(TestWorkbooks.FixturePath("hostile/encrypted-libreoffice.xls")), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileEncrypted)),
            new("xlsm-with-auto-open-macro", "安源区.xlsm", () => WithMacro(Valid()), Verdict.Accepted),
            new("error-cells-div0-and-ref", "安源区.xlsx", () => WithCells(Valid(), ("E3", "e", "<f>1/0</f><v>#DIV/0!</v>"), ("F4", "e", "<f>#REF!+1</f><v>#REF!</v>")), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.CellRequiredEmpty)),
            new("error-cell-in-optional-column", "安源区.xlsx", () => WithCells(Valid(), ("H3", "e", "<v>#N/A</v>")), Verdict.Accepted),
            new("formulas-with-cached-values", "安源区.xlsx", () => WithCells(Valid(), ("E3", null, "<f>SUM(400,600)</f><v>1000</v>"), ("F3", null, "<f>E3/10</f><v>100</v>")), Verdict.Accepted),
            new("external-links", "安源区.xlsx", () => WithExternalLink(Valid()), Verdict.Accepted),
            new("max-length-strings", "安源区.xlsx", () => Projects(["=" + new string('长', 32_766), new string('名', 32_767)], [new string('问', 32_767)]), Verdict.Accepted),
            new("max-length-string-in-amount", "安源区.xlsx", () => Projects(["项目"], null, s => s.Put(3, 1, "项目", "安源区", "工业", "=" + new string('9', 32_766))), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.CellNotNumber)),
            new("control-characters", "安源区.xlsx", () => Projects(ControlCharacters, ControlCharacters, s => s.Put(7, 1, "项目", "安源区", "工业", "12\u00013", 5)), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.CellNotNumber)),
            // Numbered: "=1+1", "\t=1+1" and "＝1+1" are one name, and one project with three different figures is refused (the next case).
            new("formula-like-text", "安源区.xlsx", () => Projects([.. FormulaLike.Select((text, i) => $"{text}（{i + 1}号）")], FormulaLike, s => s.Put(12, 1, "超计划项目", "安源区", "工业", 10, 500, "是", "=HYPERLINK(\"http://evil.example\")")), Verdict.Accepted),
            new("formula-like-names-of-one-project", "安源区.xlsx", () => Projects(["=1+1", "\t=1+1", "＝1+1"], FormulaLike), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.ProjectDuplicateConflict)),
            new("formula-like-text-rejected", "安源区.xlsx", () => Projects(FormulaLike, FormulaLike, s => s.Put(12, 1, "=1+2", "=HYPERLINK(\"x\")", "@工业", "+5", "-5")), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.CountyUnknown, Core.Ingestion.RuleIds.ValueNegative)),
            new("odd-unicode", "安源区.xlsx", () => Projects(OddUnicode, OddUnicode), Verdict.Accepted),
            new("huge-numbers", "安源区.xlsx", () => Projects(["项目"], null, s => s.Put(3, 1, "项目", "安源区", "工业", 1e300, 7.9e28)), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.ValueTooLarge)),
            new("huge-number-text", "安源区.xlsx", () => Projects(["项目"], null, s => s.Put(3, 1, "项目", "安源区", "工业", "7.9e28亿元", "1e27")), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.ValueTooLarge)),
            new("tiny-plan-huge-ratio", "安源区.xlsx", () => Projects(["项目"], null, s => s.Put(3, 1, "项目", "安源区", "工业", "0.0000000000000000000000000001", 9_999_999d, "是")), Verdict.Accepted),
            new("billion-laughs-shared-strings", "安源区.xlsx", () => ZipParts.Open(Valid()).Edit("xl/sharedStrings.xml", BillionLaughs).Pack(), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("external-entity-shared-strings", "安源区.xlsx", () => ZipParts.Open(Valid()).Edit("xl/sharedStrings.xml", ExternalEntity).Pack(), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnreadable)),
            new("zip-slip-entry-names", "安源区.xlsx", () => ZipParts.Open(Valid()).Set("../../../../tmp/reporting-zip-slip.txt", "x").Set("/etc/reporting-zip-slip", "x").Pack(), Verdict.Accepted),
            new("far-away-cell", "安源区.xlsx", () => WithCells(Valid(), ("XFD1048576", "str", "<v>远处</v>")), Verdict.Accepted),
            new("csv-with-nul-bytes", "安源区.csv", () => Encoding.UTF8.GetBytes("时间：2022年1-12月\n项目名称,县区,所属领域,年度计划投资,累计完成投资\n项目\0,安源区,工业,10,5\n"), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.FileUnsupportedType)),
            new("csv-formula-injection", "安源区.csv", () => Encoding.UTF8.GetBytes("时间：2022年1-12月\n项目名称,县区,所属领域,年度计划投资,累计完成投资,存在问题\n\"=HYPERLINK(\"\"http://evil\"\")\",安源区,工业,10,50,@SUM(1)\n+cmd,安源区,工业,x,5,-1\n"), Verdict.Rejected, RuleIds(Core.Ingestion.RuleIds.CellNotNumber)),
            new("hostile-sheet-name", "安源区.xlsx", () => Projects(["项目"], null, s => s.Name = "=SUM(1)+'x'!A1"), Verdict.Accepted),
        ];
        return files;
    }

    private static string[] RuleIds(params string[] ids) => ids;

    public static byte[] RandomBytes(int seed, int length)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // The central directory is the last part of a zip; overwrite a stretch of it.
    private static byte[] CorruptCentralDirectory(byte[] zip)
    {
        byte[] copy = (byte[])zip.Clone();
        int start = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        for (int i = start + 10; i < Math.Min(start + 60, copy.Length - 22); i++)
        {
            copy[i] ^= 0x5A;
        }

        return copy;
    }

    // Flip bytes in the middle of one entry's compressed data: the deflate stream or its CRC no longer holds.
    private static byte[] CorruptEntryData(byte[] zip, string name)
    {
        byte[] copy = (byte[])zip.Clone();
        int header = zip.AsSpan().IndexOf(Encoding.ASCII.GetBytes(name));
        int data = header + name.Length + 40;
        for (int i = data; i < data + 24 && i < copy.Length; i++)
        {
            copy[i] ^= 0xFF;
        }

        return copy;
    }

    /// <summary>A sheet that inflates to 64 MB of one repeated row while the central directory claims 2 KB.</summary>
    private static byte[] LyingZipBomb()
    {
        ZipParts parts = ZipParts.Open(Projects("项目"));
        byte[] honest = parts.Pack();
        var rows = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        string filler = new(' ', 1 << 20);
        for (int i = 0; i < 64; i++)
        {
            rows.Append(filler);
        }

        rows.Append("</sheetData></worksheet>");
        byte[] bomb = parts.Set("xl/worksheets/sheet1.xml", rows.ToString()).Pack(CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < honest.Length + 200_000);
        return PatchUncompressedSize(bomb, "xl/worksheets/sheet1.xml", 2048);
    }

    // Sets the uncompressed size of one entry in both its local header (offset 22) and its central directory record (offset 24).
    private static byte[] PatchUncompressedSize(byte[] zip, string name, uint size)
    {
        byte[] copy = (byte[])zip.Clone();
        byte[] nameBytes = Encoding.ASCII.GetBytes(name);
        ReadOnlySpan<byte> local = "PK\u0003\u0004"u8;
        ReadOnlySpan<byte> central = "PK\u0001\u0002"u8;
        for (int i = 0; i + 46 < copy.Length; i++)
        {
            bool isLocal = copy.AsSpan(i, 4).SequenceEqual(local) && copy.AsSpan(i + 30).StartsWith(nameBytes);
            bool isCentral = copy.AsSpan(i, 4).SequenceEqual(central) && copy.AsSpan(i + 46).StartsWith(nameBytes);
            if (isLocal || isCentral)
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + (isLocal ? 22 : 24), 4), size);
            }
        }

        return copy;
    }

    /// <summary>Each entry small and plausibly compressed; together far beyond the uncompressed limit.</summary>
    private static byte[] ManyEntryZipBomb()
    {
        ZipParts parts = ZipParts.Open(Projects("项目"));
        byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 9 * 1024 * 1024));
        for (int i = 0; i < 24; i++)
        {
            parts.Set($"xl/media/image{i}.bin", chunk);
        }

        return parts.Pack(CompressionLevel.SmallestSize);
    }

    /// <summary>
    /// What Excel writes for a workbook with an open password: an OLE compound file (not a zip) whose
    /// directory holds the EncryptionInfo and EncryptedPackage streams (names in UTF-16).
    /// </summary>
    private static byte[] EncryptedOoxml()
    {
        byte[] bytes = RandomBytes(9, 12 * 1024);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
        Encoding.Unicode.GetBytes("\u0006DataSpaces").CopyTo(bytes, 1280);
        return bytes;
    }

    /// <summary>The workbook as an .xlsm: a VBA project with an Auto_Open that would start a shell, and the macro-enabled content type.</summary>
    public static byte[] WithMacro(byte[] xlsx)
    {
        byte[] vba = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Encoding.ASCII.GetBytes("Attribute VB_Name = \"ThisWorkbook\"\r\nSub Auto_Open()\r\n Shell \"cmd /c calc\"\r\nEnd Sub\r\n")];
        return ZipParts.Open(xlsx)
            .Set("xl/vbaProject.bin", vba)
            .Edit("[Content_Types].xml", t => t
                .Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)
                .Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>", StringComparison.Ordinal))
            .Edit("xl/_rels/workbook.xml.rels", t => t.Replace("</Relationships>", "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/></Relationships>", StringComparison.Ordinal))
            .Pack();
    }

    /// <summary>A link to another workbook on a share: the formula's cached value is what counts, nothing is fetched.</summary>
    public static byte[] WithExternalLink(byte[] xlsx)
    {
        const string Link = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Sheet1\"/></sheetNames><sheetDataSet><sheetData sheetId=\"0\"><row r=\"1\"><cell r=\"A1\"><v>1000</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>";
        const string LinkRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath\" Target=\"file://///evil.example/share/secret.xlsx\" TargetMode=\"External\"/></Relationships>";
        byte[] withCell = WithCells(xlsx, ("E3", null, "<f>[1]Sheet1!A1</f><v>1000</v>"));
        return ZipParts.Open(withCell)
            .Set("xl/externalLinks/externalLink1.xml", Link)
            .Set("xl/externalLinks/_rels/externalLink1.xml.rels", LinkRels)
            .Edit("[Content_Types].xml", t => t.Replace("</Types>", "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>", StringComparison.Ordinal))
            .Edit("xl/_rels/workbook.xml.rels", t => t.Replace("</Relationships>", "<Relationship Id=\"rIdExt\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/></Relationships>", StringComparison.Ordinal))
            .Edit("xl/workbook.xml", t => t.Contains("<x:externalReferences", StringComparison.Ordinal) ? t : t.Replace("</x:sheets>", "</x:sheets><x:externalReferences><x:externalReference r:id=\"rIdExt\"/></x:externalReferences>", StringComparison.Ordinal))
            .Pack();
    }

    /// <summary>Replaces (or adds) cells in sheet1.xml with raw XML: (reference, t attribute or null, inner XML without the x: prefix).</summary>
    public static byte[] WithCells(byte[] xlsx, params (string Reference, string? Type, string Inner)[] cells) =>
        ZipParts.Open(xlsx).Edit("xl/worksheets/sheet1.xml", xml =>
        {
            foreach ((string reference, string? type, string inner) in cells)
            {
                string prefixed = inner.Replace("<f>", "<x:f>", StringComparison.Ordinal).Replace("</f>", "</x:f>", StringComparison.Ordinal)
                    .Replace("<v>", "<x:v>", StringComparison.Ordinal).Replace("</v>", "</x:v>", StringComparison.Ordinal);
                string cell = $"<x:c r=\"{reference}\"{(type is null ? string.Empty : $" t=\"{type}\"")}>{prefixed}</x:c>";
                var existing = new System.Text.RegularExpressions.Regex($"<x:c r=\"{reference}\"[^>]*?(/>|>.*?</x:c>)");
                if (existing.IsMatch(xml))
                {
                    xml = existing.Replace(xml, cell, 1);
                }
                else
                {
                    int row = int.Parse(new string([.. reference.SkipWhile(char.IsLetter)]), System.Globalization.CultureInfo.InvariantCulture);
                    xml = xml.Replace("</x:sheetData>", $"<x:row r=\"{row}\">{cell}</x:row></x:sheetData>", StringComparison.Ordinal);
                }
            }

            return xml;
        }).Pack();

    private static string BillionLaughs(string sharedStrings)
    {
        var entities = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (int i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        entities.Append("]>");
        int start = sharedStrings.IndexOf("<x:sst", StringComparison.Ordinal);
        string body = sharedStrings[start..].Replace("<x:t>安源区智能制造产业园</x:t>", "<x:t>&l9;</x:t>", StringComparison.Ordinal);
        return sharedStrings[..start] + entities + body;
    }

    private static string ExternalEntity(string sharedStrings)
    {
        int start = sharedStrings.IndexOf("<x:sst", StringComparison.Ordinal);
        string body = sharedStrings[start..].Replace("<x:t>安源区智能制造产业园</x:t>", "<x:t>&xxe;</x:t>", StringComparison.Ordinal);
        return sharedStrings[..start] + "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + body;
    }
}
