using System.Globalization;

namespace Reporting.SampleData;

/// <summary>
/// Generates the 380 projects of 2022-12 and calibrates them so that the published ratios hold
/// exactly, not by luck of rounding:
/// completed / plan = 1.348 for all projects, 1.387 for the 46 省重点, 1.484 for the 201 省大中型.
/// How: every plan is a multiple of 100 万元 and the plan totals of the three sets are made
/// multiples of 1,000 万元, so each target (ratio × plan total) is a whole number of 万元. The
/// four disjoint parts (省重点 and 省大中型; 省重点 only; 省大中型 only; neither) then have exact
/// completed targets: the overlap keeps what it drew, 省重点-only gets T(省重点) − C(overlap),
/// 省大中型-only gets T(省大中型) − C(overlap), and the rest gets T(all) − the others. Each part's
/// target is met to the 万元 by scaling the completed amounts of its ordinary projects in counties
/// that report in 万元 (lagging and named projects keep theirs).
/// </summary>
internal static class SampleProjects
{
    public const decimal OverallRatio = 1.348m;
    public const decimal ProvincialRatio = 1.387m;
    public const decimal LargeRatio = 1.484m;

    private static readonly decimal[] s_fieldSize = [1.0m, 0.55m, 0.8m, 1.6m, 0.9m, 0.75m, 0.7m];
    private static readonly decimal[] s_fieldFactor = [1.06m, 0.93m, 1.00m, 1.03m, 1.05m, 0.94m, 0.92m];

    public static IReadOnlyList<SampleProject> Generate(SampleRandom random)
    {
        List<SampleProject> projects = CreateSlots(random);
        NamedProjects.Place(projects);
        AssignParts(projects, random);
        AssignNames(projects, random);
        AssignLags(projects, random);
        AssignPlans(projects, random);
        DrawCompleted(projects, random);
        Calibrate(projects);
        AssignSchedule(projects, random);
        AssignDescriptions(projects, random);
        return projects;
    }

    private static List<SampleProject> CreateSlots(SampleRandom random)
    {
        var projects = new List<SampleProject>();
        foreach (CountyProfile county in Counties.All)
        {
            var fields = new List<string>();
            for (int f = 0; f < Counties.Fields.Count; f++)
            {
                fields.AddRange(Enumerable.Repeat(Counties.Fields[f], county.FieldCounts[f]));
            }

            random.Shuffle(fields);
            projects.AddRange(fields.Select((field, i) => new SampleProject { County = county, Field = field, Serial = i + 1 }));
        }

        return projects;
    }

    private static void AssignParts(List<SampleProject> projects, SampleRandom random)
    {
        foreach (CountyProfile county in Counties.All)
        {
            List<SampleProject> mine = projects.Where(p => p.County == county).ToList();
            Fill(mine, LevelPart.ProvincialAndLarge, county.ProvincialAlsoLarge, p => p.Field != "农业", random);
            Fill(mine, LevelPart.ProvincialOnly, county.Provincial - county.ProvincialAlsoLarge, p => p.Field != "农业", random);
            Fill(mine, LevelPart.LargeOnly, county.LargeOnly, _ => true, random);
        }

        foreach (SampleProject project in projects.Where(p => p.Part == LevelPart.Neither))
        {
            project.Municipal = random.Chance(65);
        }

        // "5020" (内资5亿元以上、外资2000万美元以上): industrial projects of the larger sets.
        List<SampleProject> industrial = projects.Where(p => p.Field == "工业" && p.Part != LevelPart.Neither && !p.P5020).ToList();
        random.Shuffle(industrial);
        foreach (SampleProject project in industrial.Take(16))
        {
            project.P5020 = true;
        }
    }

    private static void Fill(List<SampleProject> county, LevelPart part, int quota, Func<SampleProject, bool> eligible, SampleRandom random)
    {
        int have = county.Count(p => p.Part == part && p.Pinned);
        List<SampleProject> free = county.Where(p => p.Part == LevelPart.Neither && !p.Pinned && eligible(p)).ToList();
        random.Shuffle(free);
        foreach (SampleProject project in free.Take(quota - have))
        {
            project.Part = part;
        }

        if (county.Count(p => p.Part == part) != quota)
        {
            throw new InvalidOperationException($"{county[0].County}: cannot fill {quota} projects of {part}.");
        }
    }

    private static void AssignNames(List<SampleProject> projects, SampleRandom random)
    {
        var used = new HashSet<string>(projects.Where(p => p.Name.Length > 0).Select(p => p.Name), StringComparer.Ordinal);
        int serial = 100;
        foreach (SampleProject project in projects)
        {
            serial += 1 + random.Next(37);
            string industry = IndustryCode(project.Field);
            int year = random.Between(2019, 2022);
            project.Code = $"{year}-{project.County.AdminCode}-{industry}-0{random.Between(1, 3)}-{serial:D6}";
            if (project.Name.Length > 0)
            {
                continue;
            }

            string? company = null;
            for (int attempt = 0; ; attempt++)
            {
                string place = random.Pick(project.County.Places);
                string name;
                if (project.Field == "工业")
                {
                    company = Vocabulary.Company(random);
                    string product = random.Pick(Vocabulary.IndustrialProducts);
                    if (Vocabulary.CompanyKinds.Any(k => company.EndsWith(k, StringComparison.Ordinal) && product.StartsWith(k, StringComparison.Ordinal)))
                    {
                        continue; // no "新能源新能源汽车…"
                    }

                    name = company + product;
                }
                else
                {
                    name = Vocabulary.TemplatesFor(project.Field, random, place, project.County.UnitPrefix);
                }

                if (attempt > 20)
                {
                    name += attempt % 2 == 0 ? "（二期）" : "（三期）";
                }

                if (used.Add(name))
                {
                    project.Name = name;
                    break;
                }
            }

            project.Owner = Vocabulary.Owner(project.Field, company is null ? null : Vocabulary.CompanyFullName(company, random), project.County, random);
        }

        foreach (SampleProject project in projects.Where(p => p.Owner.Length == 0))
        {
            project.Owner = project.Field == "工业" ? project.Name.Replace("项目", string.Empty, StringComparison.Ordinal) + "有限公司" : project.County.UnitPrefix + "城市建设投资发展有限公司";
        }
    }

    // Seven red (three not started at all) and ten yellow, spread over the counties and the level sets.
    private static void AssignLags(List<SampleProject> projects, SampleRandom random)
    {
        (LevelPart Part, LagPlan Lag, int Count)[] plan =
        [
            (LevelPart.Neither, LagPlan.NotStarted, 2),
            (LevelPart.LargeOnly, LagPlan.NotStarted, 1),
            (LevelPart.ProvincialOnly, LagPlan.Red, 1),
            (LevelPart.LargeOnly, LagPlan.Red, 1),
            (LevelPart.Neither, LagPlan.Red, 2),
            (LevelPart.ProvincialOnly, LagPlan.Yellow, 2),
            (LevelPart.LargeOnly, LagPlan.Yellow, 3),
            (LevelPart.Neither, LagPlan.Yellow, 5),
        ];
        var perCounty = new Dictionary<CountyProfile, int>();
        foreach ((LevelPart part, LagPlan lag, int count) in plan)
        {
            List<SampleProject> candidates = projects
                .Where(p => p.Part == part && p.Lag == LagPlan.None && !p.Pinned && (lag != LagPlan.NotStarted || p.Field != "重大基础设施"))
                .ToList();
            random.Shuffle(candidates);
            int taken = 0;
            foreach (SampleProject project in candidates)
            {
                if (taken == count)
                {
                    break;
                }

                if (perCounty.GetValueOrDefault(project.County) >= 3)
                {
                    continue;
                }

                project.Lag = lag;
                perCounty[project.County] = perCounty.GetValueOrDefault(project.County) + 1;
                taken++;
            }
        }
    }

    private static void AssignPlans(List<SampleProject> projects, SampleRandom random)
    {
        foreach (SampleProject project in projects.Where(p => !p.Pinned))
        {
            (int min, int max) = project.Part switch
            {
                LevelPart.ProvincialAndLarge => (20000, 60000),
                LevelPart.ProvincialOnly => (15000, 50000),
                LevelPart.LargeOnly => (5000, 16000),
                _ => (4000, 16000),
            };
            decimal size = s_fieldSize[Field(project)];
            decimal plan = random.Between(min, max) * size;
            project.AnnualPlan = Math.Max(1000m, decimal.Round(plan / 100m, 0, MidpointRounding.AwayFromZero) * 100m);
        }

        // Make the plan totals of 省重点, 省大中型 and all projects whole multiples of 1,000 万元,
        // so that 1.387, 1.484 and 1.348 times them are whole 万元.
        RoundPartTotal(projects, LevelPart.ProvincialOnly, p => p.Provincial);
        RoundPartTotal(projects, LevelPart.LargeOnly, p => p.LargeMedium);
        RoundPartTotal(projects, LevelPart.Neither, _ => true);
    }

    private static void RoundPartTotal(List<SampleProject> projects, LevelPart adjustIn, Func<SampleProject, bool> set)
    {
        decimal total = projects.Where(set).Sum(p => p.AnnualPlan);
        decimal missing = (1000m - total % 1000m) % 1000m;
        SampleProject carrier = projects.First(p => p.Part == adjustIn && !p.Pinned && p.Lag == LagPlan.None);
        carrier.AnnualPlan += missing;
    }

    private static void DrawCompleted(List<SampleProject> projects, SampleRandom random)
    {
        decimal bothRatio = 1.40m;
        Dictionary<LevelPart, decimal> partRatio = RequiredRatios(projects, bothRatio);
        foreach (SampleProject project in projects.Where(p => !p.Pinned))
        {
            decimal ratio = project.Lag switch
            {
                LagPlan.NotStarted => 0m,
                LagPlan.Red => random.Between(0.30m, 0.62m),
                LagPlan.Yellow => random.Between(0.73m, 0.87m),
                _ => Math.Clamp(
                    partRatio[project.Part] * project.County.Factor * s_fieldFactor[Field(project)] * random.Between(0.90m, 1.10m),
                    0.96m,
                    1.90m),
            };
            project.Completed = ToGrid(project.AnnualPlan * ratio, project.County.Granularity);
            KeepInBand(project);
        }
    }

    // A county reporting in 亿元 can only say multiples of 100 万元: move a lagging project back
    // into its intended band (yellow 72–88%, red at most 65%) along that grid.
    private static void KeepInBand(SampleProject project)
    {
        (decimal low, decimal high) = project.Lag switch
        {
            LagPlan.Yellow => (0.72m, 0.88m),
            LagPlan.Red => (0.05m, 0.65m),
            _ => (0m, 2m),
        };
        decimal step = project.County.Granularity;
        while (project.Ratio > high)
        {
            project.Completed -= step;
        }

        while (project.Ratio < low)
        {
            project.Completed += step;
        }
    }

    // The ratio each part must reach, given the plans and the overlap's ratio.
    private static Dictionary<LevelPart, decimal> RequiredRatios(List<SampleProject> projects, decimal bothRatio)
    {
        decimal Plan(LevelPart part) => projects.Where(p => p.Part == part).Sum(p => p.AnnualPlan);
        decimal both = Plan(LevelPart.ProvincialAndLarge) * bothRatio;
        decimal provincialOnly = ProvincialRatio * projects.Where(p => p.Provincial).Sum(p => p.AnnualPlan) - both;
        decimal largeOnly = LargeRatio * projects.Where(p => p.LargeMedium).Sum(p => p.AnnualPlan) - both;
        decimal neither = OverallRatio * projects.Sum(p => p.AnnualPlan) - both - provincialOnly - largeOnly;
        return new Dictionary<LevelPart, decimal>
        {
            [LevelPart.ProvincialAndLarge] = bothRatio,
            [LevelPart.ProvincialOnly] = provincialOnly / Plan(LevelPart.ProvincialOnly),
            [LevelPart.LargeOnly] = largeOnly / Plan(LevelPart.LargeOnly),
            [LevelPart.Neither] = neither / Plan(LevelPart.Neither),
        };
    }

    private static void Calibrate(List<SampleProject> projects)
    {
        decimal Completed(LevelPart part) => projects.Where(p => p.Part == part).Sum(p => p.Completed);
        decimal both = Completed(LevelPart.ProvincialAndLarge);
        decimal provincialTarget = ProvincialRatio * projects.Where(p => p.Provincial).Sum(p => p.AnnualPlan);
        decimal largeTarget = LargeRatio * projects.Where(p => p.LargeMedium).Sum(p => p.AnnualPlan);
        decimal overallTarget = OverallRatio * projects.Sum(p => p.AnnualPlan);

        MeetTarget(projects, LevelPart.ProvincialOnly, provincialTarget - both);
        MeetTarget(projects, LevelPart.LargeOnly, largeTarget - both);
        MeetTarget(projects, LevelPart.Neither, overallTarget - provincialTarget - largeTarget + both);
    }

    private static void MeetTarget(List<SampleProject> projects, LevelPart part, decimal target)
    {
        if (target != decimal.Truncate(target))
        {
            throw new InvalidOperationException($"{part}: target {target} is not a whole number of 万元.");
        }

        List<SampleProject> members = projects.Where(p => p.Part == part).ToList();
        List<SampleProject> adjustable = members
            .Where(p => !p.Pinned && p.Lag == LagPlan.None && p.County.Granularity == 1m)
            .OrderByDescending(p => p.AnnualPlan)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        decimal fixedPart = members.Except(adjustable).Sum(p => p.Completed);
        decimal wanted = target - fixedPart;
        decimal current = adjustable.Sum(p => p.Completed);
        decimal factor = wanted / current;
        foreach (SampleProject project in adjustable)
        {
            project.Completed = decimal.Floor(project.Completed * factor);
        }

        // Whole 万元 left over by the floors go one each to the largest projects.
        decimal remainder = wanted - adjustable.Sum(p => p.Completed);
        for (int i = 0; remainder > 0; i++, remainder--)
        {
            adjustable[i % adjustable.Count].Completed += 1m;
        }

        foreach (SampleProject project in adjustable)
        {
            if (project.Ratio is < 0.93m or > 1.97m)
            {
                throw new InvalidOperationException(
                    $"Calibration pushed {project.Name} to {project.Ratio.ToString(CultureInfo.InvariantCulture)}; adjust the generator's ratios.");
            }
        }
    }

    private static void AssignSchedule(List<SampleProject> projects, SampleRandom random)
    {
        foreach (SampleProject project in projects)
        {
            bool newBuild = project.Lag == LagPlan.NotStarted || (project.Nature == "新建") || (!project.Pinned && random.Chance(42));
            if (newBuild)
            {
                project.Nature = "新建";
                project.PlannedStart = new DateOnly(2022, random.Between(1, 9), random.Chance(50) ? 1 : 15);
                if (project.Lag == LagPlan.NotStarted)
                {
                    project.Started = false;
                    project.ActualStart = null;
                }
                else
                {
                    project.Started = true;
                    DateOnly start = project.PlannedStart.AddDays(random.Between(0, 75));
                    project.ActualStart = start > new DateOnly(2022, 12, 20) ? new DateOnly(2022, 12, 20) : start;
                }
            }
            else
            {
                project.Nature = "续建";
                project.PlannedStart = new DateOnly(random.Between(2019, 2021), random.Between(1, 12), 1);
                project.ActualStart = project.PlannedStart.AddDays(random.Between(0, 40));
                project.Started = true;
                project.CompletedFlag = project.Lag == LagPlan.None && project.Ratio >= 1m && random.Chance(20);
            }

            decimal multiple = random.Between(1.2m, 4.0m);
            project.TotalInvestment = Math.Max(project.AnnualPlan, ToGrid(project.AnnualPlan * multiple, 100m));
        }
    }

    private static void AssignDescriptions(List<SampleProject> projects, SampleRandom random)
    {
        foreach (SampleProject project in projects)
        {
            if (project.ResponsibleUnit.Length == 0)
            {
                project.ResponsibleUnit = Vocabulary.ResponsibleUnit(project.Field, project.Name, project.County);
            }

            switch (project.Lag)
            {
                case LagPlan.NotStarted:
                    project.Issues = random.Pick(Vocabulary.NotStartedIssues);
                    project.ProgressNote = "正在办理前期手续";
                    break;
                case LagPlan.Red or LagPlan.Yellow:
                    project.Issues = random.Pick(Vocabulary.LagIssues);
                    project.ProgressNote = random.Pick(Vocabulary.ProgressBehind);
                    break;
                default:
                    project.Issues ??= random.Chance(6) ? random.Pick(Vocabulary.MinorIssues) : null;
                    if (project.ProgressNote.Length == 0)
                    {
                        project.ProgressNote = project.CompletedFlag ? "已竣工投产" : random.Pick(Vocabulary.ProgressOnTrack);
                    }

                    break;
            }
        }
    }

    internal static decimal ToGrid(decimal amount, decimal granularity) =>
        decimal.Round(amount / granularity, 0, MidpointRounding.AwayFromZero) * granularity;

    private static int Field(SampleProject project) => Counties.Fields.ToList().IndexOf(project.Field);

    private static string IndustryCode(string field) => field switch
    {
        "工业" => "39",
        "农业" => "01",
        "服务业" => "72",
        "重大基础设施" => "48",
        "新型基础设施" => "63",
        "公共服务" => "83",
        _ => "77",
    };
}
