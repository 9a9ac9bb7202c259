using System.IO.Compression;
using System.Text;

namespace Reporting.Core.Ingestion.Reading;

/// <summary>What the bytes say a file is, decided from magic bytes and never from the extension.</summary>
internal sealed record ProbeResult(SpreadsheetFormat? Format, string? RuleId, string? Message, Encoding? CsvEncoding)
{
    public static ProbeResult Reject(string ruleId, string message) => new(null, ruleId, message, null);
}

/// <summary>
/// Looks at a seekable stream before any parser does: format by magic bytes, zip central directory
/// (sizes and ratios, without extracting), encrypted OOXML inside an OLE container, HTML or XML
/// pretending to be .xls, and the text encoding of CSV.
/// </summary>
internal static class FileProbe
{
    private const int SniffLength = 8192;

    // A deflate stream cannot legitimately expand much beyond ~1000:1; real workbook parts stay far below.
    private const long SuspiciousRatio = 500;
    private const long SuspiciousEntryBytes = 10L * 1024 * 1024;

    private static readonly byte[] s_oleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] s_encryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] s_encryptionInfo = Encoding.Unicode.GetBytes("EncryptionInfo");
    private static readonly byte[] s_workbookStream = Encoding.Unicode.GetBytes("Workbook");
    private static readonly byte[] s_bookStream = Encoding.Unicode.GetBytes("Book");

    public static ProbeResult Probe(Stream stream, long maxUncompressedBytes)
    {
        stream.Position = 0;
        byte[] head = new byte[(int)Math.Min(SniffLength, stream.Length)];
        stream.ReadExactly(head);
        stream.Position = 0;

        if (head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K')
        {
            return ProbeZip(stream, maxUncompressedBytes);
        }

        if (head.AsSpan().StartsWith(s_oleMagic))
        {
            return ProbeOle(stream);
        }

        if (head.AsSpan().StartsWith("%PDF"u8))
        {
            return ProbeResult.Reject(RuleIds.FileUnsupportedType, "文件是 PDF，不是表格。请上传 Excel（.xlsx、.xls）或 CSV 文件。");
        }

        // Excel's and WPS's "Unicode text" (Unicode 文本): UTF-16 with a byte order mark, tab-separated, often renamed
        // .csv or left as .txt. Its zero bytes are the high halves of ASCII characters, not a binary file's.
        if (head.Length >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            return new ProbeResult(SpreadsheetFormat.Csv, null, null, head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode);
        }

        if (head.AsSpan().IndexOf((byte)0) >= 0)
        {
            return ProbeResult.Reject(RuleIds.FileUnsupportedType, "文件不是 Excel 或 CSV 表格，无法读取。请上传 .xlsx、.xls 或 .csv 文件。");
        }

        Encoding encoding = DetectTextEncoding(stream);
        string start = encoding.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (start.StartsWith('<'))
        {
            bool html = start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<table", StringComparison.OrdinalIgnoreCase);
            bool xml = start.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.OrdinalIgnoreCase);
            if (html || xml)
            {
                string what = html ? "网页（HTML）" : "XML 电子表格（Excel 2003 XML）";
                return ProbeResult.Reject(
                    RuleIds.FileUnsupportedType,
                    $"文件实际是{what}格式，只是扩展名像 Excel。请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（.xlsx）再上传。");
            }
        }

        return new ProbeResult(SpreadsheetFormat.Csv, null, null, encoding);
    }

    private static ProbeResult ProbeZip(Stream stream, long maxUncompressedBytes)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            bool workbook = false;
            bool binaryWorkbook = false;
            bool otherOffice = false;
            bool openDocument = false;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                total += entry.Length;
                long ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
                if (total > maxUncompressedBytes || (entry.Length > SuspiciousEntryBytes && ratio > SuspiciousRatio))
                {
                    return ProbeResult.Reject(
                        RuleIds.FileZipBomb,
                        $"文件解压后超过 {maxUncompressedBytes / (1024 * 1024)} MB 或压缩比异常（{entry.FullName}），可能已损坏或含有异常内容，已拒收。请只保留本期报表后重新保存上传。");
                }

                string name = entry.FullName.Replace('\\', '/');
                workbook |= name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
                binaryWorkbook |= name.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase);
                otherOffice |= name.StartsWith("word/", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase);

                // An OpenDocument file (.ods from WPS or LibreOffice) is a zip too, with its content in content.xml.
                openDocument |= name.Equals("content.xml", StringComparison.OrdinalIgnoreCase);
            }

            if (workbook)
            {
                return new ProbeResult(SpreadsheetFormat.OpenXml, null, null, null);
            }

            string message = binaryWorkbook
                ? "文件是 Excel 二进制工作簿（.xlsb），无法读取。请“另存为”Excel 工作簿（.xlsx）再上传。"
                : openDocument
                    ? "文件是 OpenDocument 表格（.ods，WPS 或 LibreOffice 的一种保存格式），无法读取。请在 WPS 或 Excel 中“另存为”Excel 工作簿（.xlsx）再上传。"
                : otherOffice
                    ? "文件是 Word 或 PowerPoint 文档，不是表格。请上传 .xlsx、.xls 或 .csv 文件。"
                    : "文件是压缩包，不是 Excel 表格。请直接上传 .xlsx、.xls 或 .csv 文件。";
            return ProbeResult.Reject(RuleIds.FileUnsupportedType, message);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return Unreadable();
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static ProbeResult ProbeOle(Stream stream)
    {
        // An OLE container is small enough (the upload limit applies first) to scan for directory names.
        byte[] all = new byte[stream.Length];
        stream.ReadExactly(all);
        stream.Position = 0;
        ReadOnlySpan<byte> bytes = all;
        if (bytes.IndexOf(s_encryptedPackage) >= 0 || bytes.IndexOf(s_encryptionInfo) >= 0)
        {
            return Encrypted();
        }

        if (bytes.IndexOf(s_workbookStream) < 0 && bytes.IndexOf(s_bookStream) < 0)
        {
            return ProbeResult.Reject(RuleIds.FileUnsupportedType, "文件是 Office 文档但不是 Excel 工作簿（可能是 Word 文档）。请上传 .xlsx、.xls 或 .csv 文件。");
        }

        return new ProbeResult(SpreadsheetFormat.Binary, null, null, null);
    }

    /// <summary>UTF-8 when there is a BOM or every byte sequence is valid UTF-8; GB18030 otherwise (what Chinese Excel saves as "CSV").</summary>
    private static Encoding DetectTextEncoding(Stream stream)
    {
        stream.Position = 0;
        byte[] buffer = new byte[64 * 1024];
        Decoder decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        char[] chars = new char[buffer.Length + 1];
        try
        {
            int read;
            bool first = true;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (first && read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    return Encoding.UTF8;
                }

                first = false;
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return EncodingSetup.Gb18030;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    public static ProbeResult Unreadable() =>
        ProbeResult.Reject(RuleIds.FileUnreadable, "文件已损坏或不完整，无法读取。请在 Excel 或 WPS 中打开确认无误后重新保存上传。");

    public static ProbeResult Encrypted() =>
        ProbeResult.Reject(RuleIds.FileEncrypted, "文件设置了打开密码（已加密），无法读取。请取消密码保护后重新上传。");
}
