using Reporting.Core.Briefings.Model;
using Reporting.Core.Indicators;
using Reporting.Core.Numbers;

namespace Reporting.Core.Briefings.Composition;

/// <summary>
/// 五、产业运行: one sentence per metric, e.g. "电子信息产业工业增加值同比增长24.7%，占规上工业比重达12.2%，
/// 较上年提高3.9个百分点。" Metrics from one department share a paragraph. A metric with no figure at
/// all gets no sentence.
/// </summary>
internal static class MetricsSection
{
    public const string Title = "产业运行";

    private const string WanYuanUnit = "万元";

    public static IReadOnlyList<Block> Build(CompositionContext context)
    {
        var paragraphs = new List<Block>();
        foreach (IGrouping<string, MetricIndicator> department in context.Report.Metrics.GroupBy(m => m.Department))
        {
            var prose = new ProseBuilder();
            foreach (MetricIndicator metric in department)
            {
                AppendSentence(prose, metric);
            }

            if (!prose.IsEmpty)
            {
                paragraphs.Add(prose.Build());
            }
        }

        return paragraphs.Count > 0
            ? paragraphs
            : [new ProseBuilder().Text("本期未收到经济运行指标数据。").Build()];
    }

    /// <summary>Appends the metric's sentence (ending in 。), or nothing when it carries no figure.</summary>
    public static void AppendSentence(ProseBuilder prose, MetricIndicator metric)
    {
        if (metric.Value is null && metric.YoyPct is null && metric.SharePct is null)
        {
            return;
        }

        string name = DataText.Clean(metric.Name);
        string? unit = metric.Unit is null ? null : DataText.Clean(metric.Unit);
        string subject = Subject(name, unit);
        prose.Text(metric.Value is null ? name : subject);
        if (metric.Value is { } value)
        {
            AppendValue(prose, value, unit);
        }

        bool needsComma = metric.Value is not null;
        if (metric.YoyPct is { } yoy)
        {
            int decimals = metric.YoyIsReported ? 2 : 1;
            string magnitude = metric.YoyIsReported ? Display.ReportedPercent(Math.Abs(yoy)) : Display.Percent(Math.Abs(yoy));
            prose.Text(needsComma ? "，" : string.Empty);
            string? direction = Display.GrowthOrDecline(yoy, decimals);
            if (direction is null)
            {
                prose.Text("与上年同期持平");
            }
            else
            {
                prose.Text("同比" + direction).Figure(magnitude);
            }

            needsComma = true;
        }

        if (metric.SharePct is { } share)
        {
            prose.Text((needsComma ? "，" : string.Empty) + ShareLead(metric)).Figure(Display.Percent(share));
            if (metric.ShareChangePp is { } change)
            {
                string? direction = Display.RiseOrFall(change);
                if (direction is null)
                {
                    prose.Text("，与上年持平");
                }
                else
                {
                    prose.Text("，较上年" + direction).Figure(Display.PointsMagnitude(change));
                }
            }
        }

        prose.Text("。");
    }

    /// <summary>
    /// The name as the subject of a sentence with a value: a trailing 数/金额 is dropped because
    /// the unit follows ("5G基站数" → "5G基站2295个", "为企业减负金额" → "为企业减负32亿元"), and a
    /// trailing unit too ("市场主体户数" → "市场主体…户").
    /// </summary>
    public static string Subject(string name, string? unit)
    {
        string subject = name.Trim();
        if (subject.EndsWith("金额", StringComparison.Ordinal) && subject.Length > 2 && unit == WanYuanUnit)
        {
            return subject[..^2];
        }

        if (subject.EndsWith('数') && subject.Length > 1 && !string.IsNullOrEmpty(unit) && unit != WanYuanUnit && unit != "%")
        {
            subject = subject[..^1];
            if (subject.EndsWith(unit, StringComparison.Ordinal) && subject.Length > unit.Length)
            {
                subject = subject[..^unit.Length];
            }
        }

        return subject;
    }

    private static void AppendValue(ProseBuilder prose, decimal value, string? unit)
    {
        switch (unit)
        {
            case WanYuanUnit:
                prose.Figure(Display.YiYuan(value));
                break;
            case "%":
                prose.Text("为").Figure(Display.ReportedPercent(value));
                break;
            case null or "":
                prose.Text("为").Figure(Display.Plain(value));
                break;
            default:
                prose.Figure(Display.Plain(value) + unit);
                break;
        }
    }

    /// <summary>"占规上工业比重达" when the note or the name says what the share is of, else "占比达".</summary>
    private static string ShareLead(MetricIndicator metric)
    {
        string? note = metric.Note;
        if (note is not null)
        {
            int start = note.IndexOf('占', StringComparison.Ordinal);
            int end = start < 0 ? -1 : note.IndexOf("比重", start, StringComparison.Ordinal);
            if (start >= 0 && end > start + 1)
            {
                return DataText.Clean(note[start..end]) + "比重达";
            }
        }

        return metric.Name.Contains("工业增加值", StringComparison.Ordinal) ? "占规上工业比重达" : "占比达";
    }
}
