namespace Reporting.Core.Ingestion.Reading;

internal enum SpreadsheetFormat
{
    /// <summary>Office Open XML workbook (.xlsx, .xlsm): a zip starting with "PK".</summary>
    OpenXml,

    /// <summary>Excel 97-2003 / WPS (.xls): an OLE compound file starting with D0 CF 11 E0.</summary>
    Binary,

    /// <summary>Delimited text, UTF-8 or GB18030.</summary>
    Csv,
}
