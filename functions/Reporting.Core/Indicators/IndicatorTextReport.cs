using System.Text;
using Reporting.Core.Indicators.Comparison;

namespace Reporting.Core.Indicators;

/// <summary>The indicators as a readable plain-text report (`reporting indicators --format table`). Every figure goes through <see cref="Display"/>.</summary>
public static class IndicatorTextReport
{
    public static string Render(IndicatorReport report, Func<string, string>? departmentName = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        departmentName ??= static id => id;
        var output = new StringBuilder();
        output.Append($"重大项目及经济运行指标（{report.Period.ToChineseCumulative()}，序时进度{Display.Percent(report.SchedulePct)}）\n\n");

        output.Append("一、总体情况\n");
        var overall = ProgressTable("范围");
        AddProgress(overall, "全部项目", report.Overall, null);
        foreach (GroupProgress level in report.ByLevel)
        {
            AddProgress(overall, level.Key + "项目", level.Figures, null);
        }

        overall.WriteTo(output);
        output.Append($"  开工率：{Display.Percent(report.StartRatePct)}（计划新开工{Display.Count(report.PlannedNewStarts)}个，已开工{Display.Count(report.StartedNewStarts)}个）\n\n");

        WriteComparison(output, report);
        output.Append("二、分县区\n");
        WriteGroups(output, "县区", report.ByCounty, report.Comparison, c => c.PreviousCounty);
        output.Append("三、分领域\n");
        WriteGroups(output, "领域", report.ByField, report.Comparison, c => c.PreviousField);

        output.Append("四、滞后项目（红色、黄色）\n");
        if (report.Lagging.Count == 0)
        {
            output.Append("  无\n\n");
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

            lagging.WriteTo(output);
            output.Append('\n');
        }

        output.Append("五、招商引资\n");
        if (report.Signings is not { } signings)
        {
            output.Append("  未收到招商引资签约项目表\n\n");
        }
        else
        {
            output.Append($"  新签约项目{Display.Count(signings.Count)}个，其中亿元以上{Display.Count(signings.Over100mCount)}个，"
                + $"\"5020\"项目{Display.Count(signings.P5020Count)}个，签约金额{Display.YiYuan(signings.Amount)}\n");
            var regions = new TextTable("来源地", "项目数", "签约金额(亿元)");
            foreach (RegionSignings region in signings.ByRegion)
            {
                regions.Add(region.Region, Display.Count(region.Count), Display.YiCell(region.Amount));
            }

            regions.WriteTo(output);
            output.Append('\n');
        }

        output.Append("六、产业运行\n");
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

        metrics.WriteTo(output);
        output.Append('\n');

        if (report.Warnings.Count > 0)
        {
            output.Append("提示\n");
            foreach (Ingestion.Finding warning in report.Warnings)
            {
                output.Append("  ").Append(warning.Message).Append('\n');
            }

            output.Append('\n');
        }

        output.Append("数据来源（各部门最近一次被接受的报送）\n");
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

        sources.WriteTo(output);
        return output.ToString();
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

    private static void WriteGroups(
        StringBuilder output, string label, IReadOnlyList<GroupProgress> groups, PeriodComparison? comparison, Func<PeriodComparison, Func<string, GroupProgress?>> previousOf)
    {
        if (comparison is not { HasPrevious: true })
        {
            TextTable table = ProgressTable(label);
            foreach (GroupProgress group in groups)
            {
                AddProgress(table, group.Key, group.Figures, group.Rank);
            }

            table.WriteTo(output);
            output.Append('\n');
            return;
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

        compared.WriteTo(output);
        output.Append('\n');
    }

    /// <summary>环比: against the previous month of the same year, or why there is no comparison.</summary>
    private static void WriteComparison(StringBuilder output, IndicatorReport report)
    {
        if (report.Comparison is not { } comparison)
        {
            return;
        }

        output.Append("  环比：");
        switch (comparison.Basis)
        {
            case ComparisonBasis.FirstMonthOfYear:
                output.Append(report.Period.Year).Append("年1月为年内首月，累计数自1月起算，不与上年12月比较。\n\n");
                return;
            case ComparisonBasis.NoPreviousData:
                output.Append("上月（").Append(comparison.PreviousPeriod?.ToChineseCumulative()).Append("）没有已接受的报送，环比各项为“—”。\n\n");
                return;
        }

        ProgressFigures? before = comparison.Overall;
        LaggingCounts now = LaggingCounts.Of(report.Lagging);
        output.Append('较').Append(comparison.PreviousPeriod?.ToChineseCumulative())
            .Append("，完成率变化").Append(Display.SignedPoints(Change.Points(report.Overall.CompletionPct, before?.CompletionPct))).Append("个百分点，")
            .Append("本月完成投资").Append(Display.YiYuan(Change.Amount(report.Overall.Completed, before?.Completed))).Append('，')
            .Append("项目数变化").Append(Display.SignedCount(Change.Count(report.Overall.Count, before?.Count))).Append('，')
            .Append("滞后项目").Append(Display.Count(now.Total)).Append("个（变化").Append(Display.SignedCount(Change.Count(now.Total, comparison.Lagging?.Total))).Append("），")
            .Append("新增滞后").Append(Display.Count(comparison.NewlyLagging.Count)).Append("个，")
            .Append("不再滞后").Append(Display.Count(comparison.NoLongerLagging.Count)).Append("个。\n\n");
    }
}
