namespace Reporting.SampleData;

/// <summary>
/// Projects the seed article names, placed in their county and field. A few have their amounts
/// fixed (e.g. 沪昆高速萍乡段改扩建工程 完成投资20亿元); the others only lend their names.
/// </summary>
internal static class NamedProjects
{
    private sealed record Named(
        string Department, string Field, string Name, LevelPart? Part = null, decimal? Plan = null, decimal? Completed = null,
        bool P5020 = false, string? Nature = null);

    /// <summary>The project that 安源区 also lists (same 项目代码) although it is in 萍乡经开区: counted once, with a warning.</summary>
    public const string SharedProjectName = "萍乡经开区5G电子科技园";

    private static readonly Named[] s_named =
    [
        new("luxi", "工业", "中材锂电（萍乡）锂电池隔膜项目", LevelPart.ProvincialAndLarge, 120_000m, 158_600m, P5020: true, Nature: "新建"),
        new("luxi", "重大基础设施", "沪昆高速萍乡段改扩建工程", LevelPart.ProvincialOnly, 150_000m, 200_000m),
        new("luxi", "工业", "大莲电瓷特高压绝缘子生产项目"),
        new("luxi", "工业", "有泽新材料高性能覆铜板项目"),
        new("luxi", "工业", "创普斯新能源储能电池项目"),
        new("anyuan", "重大基础设施", "中环东路建设工程", LevelPart.ProvincialOnly, 60_000m, 72_000m),
        new("anyuan", "重大基础设施", "萍乡绕城高速公路项目", LevelPart.ProvincialAndLarge, 80_000m, 96_400m, Nature: "新建"),
        new("anyuan", "服务业", "皇冠假日酒店项目"),
        new("anyuan", "服务业", "赛纳威智慧旅居物联科技产业链项目"),
        new("jingkai", "新型基础设施", SharedProjectName, LevelPart.LargeOnly, 30_000m, 41_500m),
        new("jingkai", "工业", "伯乐智能装备产业园项目"),
        new("jingkai", "工业", "奕东电子精密制造项目"),
        new("jingkai", "工业", "金桥焊材三期项目"),
        new("jingkai", "工业", "天铭新能源汽车零部件项目"),
        new("jingkai", "工业", "百宏光电光学膜项目"),
        new("jingkai", "工业", "意卡德（江西）数码驱动科技项目"),
        new("jingkai", "工业", "佳禾智能智能穿戴产业园项目"),
        new("shangli", "工业", "江西东讯精密制造项目"),
        new("shangli", "工业", "洋洋礼花烟花智能化生产线项目"),
        new("xiangdong", "工业", "森萍一体压铸项目"),
        new("xiangdong", "工业", "宝海科技新材料项目"),
        new("xiangdong", "工业", "拓源实业锂电材料项目"),
        new("xiangdong", "服务业", "湘东供销冷链物流园项目"),
        new("wugongshan", "服务业", "武功山金顶景区提升工程"),
        new("wugongshan", "服务业", "竹海槽下民宿集群项目"),
        new("lianhua", "农业", "莲花县白莲产业提升项目"),
    ];

    public static void Place(List<SampleProject> projects)
    {
        foreach (Named named in s_named)
        {
            SampleProject slot = projects.First(p => p.County.Department == named.Department && p.Field == named.Field && p.Name.Length == 0);
            slot.Name = named.Name;
            slot.P5020 = named.P5020;
            if (named.Nature is not null)
            {
                slot.Nature = named.Nature;
            }

            if (named.Part is { } part)
            {
                slot.Part = part;
                slot.Pinned = true;
                slot.AnnualPlan = named.Plan!.Value;
                slot.Completed = named.Completed!.Value;
            }
        }
    }
}
