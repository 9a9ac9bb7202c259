using System.Text;

namespace Reporting.Core.Ingestion.Reading;

/// <summary>Code pages (GB18030 for CSV and old .xls without a code page record) are registered once, before any read.</summary>
internal static class EncodingSetup
{
    static EncodingSetup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030");
    }

    public static Encoding Gb18030 { get; }

    /// <summary>Touching this runs the static constructor (ExcelDataReader asks for code page 1252 as soon as it is configured).</summary>
    public static void EnsureRegistered() => _ = Gb18030;
}
