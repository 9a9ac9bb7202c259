using System.IO.Compression;
using System.Text;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion;

public sealed class BrokenInputTests
{
    private static MemoryStream ValidWorkbook() => TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "安源区", "工业", 10, 5, "是"]]);

    private static string OnlyRule(IngestionOutcome outcome)
    {
        Assert.False(outcome.Accepted);
        Assert.Empty(outcome.Projects);
        return Assert.Single(outcome.Findings).RuleId;
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        Assert.Equal(RuleIds.FileEmpty, OnlyRule(TestWorkbooks.Read(new MemoryStream())));
    }

    [Fact]
    public void Rejects_files_that_are_not_spreadsheets()
    {
        Assert.Equal(RuleIds.FileUnsupportedType, OnlyRule(TestWorkbooks.Read(new MemoryStream("%PDF-1.7\n%âãÏÓ\n"u8.ToArray()))));
        Assert.Equal(RuleIds.FileUnsupportedType, OnlyRule(TestWorkbooks.Read(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 0x49, 0x48]))));
        Assert.Equal(RuleIds.FileUnsupportedType, OnlyRule(TestWorkbooks.Read(new MemoryStream(Encoding.UTF8.GetBytes("<html><body><table><tr><td>项目名称</td></tr></table></body></html>")), "伪装.xls")));
    }

    [Fact]
    public void Rejects_a_truncated_zip()
    {
        byte[] bytes = ValidWorkbook().ToArray();

        Assert.Equal(RuleIds.FileUnreadable, OnlyRule(TestWorkbooks.Read(new MemoryStream(bytes[..(bytes.Length / 2)]))));
    }

    [Fact]
    public void Rejects_a_workbook_whose_sheet_xml_is_corrupt()
    {
        var stream = new MemoryStream();
        ValidWorkbook().CopyTo(stream);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            sheet.Delete();
            using StreamWriter writer = new(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><<<");
        }

        stream.Position = 0;
        Assert.Equal(RuleIds.FileUnreadable, OnlyRule(TestWorkbooks.Read(stream)));
    }

    [Fact]
    public void Rejects_a_password_protected_workbook()
    {
        // An encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage streams.
        byte[] bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);

        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(bytes));

        Assert.Equal(RuleIds.FileEncrypted, OnlyRule(outcome));
        Assert.Contains("密码", outcome.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_file_over_the_size_limit_without_reading_it()
    {
        ReportingOptions options = Reporting.Cli.CliEnvironment.LoadOptions(null);
        options.Ingestion.MaxUploadBytes = 1024;

        Assert.Equal(RuleIds.FileTooLarge, OnlyRule(TestWorkbooks.Read(ValidWorkbook(), options: options)));
    }

    [Fact]
    public void Rejects_a_zip_bomb_from_its_central_directory()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            zip.CreateEntry("xl/workbook.xml").Open().Dispose();
            using Stream entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 201; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(stream.Length < 1024 * 1024);
        stream.Position = 0;
        Assert.Equal(RuleIds.FileZipBomb, OnlyRule(TestWorkbooks.Read(stream)));
    }

    [Fact]
    public void Rejects_a_workbook_with_a_million_rows_while_streaming()
    {
        using MemoryStream file = MillionRowWorkbook(1_000_000);

        IngestionOutcome outcome = TestWorkbooks.Read(file);

        Assert.Equal(RuleIds.FileTooManyRows, OnlyRule(outcome));
        Assert.Contains("200,000", outcome.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_throws_for_arbitrary_bytes()
    {
        var random = new Random(20230131);
        byte[] valid = ValidWorkbook().ToArray();
        for (int i = 0; i < 150; i++)
        {
            byte[] bytes = (i % 3) switch
            {
                0 => RandomBytes(random, random.Next(1, 3000)),
                1 => Mutate(random, valid),
                _ => [.. "PK\u0003\u0004"u8.ToArray(), .. RandomBytes(random, random.Next(0, 500))],
            };

            IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(bytes));

            Assert.True(outcome.Accepted || outcome.ErrorCount > 0);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        byte[] copy = (byte[])valid.Clone();
        for (int k = 0; k < 8; k++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    /// <summary>A minimal .xlsx written as XML straight into a zip: one header row, then <paramref name="rows"/> project rows.</summary>
    private static MemoryStream MillionRowWorkbook(int rows)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string name, string content)
            {
                using StreamWriter writer = new(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Write("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Write("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"项目表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Write("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Write("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>项目名称</t></si><si><t>县区</t></si><si><t>所属领域</t></si><si><t>年度计划投资</t></si><si><t>累计完成投资</t></si><si><t>项目</t></si><si><t>安源区</t></si><si><t>工业</t></si></sst>");
            using StreamWriter sheet = new(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
            sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.Write("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c></row>");
            for (int i = 0; i < rows; i++)
            {
                sheet.Write("<row><c t=\"s\"><v>5</v></c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>7</v></c><c><v>10</v></c><c><v>5</v></c></row>");
            }

            sheet.Write("</sheetData></worksheet>");
        }

        stream.Position = 0;
        return stream;
    }
}
