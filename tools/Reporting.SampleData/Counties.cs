namespace Reporting.SampleData;

/// <summary>A county-level unit that submits a 重大项目调度表, with what makes its projects differ.</summary>
internal sealed record CountyProfile(
    string Department,
    string County,
    string Office,
    string AdminCode,
    IReadOnlyList<string> Places,
    decimal Factor,
    int[] FieldCounts,
    int Provincial,
    int ProvincialAlsoLarge,
    int LargeOnly)
{
    /// <summary>How units in this county are named: 安源区工信局, 经开区经发局, 武功山管委会….</summary>
    public string UnitPrefix => County switch
    {
        "萍乡经开区" => "经开区",
        "武功山风景名胜区" => "武功山管委会",
        _ => County,
    };

    public int ProjectCount => FieldCounts.Sum();

    /// <summary>莲花县 and 芦溪县 report in 亿元 with two decimals, so their amounts are whole multiples of 100 万元.</summary>
    public bool ReportsInYi => Department is "lianhua" or "luxi";

    /// <summary>The smallest amount, in 万元, this county's sheet can express.</summary>
    public decimal Granularity => ReportsInYi ? 100m : 1m;
}

internal static class Counties
{
    /// <summary>工业, 农业, 服务业, 重大基础设施, 新型基础设施, 公共服务, 生态环保.</summary>
    public static readonly IReadOnlyList<string> Fields = ["工业", "农业", "服务业", "重大基础设施", "新型基础设施", "公共服务", "生态环保"];

    // Field counts per county add up to 380 (130, 30, 55, 60, 30, 45, 30 by field).
    // 省重点 46 = 20 also 省大中型 + 26 only 省重点; 省大中型 201 = 20 + 181.
    public static readonly IReadOnlyList<CountyProfile> All =
    [
        new("anyuan", "安源区", "安源区发改委", "360302",
            ["青山镇", "高坑镇", "五陂镇", "丹江街道", "白源街道", "安源镇", "城郊管委会", "后埠街道", "凤凰街道", "八一街道"],
            1.00m, [18, 3, 12, 8, 5, 8, 4], 6, 3, 28),
        new("xiangdong", "湘东区", "湘东区发展和改革委员会", "360313",
            ["峡山口街道", "下埠镇", "腊市镇", "排上镇", "麻山镇", "老关镇", "荷尧镇", "湘东镇", "东桥镇", "广寒寨乡"],
            0.95m, [22, 5, 7, 9, 3, 6, 4], 6, 3, 27),
        new("lianhua", "莲花县", "莲花县发改委", "360321",
            ["琴亭镇", "路口镇", "良坊镇", "升坊镇", "坊楼镇", "六市乡", "三板桥乡", "湖上乡", "闪石乡", "神泉乡"],
            0.90m, [12, 8, 5, 7, 3, 5, 4], 4, 2, 21),
        new("shangli", "上栗县", "上栗县发展和改革委员会", "360322",
            ["上栗镇", "桐木镇", "金山镇", "福田镇", "彭高镇", "赤山镇", "鸡冠山乡", "长平乡", "东源乡", "杨岐乡"],
            1.06m, [26, 5, 6, 9, 3, 7, 4], 7, 3, 29),
        new("luxi", "芦溪县", "芦溪县发改委", "360323",
            ["芦溪镇", "宣风镇", "银河镇", "上埠镇", "南坑镇", "源南乡", "张佳坊乡", "长丰乡", "新泉乡"],
            1.08m, [22, 6, 8, 11, 4, 7, 4], 9, 4, 29),
        new("jingkai", "萍乡经开区", "萍乡经济技术开发区经济发展局", "360399",
            ["周江片区", "田中片区", "硖石片区", "彭高片区", "金鱼石片区", "清泉片区", "高铁北站片区", "安源工业园片区"],
            1.03m, [30, 0, 8, 10, 10, 8, 6], 11, 4, 34),
        new("wugongshan", "武功山风景名胜区", "武功山风景名胜区管委会", "360398",
            ["沈子村", "龙山村", "万龙山乡", "麻田乡", "金顶片区", "羊狮慕片区", "九龙片区", "红岩谷片区"],
            0.86m, [0, 3, 9, 6, 2, 4, 4], 3, 1, 13),
    ];

    public static CountyProfile Of(string department) => All.Single(c => c.Department == department);
}
