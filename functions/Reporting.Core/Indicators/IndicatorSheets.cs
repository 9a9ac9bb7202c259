using Reporting.Core.Indicators.Comparison;
using Reporting.Core.Numbers;

namespace Reporting.Core.Indicators;

/// <summary>
/// The indicators as sections of titled tables and lines, every figure through <see cref="Display"/>: what
/// `reporting indicators --format table` prints (<see cref="IndicatorTextReport"/>) and the office's indicator
/// page shows. One layout, so the two never differ by a figure.
/// </summary>
public static class IndicatorSheets
{
    public static IndicatorSheet Build(IndicatorReport report, Func<string, string>? departmentName = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        departmentName ??= static id => id;
        var output = new SheetWriter($"重大项目及经济运行指标（{report.Period.ToChineseCumulative()}，序时进度{Display.Percent(report.SchedulePct)}）");

        output.Section("一、总体情况");
        var overall = ProgressTable("范围");
        AddProgress(overall, "全部项目", report.Overall, null);
        foreach (GroupProgress level in report.ByLevel)
        {
            AddProgress(overall, level.Key + "项目", level.Figures, null);
        }

        output.Add(overall);
        output.Line($"开工率：{Display.Percent(report.StartRatePct)}（计划新开工{Display.Count(report.PlannedNewStarts)}个，已开工{Display.Count(report.StartedNewStarts)}个）");

        if (Comparison(report) is { } comparison)
        {
            output.Line(comparison);
        }

        output.Section("二、分县区");
        output.Add(Groups("县区", report.ByCounty, report.Comparison, c => c.PreviousCounty));
        output.Section("三、分领域");
        output.Add(Groups("领域", report.ByField, report.Comparison, c => c.PreviousField));

        output.Section("四、滞后项目（红色、黄色）");
        if (report.Lagging.Count == 0)
        {
            output.Line("无");
        }
        else
        {
            var lagging = new TextTable("项目名称", "县区", "领域", "完成率", "与序时比较", "预警", "责任单位", "存在问题");
            foreach (LaggingProject project in report.Lagging)
            {
                lagging.Add(
                    project.Name,
                    project.County,
                    project.Field,
                    Display.Percent(project.CompletionPct),
                    Display.SignedPoints(project.ScheduleGapPp),
                    project.Severity == LagSeverity.Red ? "红色" : "黄色",
                    project.ResponsibleUnit ?? Display.Missing,
                    project.Issues ?? Display.Missing);
            }

            output.Add(lagging);
        }

        output.Section("五、招商引资");
        if (report.Signings is not { } signings)
        {
            output.Line("未收到招商引资签约项目表");
        }
        else
        {
            output.Line($"新签约项目{Display.Count(signings.Count)}个，其中亿元以上{Display.Count(signings.Over100mCount)}个，"
                + $"\"5020\"项目{Display.Count(signings.P5020Count)}个，签约金额{Display.YiYuan(signings.Amount)}");
            var regions = new TextTable("来源地", "项目数", "签约金额(亿元)");
            foreach (RegionSignings region in signings.ByRegion)
            {
                regions.Add(region.Region, Display.Count(region.Count), Display.YiCell(region.Amount));
            }

            output.Add(regions);
        }

        output.Section("六、产业运行");
        var metrics = new TextTable("指标", "本期", "上年同期", "同比增长", "占比", "上年占比", "占比变化(个百分点)", "来源");
        foreach (MetricIndicator metric in report.Metrics)
        {
            metrics.Add(
                metric.Name,
                Display.MetricValue(metric.Value, metric.Unit),
                Display.MetricValue(metric.Prior, metric.Unit),
                Display.Growth(metric.YoyPct, metric.YoyIsReported),
                Display.Percent(metric.SharePct),
                Display.Percent(metric.SharePriorPct),
                Display.SignedPoints(metric.ShareChangePp),
                departmentName(metric.Department));
        }

        output.Add(metrics);

        if (report.Warnings.Count > 0)
        {
            output.Section("提示");
            foreach (Ingestion.Finding warning in report.Warnings)
            {
                output.Line(warning.Message);
            }
        }

        output.Section("数据来源（各部门最近一次被接受的报送）");
        var sources = new TextTable("部门", "报表", "文件", "接收时间(北京时间)", "记录数");
        foreach (SourceNote source in report.Sources)
        {
            sources.Add(
                departmentName(source.Department),
                Ingestion.DatasetKinds.ToChinese(source.Kind),
                source.SourceFile,
                ChinaTime.ToBeijing(source.ReceivedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                Display.Count(source.Records));
        }

        output.Add(sources);
        return output.Build();
    }

    private static TextTable ProgressTable(string first) =>
        new(first, "项目数", "年度计划(亿元)", "累计完成(亿元)", "完成率", "与序时比较(个百分点)", "排名");

    private static void AddProgress(TextTable table, string label, ProgressFigures figures, int? rank) =>
        table.Add(
            label,
            Display.Count(figures.Count),
            Display.YiCell(figures.AnnualPlan),
            Display.YiCell(figures.Completed),
            Display.Percent(figures.CompletionPct),
            Display.SignedPoints(figures.ScheduleGapPp),
            Display.Count(rank));

    private static TextTable Groups(
        string label, IReadOnlyList<GroupProgress> groups, PeriodComparison? comparison, Func<PeriodComparison, Func<string, GroupProgress?>> previousOf)
    {
        if (comparison is not { HasPrevious: true })
        {
            TextTable table = ProgressTable(label);
            foreach (GroupProgress group in groups)
            {
                AddProgress(table, group.Key, group.Figures, group.Rank);
            }

            return table;
        }

        Func<string, GroupProgress?> previous = previousOf(comparison);
        var compared = new TextTable(label, "项目数", "年度计划(亿元)", "累计完成(亿元)", "完成率", "与序时比较(个百分点)", "排名", "完成率较上月(个百分点)", "排名变化");
        foreach (GroupProgress group in groups)
        {
            GroupProgress? before = previous(group.Key);
            compared.Add(
                group.Key,
                Display.Count(group.Figures.Count),
                Display.YiCell(group.Figures.AnnualPlan),
                Display.YiCell(group.Figures.Completed),
                Display.Percent(group.Figures.CompletionPct),
                Display.SignedPoints(group.Figures.ScheduleGapPp),
                Display.Count(group.Rank),
                Display.SignedPoints(Change.Points(group.Figures.CompletionPct, before?.Figures.CompletionPct)),
                Display.RankChange(Change.Rank(group.Rank, before?.Rank)));
        }

        return compared;
    }

    /// <summary>环比: against the previous month of the same year, or why there is no comparison; null when the report carries none.</summary>
    private static string? Comparison(IndicatorReport report)
    {
        if (report.Comparison is not { } comparison)
        {
            return null;
        }

        switch (comparison.Basis)
        {
            case ComparisonBasis.FirstMonthOfYear:
                return $"环比：{report.Period.Year}年1月为年内首月，累计数自1月起算，不与上年12月比较。";
            case ComparisonBasis.NoPreviousData:
                return $"环比：上月（{comparison.PreviousPeriod?.ToChineseCumulative()}）没有已接受的报送，环比各项为“—”。";
        }

        ProgressFigures? before = comparison.Overall;
        LaggingCounts now = LaggingCounts.Of(report.Lagging);
        return $"环比：较{comparison.PreviousPeriod?.ToChineseCumulative()}，"
            + $"完成率变化{Display.SignedPoints(Change.Points(report.Overall.CompletionPct, before?.CompletionPct))}个百分点，"
            + $"本月完成投资{Display.YiYuan(Change.Amount(report.Overall.Completed, before?.Completed))}，"
            + $"项目数变化{Display.SignedCount(Change.Count(report.Overall.Count, before?.Count))}，"
            + $"滞后项目{Display.Count(now.Total)}个（变化{Display.SignedCount(Change.Count(now.Total, comparison.Lagging?.Total))}），"
            + $"新增滞后{Display.Count(comparison.NewlyLagging.Count)}个，"
            + $"不再滞后{Display.Count(comparison.NoLongerLagging.Count)}个。";
    }
}
