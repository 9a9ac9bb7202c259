namespace Reporting.SampleData;

/// <summary>Words for plausible project, company and unit names. Invented combinations, not real registrations.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> CompanyWords =
    [
        "鑫达", "华拓", "恒瑞", "金辉", "博远", "汇能", "宏图", "瑞丰", "新康", "联创", "正邦", "昌隆", "赣湘", "中科",
        "众诚", "天成", "铭泰", "晶源", "兴旺", "远航", "凯盛", "佳源", "锐捷", "安泰", "同创", "华宇", "聚能", "力拓",
        "明阳", "宇通", "德润", "盛世", "嘉禾", "永兴", "荣达", "万鑫", "九洲", "拓邦", "思远", "新锐",
    ];

    public static readonly IReadOnlyList<string> CompanyKinds = ["科技", "新材料", "电子", "实业", "新能源", "智能装备", "精密制造", "陶瓷"];

    public static readonly IReadOnlyList<string> IndustrialProducts =
    [
        "年产10万吨高纯石英砂项目", "新能源汽车零部件生产线项目", "高端电子陶瓷生产项目", "锂电池正极材料项目",
        "智能装备制造基地项目", "高多层PCB电路板生产项目", "工业陶瓷填料扩能项目", "烟花爆竹智能化改造项目",
        "精密模具产业园项目", "光伏组件生产项目", "特种玻璃生产线项目", "粉末冶金制品项目", "电瓷绝缘子技改项目",
        "新型建材生产线项目", "超低排放改造项目", "锂电池负极材料项目", "电子元器件生产项目", "智能终端制造项目",
        "新能源电池回收利用项目", "高性能磁性材料项目", "年产2GWh储能电池项目", "数码驱动器生产项目",
    ];

    public static readonly IReadOnlyList<string> Agriculture =
    [
        "{0}高标准农田建设项目", "{0}油茶产业基地建设项目", "{0}生猪标准化养殖场项目", "{0}富硒蔬菜基地项目",
        "{0}现代农业产业园项目", "{0}中药材种植基地项目", "{0}稻虾综合种养基地项目",
        "{0}农产品加工园项目", "{0}茶叶标准化基地项目",
    ];

    public static readonly IReadOnlyList<string> Services =
    [
        "{0}商业综合体项目", "{0}现代物流园项目", "{0}文旅小镇项目", "{0}智慧农贸市场项目", "{0}星级酒店建设项目",
        "{0}电商产业园项目", "{0}景区提升工程", "{0}康养旅居中心项目", "{0}城市综合服务中心项目", "{0}农产品冷链物流中心项目",
    ];

    public static readonly IReadOnlyList<string> Infrastructure =
    [
        "G320国道{0}段改造工程", "{0}220千伏输变电工程", "{0}水库除险加固工程", "{0}城区路网建设工程",
        "{0}路网提升改造工程", "S311省道{0}段升级改造工程", "{0}天然气管网建设项目", "{0}防洪堤建设工程",
        "{0}110千伏变电站新建工程", "{0}农村公路提质改造工程", "{0}桥梁新建工程",
    ];

    public static readonly IReadOnlyList<string> NewInfrastructure =
    [
        "{0}5G基站建设项目", "{0}数据中心项目", "{0}新能源汽车充电桩建设项目", "{0}智慧城市建设项目",
        "{0}工业互联网平台项目", "{0}千兆光网建设项目", "{0}分布式光伏发电项目", "{0}智慧停车系统项目",
    ];

    public static readonly IReadOnlyList<string> PublicServices =
    [
        "{0}中学新建工程", "{0}小学扩建工程", "{0}保障性租赁住房项目", "{0}老旧小区改造项目", "{0}养老服务中心项目",
        "{0}卫生院迁建工程", "{0}体育公园项目", "{0}城市更新项目", "{0}幼儿园新建工程", "{0}综合文化站建设项目",
    ];

    public static readonly IReadOnlyList<string> Ecology =
    [
        "{0}污水处理厂提标改造工程", "萍水河{0}段综合治理工程", "{0}矿山生态修复项目", "{0}城乡供水一体化工程",
        "{0}乡镇污水管网建设项目", "{0}水土保持综合治理项目", "{0}生活垃圾转运站建设项目", "{0}湿地公园保护修复项目",
    ];

    /// <summary>What a clerk writes under 存在问题 for a project that is behind.</summary>
    public static readonly IReadOnlyList<string> LagIssues =
    [
        "征地拆迁进度滞后，部分地块未交付", "环评批复未下达，暂缓施工", "企业融资困难，资金到位不足",
        "主要设备采购延期", "受疫情影响施工人员不足", "规划方案调整，重新论证", "施工用电接入未落实",
        "林地报批未完成", "管线迁改协调难度大", "建设资金未落实",
    ];

    public static readonly IReadOnlyList<string> NotStartedIssues =
    [
        "用地报批未完成，尚未开工", "项目前期手续未办结，尚未开工", "招商企业调整投资计划，尚未开工",
    ];

    /// <summary>Issues that do not make a project late (存在问题 is not only for lagging projects).</summary>
    public static readonly IReadOnlyList<string> MinorIssues = ["电力增容待协调", "部分配套道路未完工", "用工紧张"];

    public static readonly IReadOnlyList<string> ProgressOnTrack =
    [
        "主体工程完工，正在进行设备安装", "已竣工投产", "主体结构封顶", "完成土石方工程，正在进行基础施工",
        "正在进行内部装修", "部分生产线已投产", "路基工程完成80%", "按计划推进",
    ];

    public static readonly IReadOnlyList<string> ProgressBehind =
    [
        "正在办理前期手续", "完成场地平整", "基础施工中", "部分标段停工", "正在进行设备招标",
    ];

    public static string TemplatesFor(string field, SampleRandom random, string place, string county) => field switch
    {
        "农业" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(Agriculture), place),
        "服务业" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(Services), place),
        "重大基础设施" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(Infrastructure), place),
        "新型基础设施" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(NewInfrastructure), random.Chance(50) ? county : place),
        "公共服务" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(PublicServices), place),
        "生态环保" => string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(Ecology), place),
        _ => Company(random) + random.Pick(IndustrialProducts),
    };

    public static string Company(SampleRandom random) => random.Pick(CompanyWords) + random.Pick(CompanyKinds);

    public static string CompanyFullName(string company, SampleRandom random) =>
        (random.Chance(50) ? "江西" : "萍乡市") + company + "有限公司";

    /// <summary>The 责任单位 a county would name for this kind of project.</summary>
    public static string ResponsibleUnit(string field, string name, CountyProfile county)
    {
        string prefix = county.UnitPrefix;
        string unit = field switch
        {
            "工业" => county.Department == "jingkai" ? "经济发展局" : "工信局",
            "农业" => "农业农村局",
            "服务业" => Has(name, "景区", "文旅", "酒店", "康养", "旅居", "民宿") ? "文广新旅局" : "商务局",
            "重大基础设施" => Has(name, "输变电", "变电站", "天然气") ? "发改委"
                : Has(name, "水库", "防洪") ? "水利局"
                : Has(name, "国道", "省道", "公路", "桥梁", "高速", "路网") ? "交通运输局"
                : "住建局",
            "新型基础设施" => "工信局",
            "公共服务" => Has(name, "中学", "小学", "幼儿园", "体育") ? "教体局"
                : Has(name, "卫生院", "医院") ? "卫健委"
                : Has(name, "养老") ? "民政局"
                : Has(name, "文化") ? "文广新旅局"
                : "住建局",
            _ => Has(name, "供水", "水土", "萍水河") ? "水利局" : string.Empty,
        };
        if (unit.Length == 0)
        {
            return county.Department == "wugongshan" ? "武功山管委会生态环境办" : "市生态环境局" + county.County + "分局";
        }

        return county.Department == "jingkai" && unit != "经济发展局" ? "经开区" + unit : prefix + unit;
    }

    private static bool Has(string name, params string[] words) => words.Any(w => name.Contains(w, StringComparison.Ordinal));

    public static string Owner(string field, string? company, CountyProfile county, SampleRandom random) => field switch
    {
        "工业" => company!,
        "重大基础设施" => random.Chance(40) ? "萍乡市交通投资集团有限公司" : county.UnitPrefix + "城市建设投资发展有限公司",
        "新型基础设施" => random.Pick(["中国移动萍乡分公司", "中国电信萍乡分公司", "国网萍乡供电公司", county.UnitPrefix + "城市建设投资发展有限公司"]),
        _ => county.UnitPrefix + random.Pick(["城市建设投资发展有限公司", "人民政府", "国有资产运营有限公司"]),
    };
}
