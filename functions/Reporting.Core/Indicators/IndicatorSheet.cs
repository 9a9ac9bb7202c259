namespace Reporting.Core.Indicators;

/// <summary>The indicators laid out for reading: a title and numbered sections of lines and tables, figures already formatted.</summary>
public sealed record IndicatorSheet(string Title, IReadOnlyList<IndicatorSheetSection> Sections);

public sealed record IndicatorSheetSection(string Title, IReadOnlyList<IndicatorSheetBlock> Blocks);

public abstract record IndicatorSheetBlock;

/// <summary>A sentence (开工率, the signings summary, a warning).</summary>
public sealed record IndicatorSheetLine(string Text) : IndicatorSheetBlock;

/// <summary>A table: the first column names the row, the others are figures.</summary>
public sealed record IndicatorSheetTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : IndicatorSheetBlock;

/// <summary>Collects sections and their blocks in order.</summary>
internal sealed class SheetWriter(string title)
{
    private readonly List<IndicatorSheetSection> _sections = [];
    private List<IndicatorSheetBlock>? _blocks;

    public void Section(string sectionTitle)
    {
        _blocks = [];
        _sections.Add(new IndicatorSheetSection(sectionTitle, _blocks));
    }

    public void Line(string text) => Current.Add(new IndicatorSheetLine(text));

    public void Add(TextTable table) => Current.Add(table.ToTable());

    public IndicatorSheet Build() => new(title, [.. _sections]);

    private List<IndicatorSheetBlock> Current => _blocks ?? throw new InvalidOperationException("Start a section first.");
}
