namespace Reporting.Core.Ingestion.Parsing;

/// <summary>来源地 folded into the four groups the briefing reports: 粤港澳大湾区, 长三角, 长株潭, 其他.</summary>
internal static class SourceRegions
{
    public const string GreaterBay = "粤港澳大湾区";
    public const string YangtzeDelta = "长三角";
    public const string ChangZhuTan = "长株潭";
    public const string Other = "其他";

    private static readonly string[] s_greaterBay = ["大湾区", "粤港澳", "深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "江门", "肇庆", "香港", "澳门"];

    private static readonly string[] s_yangtzeDelta =
    [
        "长三角", "长江三角洲", "上海", "江苏", "浙江", "安徽", "南京", "苏州", "无锡", "常州", "南通", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州", "合肥", "芜湖",
    ];

    private static readonly string[] s_changZhuTan = ["长株潭", "长沙", "株洲", "湘潭"];

    public static string? Normalize(string? text)
    {
        string compact = ChineseText.Compact(text);
        if (compact.Length == 0)
        {
            return null;
        }

        if (ChineseText.ContainsAny(compact, s_greaterBay))
        {
            return GreaterBay;
        }

        if (ChineseText.ContainsAny(compact, s_changZhuTan))
        {
            return ChangZhuTan;
        }

        return ChineseText.ContainsAny(compact, s_yangtzeDelta) ? YangtzeDelta : Other;
    }
}
