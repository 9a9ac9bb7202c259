using System.Globalization;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Indicators;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Briefings;

/// <summary>
/// A city of <c>count</c> projects over two months (November and December), one submission per county, with
/// names, units and issues of realistic length; about half the projects lag. Deterministic.
/// </summary>
public static class ScaleSample
{
    private static readonly string[] s_counties = ["安源区", "湘东区", "莲花县", "上栗县", "芦溪县", "萍乡经开区", "武功山风景名胜区"];
    private static readonly string[] s_departments = ["anyuan", "xiangdong", "lianhua", "shangli", "luxi", "jingkai", "wugongshan"];
    private static readonly string[] s_fields = ["工业", "农业", "服务业", "重大基础设施", "新型基础设施", "公共服务", "生态环保"];
    private static readonly string[] s_issues = ["资金未到位，融资审批进度慢于预期", "征地拆迁未完成", "环评批复延后", "设备到货延迟", "用地指标尚未落实", null!];

    public static IReadOnlyList<Dataset> Datasets(int count)
    {
        var datasets = new List<Dataset>();
        foreach (int month in new[] { 11, 12 })
        {
            var period = new ReportingPeriod(2022, month);
            for (int c = 0; c < s_counties.Length; c++)
            {
                var rows = new List<ProjectRecord>(count / s_counties.Length + 1);
                for (int i = c; i < count; i += s_counties.Length)
                {
                    rows.Add(Project(i, c, month));
                }

                datasets.Add(new Dataset
                {
                    Kind = DatasetKind.Projects,
                    Period = period,
                    Department = s_departments[c],
                    SourceFile = s_departments[c] + ".xlsx",
                    ArchivePath = "archive/" + s_departments[c],
                    Sha256 = (s_departments[c] + month.ToString(CultureInfo.InvariantCulture)).PadRight(64, '0'),
                    ReceivedAt = new DateTimeOffset(2022, month, 28, 9, 0, 0, TimeSpan.FromHours(8)),
                    Projects = rows,
                });
            }
        }

        return datasets;
    }

    public static IndicatorReport Report(int count) =>
        IndicatorEngine.ComputeWithHistory(new ReportingPeriod(2022, 12), Datasets(count), new IndicatorOptions());

    private static ProjectRecord Project(int i, int county, int month)
    {
        // A ratio between 0 and 1.6 of the plan by December, spread by a multiplicative hash; November at 88% of it.
        decimal ratio = (int)((uint)(i * 2654435761u) % 1600u) / 1000m;
        decimal plan = 1000m + (i % 50 * 100m);
        decimal completed = Math.Round(plan * ratio * (month == 12 ? 1m : 0.88m), 2);
        string id = i.ToString("D6", CultureInfo.InvariantCulture);
        return new ProjectRecord
        {
            Name = $"{s_counties[county]}{s_fields[i % s_fields.Length]}重点建设项目第{id}号（一期）",
            Code = "2022-" + id,
            County = s_counties[county],
            Field = s_fields[i % s_fields.Length],
            AnnualPlan = plan,
            Completed = completed,
            ResponsibleUnit = s_counties[county] + "发展和改革委员会",
            Issues = s_issues[i % s_issues.Length],
            Source = new SourceRef("重大项目", 5 + (i / s_counties.Length)),
        };
    }
}
