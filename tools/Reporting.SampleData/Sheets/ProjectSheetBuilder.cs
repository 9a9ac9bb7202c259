namespace Reporting.SampleData.Sheets;

/// <summary>Lays a county's projects out on a grid following its <see cref="ProjectLayout"/>.</summary>
internal static class ProjectSheetBuilder
{
    private static readonly string[] s_natures = ["续建", "新建"];

    /// <returns>The grid and the Excel row of each project.</returns>
    public static (SheetGrid Grid, IReadOnlyList<(SampleProject Project, int Row)> Rows) Build(ProjectLayout layout, IReadOnlyList<SampleProject> projects)
    {
        IReadOnlyList<ProjectColumn> columns = layout.Columns;
        var grid = new SheetGrid(layout.SheetName, columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            grid.Widths[c] = columns[c].Width;
            if (columns[c].Hidden)
            {
                grid.HiddenColumns.Add(c + 1);
            }

            if (columns[c].Format is { } format)
            {
                grid.Formats[c + 1] = format;
            }
        }

        grid.AddLine(RowKind.Title, layout.Title);
        foreach ((int Column, int Span, string Text)[] note in layout.Notes)
        {
            grid.AddSpread(RowKind.Note, note);
        }

        AddHeader(grid, columns);
        if (layout.ColumnNumbers)
        {
            grid.Add(RowKind.ColumnNumbers, columns.Select((_, i) => (object?)(i + 1)).ToArray());
        }

        grid.FreezeBelow = grid.RowCount;
        if (layout.Total == TotalPlacement.Top)
        {
            AddTotal(grid, layout, projects, "合计");
        }

        var rows = new List<(SampleProject, int)>();
        int serial = 0;
        foreach (IReadOnlyList<SampleProject> group in Groups(layout, projects))
        {
            if (group.Count == 0)
            {
                continue;
            }

            if (layout.NatureGroups && rows.Count > 0)
            {
                grid.Add(RowKind.Blank);
            }

            foreach (SampleProject project in group)
            {
                serial++;
                object?[] cells = columns.Select(c => c.Header == "序号" ? serial : Cell(layout, c, project)).ToArray();
                rows.Add((project, grid.Add(RowKind.Data, cells)));
            }

            if (layout.FieldSubtotals)
            {
                AddTotal(grid, layout, group, group[0].Field + "小计");
            }
        }

        if (layout.Total == TotalPlacement.Bottom)
        {
            AddTotal(grid, layout, projects, "合计");
        }

        grid.Add(RowKind.Blank);
        foreach (string line in layout.Footer)
        {
            grid.AddLine(RowKind.Footer, line);
        }

        return (grid, rows);
    }

    private static IEnumerable<IReadOnlyList<SampleProject>> Groups(ProjectLayout layout, IReadOnlyList<SampleProject> projects)
    {
        if (layout.FieldSubtotals)
        {
            return Counties.Fields.Select(f => (IReadOnlyList<SampleProject>)projects.Where(p => p.Field == f).ToList());
        }

        if (layout.NatureGroups)
        {
            return s_natures.Select(n => (IReadOnlyList<SampleProject>)projects.Where(p => p.Nature == n).ToList());
        }

        return [projects];
    }

    private static object? Cell(ProjectLayout layout, ProjectColumn column, SampleProject project)
    {
        object? value = column.Value(project);
        return column.Amount && value is decimal wan ? wan / layout.AmountDivisor : value;
    }

    // Two header rows when any column sits under a group ("2022年度" over 计划投资 and 完成投资);
    // ungrouped columns are merged over both rows.
    private static void AddHeader(SheetGrid grid, IReadOnlyList<ProjectColumn> columns)
    {
        bool twoRows = columns.Any(c => c.Group is not null);
        if (!twoRows)
        {
            grid.Add(RowKind.Header, columns.Select(c => (object?)c.Header).ToArray());
            return;
        }

        var top = new object?[columns.Count];
        var bottom = new object?[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Group is { } group)
            {
                top[c] = c > 0 && columns[c - 1].Group == group ? null : group;
                bottom[c] = columns[c].Header;
            }
            else
            {
                top[c] = columns[c].Header;
            }
        }

        int first = grid.Add(RowKind.Header, top);
        grid.Add(RowKind.Header, bottom);
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Group is null)
            {
                grid.Merges.Add((first, c + 1, first + 1, c + 1));
            }
            else if (c == 0 || columns[c - 1].Group != columns[c].Group)
            {
                int last = c;
                while (last + 1 < columns.Count && columns[last + 1].Group == columns[c].Group)
                {
                    last++;
                }

                if (last > c)
                {
                    grid.Merges.Add((first, c + 1, first, last + 1));
                }
            }
        }
    }

    // Sums of the values as displayed (亿元 with two decimals add up exactly), so totals check out.
    private static void AddTotal(SheetGrid grid, ProjectLayout layout, IReadOnlyList<SampleProject> projects, string label)
    {
        IReadOnlyList<ProjectColumn> columns = layout.Columns;
        var cells = new object?[columns.Count];
        int labelColumn = columns.ToList().FindIndex(c => c.Header.Contains("项目名称", StringComparison.Ordinal));
        cells[labelColumn] = label;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Sum)
            {
                cells[c] = projects.Sum(p => (decimal)Cell(layout, columns[c], p)!);
            }
        }

        grid.Add(RowKind.Total, cells);
    }
}
