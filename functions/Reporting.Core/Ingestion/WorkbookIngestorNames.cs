namespace Reporting.Core.Ingestion;

internal static class WorkbookIngestorNames
{
    /// <summary>A CSV has no sheet: findings name it after the file ("安源区12月.csv" → 安源区12月).</summary>
    public static string CsvSheetName(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        string cleaned = new([.. stem.Where(c => !char.IsControl(c) && c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
        cleaned = cleaned.Trim().Trim('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
