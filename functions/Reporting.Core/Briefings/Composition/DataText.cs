using System.Text;

namespace Reporting.Core.Briefings.Composition;

/// <summary>Text that comes from departments' cells (names, issues): line breaks typed with Alt+Enter, tabs and runs of spaces become one space.</summary>
internal static class DataText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The cleaned text, or "—" when nothing is left.</summary>
    public static string OrMissing(string? text) => Clean(text) is { Length: > 0 } clean ? clean : Indicators.Display.Missing;
}
