namespace Reporting.SampleData;

/// <summary>One signed investment project as 市商务局 lists it. Amount in 万元; foreign investment in 万美元.</summary>
internal sealed record SampleSigning(
    int Serial, string Name, string Investor, string County, DateOnly SignedOn, decimal Amount, string Chain, string Region, bool Is5020, decimal? ForeignUsd);

/// <summary>
/// 185 signings: exactly 133 of at least 1 亿元 (one of them exactly 1.00 亿元, and one just
/// below at 0.99 亿元), 23 "5020" projects (内资5亿元以上, or 外资2000万美元以上), across 粤港澳大湾区
/// 70, 长三角 55, 长株潭 35, 其他 25. Amounts are whole 0.01 亿元 (100 万元) as the bureau writes them.
/// </summary>
internal static class SampleSignings
{
    public const int Count = 185;
    public const int Over100m = 133;
    public const int P5020 = 23;

    private static readonly string[] s_chains = ["电子信息", "锂电新能源", "新材料", "装备制造", "工业陶瓷", "烟花爆竹", "生物医药", "数字经济", "文化旅游", "现代物流", "绿色食品"];

    private static readonly Dictionary<string, string[]> s_cities = new()
    {
        ["粤港澳大湾区"] = ["深圳市", "东莞市", "广州市", "佛山市", "珠海市", "惠州市", "香港"],
        ["长三角"] = ["上海", "苏州市", "杭州市", "宁波市", "无锡市", "常州市", "温州市"],
        ["长株潭"] = ["长沙市", "株洲市", "湘潭市"],
        ["其他"] = ["北京", "厦门市", "成都市", "武汉市", "南昌市", "福州市"],
    };

    private static readonly string[] s_products =
    [
        "智能终端生产", "锂电池材料", "高端装备制造", "电子元器件", "新型显示模组", "精密结构件", "储能系统集成", "工业陶瓷制品",
        "特种电缆", "医疗器械", "冷链物流基地", "文旅综合体", "数字产业园", "光电材料", "汽车零部件", "食品精深加工",
    ];

    private static readonly (string County, int Weight)[] s_counties =
        [("安源区", 14), ("湘东区", 16), ("莲花县", 10), ("上栗县", 17), ("芦溪县", 16), ("萍乡经开区", 20), ("武功山风景名胜区", 7)];

    public static IReadOnlyList<SampleSigning> Generate(SampleRandom random)
    {
        var regions = new List<string>();
        regions.AddRange(Enumerable.Repeat("粤港澳大湾区", 70));
        regions.AddRange(Enumerable.Repeat("长三角", 55));
        regions.AddRange(Enumerable.Repeat("长株潭", 35));
        regions.AddRange(Enumerable.Repeat("其他", 25));
        random.Shuffle(regions);

        // Amount classes in 0.01 亿元 (= 100 万元) steps.
        var classes = new List<(decimal Amount, bool Is5020, decimal? Usd)>();
        for (int i = 0; i < P5020 - 2; i++)
        {
            classes.Add((random.Between(500, 6000) * 100m, true, null));
        }

        classes.Add((random.Between(150, 400) * 100m, true, random.Between(2000, 4500)));
        classes.Add((random.Between(120, 300) * 100m, true, random.Between(2000, 3000)));
        classes.Add((10_000m, false, null));
        for (int i = 0; i < Over100m - P5020 - 1; i++)
        {
            classes.Add((random.Between(100, 499) * 100m, false, random.Chance(5) ? random.Between(200, 1500) : null));
        }

        classes.Add((9_900m, false, null));
        for (int i = 0; i < Count - Over100m - 1; i++)
        {
            classes.Add((random.Between(20, 98) * 100m, false, null));
        }

        random.Shuffle(classes);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var signings = new List<SampleSigning>(Count);
        DateOnly[] eventDays = [new(2022, 3, 18), new(2022, 6, 16), new(2022, 9, 23), new(2022, 11, 25)];
        for (int i = 0; i < Count; i++)
        {
            string region = regions[i];
            (decimal amount, bool is5020, decimal? usd) = classes[i];
            string company;
            string name;
            do
            {
                company = random.Pick(Vocabulary.CompanyWords) + random.Pick(Vocabulary.CompanyKinds);
                name = company + random.Pick(s_products) + "项目";
            }
            while (!used.Add(name));

            string investor = random.Pick(s_cities[region]) + company + (usd is null ? "有限公司" : "集团有限公司");
            DateOnly signedOn = random.Chance(45) ? random.Pick(eventDays) : new DateOnly(2022, random.Between(1, 12), random.Between(1, 28));
            signings.Add(new SampleSigning(i + 1, name, investor, County(random), signedOn, amount, random.Pick(s_chains), region, is5020, usd));
        }

        return signings.OrderBy(s => s.SignedOn).ThenBy(s => s.Serial).Select((s, i) => s with { Serial = i + 1 }).ToList();
    }

    private static string County(SampleRandom random)
    {
        int roll = random.Next(s_counties.Sum(c => c.Weight));
        foreach ((string county, int weight) in s_counties)
        {
            if (roll < weight)
            {
                return county;
            }

            roll -= weight;
        }

        return s_counties[^1].County;
    }
}
