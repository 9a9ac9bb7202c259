namespace Reporting.Core.Ingestion.Sheets;

/// <summary>A1-style references from 0-based row and column indexes, and back.</summary>
internal static class CellRef
{
    public static string ColumnLetters(int column)
    {
        Span<char> buffer = stackalloc char[4];
        int position = buffer.Length;
        int value = column + 1;
        while (value > 0)
        {
            int remainder = (value - 1) % 26;
            buffer[--position] = (char)('A' + remainder);
            value = (value - 1) / 26;
        }

        return new string(buffer[position..]);
    }

    public static string ToA1(int row, int column) => ColumnLetters(column) + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "F12" into 0-based (row, column); false for anything else.</summary>
    public static bool TryParse(string? reference, out int row, out int column)
    {
        row = -1;
        column = -1;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        int i = 0;
        int col = 0;
        while (i < reference.Length && char.IsAsciiLetterUpper(reference[i]))
        {
            col = col * 26 + (reference[i] - 'A' + 1);
            i++;
        }

        if (i == 0 || i == reference.Length || col > 16384)
        {
            return false;
        }

        int r = 0;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]) || r > 1_048_576)
            {
                return false;
            }

            r = r * 10 + (reference[i] - '0');
        }

        if (r < 1)
        {
            return false;
        }

        row = r - 1;
        column = col - 1;
        return true;
    }
}
