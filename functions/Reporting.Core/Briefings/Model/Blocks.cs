namespace Reporting.Core.Briefings.Model;

/// <summary>A piece of section content. Renderers switch on the concrete type.</summary>
public abstract record Block
{
    /// <summary>Every string this block prints.</summary>
    public abstract IEnumerable<string> Texts();
}

public enum RunStyle
{
    Normal,

    /// <summary>A key figure: set in bold so a reader scanning on a phone finds it.</summary>
    Figure,
}

/// <summary>A span of text with one style.</summary>
public sealed record TextRun(string Text, RunStyle Style = RunStyle.Normal);

/// <summary>A body paragraph, set with a two-character first-line indent.</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : Block
{
    public string PlainText => string.Concat(Runs.Select(r => r.Text));

    public override IEnumerable<string> Texts() => Runs.Select(r => r.Text);
}

/// <summary>A level-two heading inside a section, e.g. "（一）红色预警项目".</summary>
public sealed record Subheading(string Text) : Block
{
    public override IEnumerable<string> Texts() => [Text];
}

/// <summary>A labelled figure shown prominently, e.g. 完成年计划投资 134.8%.</summary>
public sealed record KeyFigure(string Label, string Value, string? Note = null);

/// <summary>A row of key figures at the top of a section.</summary>
public sealed record KeyFigures(IReadOnlyList<KeyFigure> Items) : Block
{
    public override IEnumerable<string> Texts() =>
        Items.SelectMany(i => i.Note is null ? new[] { i.Label, i.Value } : new[] { i.Label, i.Value, i.Note });
}

/// <summary>A list of items, each set as a hanging paragraph after a bullet.</summary>
public sealed record BulletList(IReadOnlyList<IReadOnlyList<TextRun>> Items) : Block
{
    public override IEnumerable<string> Texts() => Items.SelectMany(item => item.Select(r => r.Text));
}

public enum ColumnAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A table column; <paramref name="Weight"/> is a hint for how much room the column wants when text must wrap.</summary>
public sealed record TableColumn(string Header, ColumnAlignment Alignment = ColumnAlignment.Left, double Weight = 1);

public enum TableRowKind
{
    Normal,

    /// <summary>A 合计/全市 row, set in bold.</summary>
    Total,
}

public sealed record TableRow(IReadOnlyList<string> Cells, TableRowKind Kind = TableRowKind.Normal);

/// <summary>
/// A table that may run over several pages; the header row repeats on each page.
/// <paramref name="Caption"/> is printed above ("表1 …"), <paramref name="Note"/> below.
/// </summary>
public sealed record Table(string? Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, string? Note = null) : Block
{
    public override IEnumerable<string> Texts()
    {
        if (Caption is not null)
        {
            yield return Caption;
        }

        foreach (TableColumn column in Columns)
        {
            yield return column.Header;
        }

        foreach (TableRow row in Rows)
        {
            foreach (string cell in row.Cells)
            {
                yield return cell;
            }
        }

        if (Note is not null)
        {
            yield return Note;
        }
    }
}

/// <summary>
/// One bar: its category, its value in percent (null when undefined) and the label printed at its end; with a
/// previous month, a second, lighter bar under it (<paramref name="PreviousValue"/>, <paramref name="PreviousLabel"/>).
/// </summary>
public sealed record ChartBar(string Category, decimal? Value, string ValueLabel, decimal? PreviousValue = null, string? PreviousLabel = null);

/// <summary>
/// A bar chart of percentages with an optional reference line (序时进度). Axis tick labels are
/// the renderer's business; everything else is already text.
/// </summary>
/// <remarks>
/// With <paramref name="CurrentLegend"/> and <paramref name="PreviousLegend"/> each bar is paired with last month's
/// (本月 against 上月) and a legend names the two.
/// </remarks>
public sealed record BarChart(
    string Caption, IReadOnlyList<ChartBar> Bars, decimal? ReferenceValue, string? ReferenceLabel, string? CurrentLegend = null, string? PreviousLegend = null) : Block
{
    /// <summary>Whether bars are paired with last month's.</summary>
    public bool Paired => PreviousLegend is not null;

    public override IEnumerable<string> Texts()
    {
        yield return Caption;
        foreach (ChartBar bar in Bars)
        {
            yield return bar.Category;
            yield return bar.ValueLabel;
            if (bar.PreviousLabel is not null)
            {
                yield return bar.PreviousLabel;
            }
        }

        if (ReferenceLabel is not null)
        {
            yield return ReferenceLabel;
        }

        if (CurrentLegend is not null)
        {
            yield return CurrentLegend;
        }

        if (PreviousLegend is not null)
        {
            yield return PreviousLegend;
        }
    }
}

/// <summary>How a line of a <see cref="LineChart"/> is drawn.</summary>
public enum LineStyle
{
    /// <summary>The data: a solid line with a marker and a value label at each point.</summary>
    Data,

    /// <summary>A reference such as 序时进度: a dashed red line without labels.</summary>
    Reference,
}

/// <summary>One line: a value per category (null leaves a gap), its labels, and the legend text.</summary>
public sealed record LineSeries(string Legend, IReadOnlyList<decimal?> Values, IReadOnlyList<string> ValueLabels, LineStyle Style);

/// <summary>
/// A line chart of percentages over categories (months), drawn as vectors: the city's cumulative completion
/// against the 序时进度 line from January to the period.
/// </summary>
public sealed record LineChart(string Caption, IReadOnlyList<string> Categories, IReadOnlyList<LineSeries> Series) : Block
{
    public override IEnumerable<string> Texts()
    {
        yield return Caption;
        foreach (string category in Categories)
        {
            yield return category;
        }

        foreach (LineSeries series in Series)
        {
            yield return series.Legend;
            foreach (string label in series.ValueLabels)
            {
                yield return label;
            }
        }
    }
}
