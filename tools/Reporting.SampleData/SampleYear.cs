using Reporting.Core;

namespace Reporting.SampleData;

/// <summary>
/// The year behind the December figures: each month's cumulative state of the same 380 projects, 185 signings
/// and ten metrics, consistent month to month. December is the generated year-end itself; an earlier month is
/// derived from it, never the other way round, so the seed's figures cannot move.
/// <list type="bullet">
/// <item>A 续建 project builds from January, a 新建 one from the month of its 实际开工时间 (not started before: 否, no
/// date, nothing completed); a project that is 竣工投产 by December finishes in a month from June on and adds nothing after.</item>
/// <item>Between start and finish the cumulative amount follows the project's own curve, (elapsed share)^γ with γ
/// between 0.85 and 1.25, floored to what the county's sheet can write (1 万元, or 100 万元 in 亿元 counties): it
/// never falls from one month to the next and reaches December's figure exactly.</item>
/// <item>Signings are those signed by the end of the month; metrics move towards their year-end values.</item>
/// </list>
/// The curves come from their own random stream, so December's generation is untouched.
/// </summary>
internal sealed class SampleYear
{
    public static readonly IReadOnlyList<ReportingPeriod> Periods = [.. Enumerable.Range(1, 12).Select(m => new ReportingPeriod(2022, m))];

    /// <summary>
    /// Departments that send a corrected workbook after their first one in a month: the first still carries last
    /// month's figures for the three projects that moved most (the clerk forgot to update them).
    /// </summary>
    public static readonly IReadOnlyList<(int Month, string Department)> Resubmissions = [(3, "xiangdong"), (7, "jingkai"), (10, "lianhua")];

    private const ulong CurveSalt = 0x9E37_79B9_2022_0101UL;

    private readonly IReadOnlyList<SampleProject> _december;
    private readonly Dictionary<SampleProject, (int Start, int Finish, decimal Gamma)> _curves = [];

    public SampleYear(IReadOnlyList<SampleProject> december, ulong seed)
    {
        _december = december;
        var random = new SampleRandom(seed ^ CurveSalt);
        foreach (SampleProject project in december)
        {
            int start = project.Nature == "新建" ? project.ActualStart is { Year: 2022 } started ? started.Month : 13 : 1;
            int finish = project.CompletedFlag ? Math.Max(6, Math.Min(12, start + 3 + random.Next(6))) : 12;
            decimal gamma = random.Between(0.85m, 1.25m);
            _curves[project] = (start, finish, gamma);
        }
    }

    /// <summary>The projects as their counties report them for <paramref name="month"/>; December's objects for December.</summary>
    public IReadOnlyList<SampleProject> ProjectsIn(int month) => month == 12 ? _december : [.. _december.Select(p => AsOf(p, month))];

    /// <summary>The three projects of <paramref name="department"/> whose cumulative figure moved most in <paramref name="month"/>, at last month's figure.</summary>
    public IReadOnlyList<SampleProject> FirstVersion(IReadOnlyList<SampleProject> projects, string department, int month)
    {
        Dictionary<SampleProject, SampleProject> previous = _december.Zip(ProjectsIn(month - 1)).ToDictionary(x => x.First, x => x.Second);
        Dictionary<SampleProject, SampleProject> current = _december.Zip(projects).ToDictionary(x => x.Second, x => x.First);
        HashSet<SampleProject> stale = [.. projects
            .Where(p => p.County.Department == department)
            .OrderByDescending(p => p.Completed - previous[current[p]].Completed)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .Take(3)];
        return [.. projects.Select(p => stale.Contains(p) ? Stale(p, previous[current[p]]) : p)];
    }

    private static SampleProject Stale(SampleProject project, SampleProject lastMonth)
    {
        SampleProject copy = project.Copy();
        copy.Completed = lastMonth.Completed;
        return copy;
    }

    private SampleProject AsOf(SampleProject december, int month)
    {
        (int start, int finish, decimal gamma) = _curves[december];
        SampleProject project = december.Copy();
        bool started = month >= start;
        bool finished = december.CompletedFlag && month >= finish;
        decimal share = !started ? 0m : finished ? 1m : Power((month - start + 1m) / (finish - start + 1m), gamma);
        decimal step = december.County.Granularity;
        project.Completed = decimal.Floor(december.Completed * share / step) * step;
        project.Started = started && december.Started;
        project.ActualStart = started ? december.ActualStart : null;
        project.CompletedFlag = finished;
        project.ProgressNote = !started ? "正在办理前期手续"
            : finished ? "已竣工投产"
            : december.ProgressNote == "已竣工投产" ? "主体工程完工，正在进行设备安装" : december.ProgressNote;
        return project;
    }

    // x^γ for 0 ≤ x ≤ 1 in double (a curve's shape needs no exactness; the amounts are floored to the grid after).
    private static decimal Power(decimal x, decimal gamma) => x >= 1m ? 1m : (decimal)Math.Pow((double)x, (double)gamma);

    /// <summary>Signed by the end of <paramref name="month"/>, numbered again in signing order.</summary>
    public static IReadOnlyList<SampleSigning> SigningsIn(IReadOnlyList<SampleSigning> year, int month) =>
        month == 12 ? year : [.. year.Where(s => s.SignedOn.Month <= month).Select((s, i) => s with { Serial = i + 1 })];

    /// <summary>
    /// The metrics as reported for <paramref name="month"/>: cumulative flows (增加值, 营业收入, 利润, 减负, 技改项目) grow
    /// with the months, balances and stocks (贷款余额, 户数, 基站) move from last year-end's level towards this
    /// year-end's; reported growth rates and shares drift towards their year-end values. December's are the seed's.
    /// </summary>
    public static IReadOnlyList<SampleMetric> MetricsIn(IReadOnlyList<SampleMetric> year, int month)
    {
        if (month == 12)
        {
            return year;
        }

        decimal k = month / 12m;
        int left = 12 - month;
        return [.. year.Select(m => m.Name switch
        {
            "电子信息产业工业增加值" => m with { Value = R(m.Value * k * (1 + (0.04m * (1 - k)))), Prior = R(m.Prior!.Value * k), YoyReported = m.YoyReported - (0.4m * left), Share = m.Share - (0.12m * left) },
            "锂电产业营业收入" or "锂电产业利润" => m with { Value = R(m.Value * k * k), Prior = R(m.Prior!.Value * k), YoyReported = m.YoyReported - (9m * left) },
            "亿元以上技改项目数" => m with { Value = R(m.Value * k, 0), Prior = R(m.Prior!.Value * k, 0) },
            "为企业减负金额" => m with { Value = R(m.Value * k), Prior = R(m.Prior!.Value * k) },
            "5G基站数" => m with { Value = m.Prior!.Value + R((m.Value - m.Prior.Value) * k, 0), Prior = R(m.Prior.Value * (0.72m + (0.28m * k)), 0) },
            "市场主体户数" or "其中：企业户数" => m with { Value = m.Prior!.Value + R((m.Value - m.Prior.Value) * k, 0), Prior = R(m.Prior.Value * (0.88m + (0.12m * k)), 0) },
            _ => m with { Value = R(m.Prior!.Value + ((m.Value - m.Prior.Value) * k)), Prior = R(m.Prior.Value * (0.9m + (0.1m * k))), YoyReported = m.YoyReported - (0.5m * left) },
        })];
    }

    private static decimal R(decimal value, int decimals = 2) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
