namespace Reporting.Core.Ingestion.Headers;

/// <summary>
/// The canonical fields of each kind (domain.md) and the header words that name them. Headers are
/// matched by key words after normalisation (units, years and months removed), never by position.
/// </summary>
internal static class FieldCatalog
{
    public const string Name = "name";
    public const string County = "county";
    public const string Field = "field";
    public const string AnnualPlan = "annualPlan";
    public const string Completed = "completed";
    public const string Code = "code";
    public const string TotalInvestment = "totalInvestment";
    public const string Owner = "owner";
    public const string ResponsibleUnit = "responsibleUnit";
    public const string Levels = "levels";
    public const string MoreLevels = "levels.more";
    public const string Nature = "nature";
    public const string PlannedStart = "plannedStart";
    public const string ActualStart = "actualStart";
    public const string Started = "started";
    public const string PlannedCompletion = "plannedCompletion";
    public const string CompletedFlag = "completedFlag";
    public const string ProgressNote = "progressNote";
    public const string Issues = "issues";
    public const string Leader = "leader";
    public const string SignedOn = "signedOn";
    public const string Amount = "amount";
    public const string IndustryChain = "industryChain";
    public const string SourceRegion = "sourceRegion";
    public const string Is5020 = "is5020";
    public const string ForeignAmount = "foreignAmountUsd";
    public const string Unit = "unit";
    public const string Value = "value";
    public const string Prior = "prior";
    public const string Yoy = "yoyReported";
    public const string Share = "share";
    public const string SharePrior = "sharePrior";
    public const string Note = "note";

    /// <summary>备注 of a project or a signing: read only for a word saying the row is withdrawn (已调出, 已取消).</summary>
    public const string Remarks = "remarks";

    /// <summary>A 是否调出 / 是否退库 column: 是 says the row is withdrawn, as the 备注 can.</summary>
    public const string WithdrawnFlag = "withdrawnFlag";

    /// <summary>"比重比上年提高（个百分点）": the change in share, from which last year's share follows.</summary>
    public const string ShareChange = "shareChange";

    /// <summary>
    /// "同比增减（亿元）", "比上年同期增减": the change against last year in the figure's own unit, from which last year's
    /// figure follows (本期值 less the change). A 增减 column is a percentage only when its header says so (%).
    /// </summary>
    public const string YoyChange = "yoyChange";

    /// <summary>项目状态 of a project (在建, 已退库, 终止实施): read only for a word saying the row is withdrawn, as the 备注 can.</summary>
    public const string ProjectStatus = "projectStatus";

    /// <summary>"调整后计划" beside 年度计划投资, often filled only where the plan was adjusted: where filled, the plan.</summary>
    public const string AdjustedPlan = "annualPlan.adjusted";

    /// <summary>序号: tells a project's numbered sub-projects (3.1, 3.2 under 3) from projects.</summary>
    public const string Serial = "serial";

    /// <summary>签约状态 in a signings table: only 已签约 rows are signings.</summary>
    public const string SigningStatus = "signingStatus";

    /// <summary>币种: the currency of a row's amount, which must be yuan.</summary>
    public const string Currency = "currency";

    /// <summary>项目类型 in a signings table: "5020项目" there marks a 5020 project.</summary>
    public const string ProjectType = "projectType";

    private static readonly string[] s_notSinceStart = ["开工以来", "自开工", "建设以来", "开工累计", "至今", "历年"];

    // Last year's figure, or a part of this year's ("其中：中央预算内"), is never the figure itself.
    private static readonly string[] s_notThisFigure = ["上年", "去年", "同期", "其中", "上月", "上期"];

    // A comparison with last year ("比上年同期增减", "较去年增长") is never last year's figure itself.
    private static readonly string[] s_comparison = ["比上年", "较上年", "比去年", "较去年", "同比", "增减", "增加", "减少", "增长", "增速", "增幅", "提高", "下降"];

    // A growth on another basis than last year's (环比 over last month, 较年初 over the year's start, the province's 全省增速
    // beside 我市增速) or in an amount (比上年同期增长 over 绝对额 | %) is never the year-on-year growth.
    private static readonly string[] s_otherBasis = ["环比", "年初", "上月", "上期", "全省", "全国", "全市平均", "绝对", "增长额", "增加额", "增量"];

    // A column saying the share rose by so many points is the change, never last year's share.
    private static readonly string[] s_change = ["提高", "百分点", "增减", "变化", "下降", "降低"];

    private static HeaderPattern P(params string[] all) => new(all, []);

    private static HeaderPattern PN(string[] all, params string[] none) => new(all, none);

    private static HeaderPattern Exact(string word) => new([word], [], Exact: true);

    private static HeaderPattern PB(int bonus, string[] all, params string[] none) => new(all, none, Bonus: bonus);

    private static readonly HeaderPattern[] s_levelLists = [P("级别"), P("项目层级"), P("省市重点"), P("重点类别")];

    private static readonly FieldSpec s_projectName = new(Name, "项目名称", ValueKind.Text, true, false,
    [
        P("项目名称"), P("项目名"), PN(["名称"], "单位", "指标", "企业", "县", "地区", "产业链", "领导"), Exact("项目"),
    ]);

    // A 计量单位 column in a project or signing list: the unit of the row's amounts (CellReader.ReadRowUnit). A bare "单位"
    // there may name an organisation; its cells then name no unit and it says nothing.
    private static readonly FieldSpec s_rowUnit = new(Unit, "计量单位", ValueKind.Text, false, false, [Exact("单位"), P("计量单位"), P("金额单位")]);

    private static readonly FieldSpec s_county = new(County, "县区", ValueKind.County, true, false,
    [
        P("县区"), P("县市区"), PN(["地区"], "来源"), PN(["区域"], "来源"), P("属地"), PN(["所在地"], "投资方", "客商", "来源"), P("所属县"), P("责任县"),
    ]);

    public static readonly IReadOnlyList<FieldSpec> Projects =
    [
        s_projectName,
        s_county,
        // 领域 is the seven fields; 类别/类型 may be an industry (产业类别: 锂电) or a level (省重点), so any header with 领域
        // outranks even an exact "项目类别" (5): "所属领域" scores 6.
        new(Field, "所属领域", ValueKind.Field, true, true, [PB(4, ["领域"]), PN(["项目类别"]), PN(["类别"], "级别"), P("项目类型"), P("所属行业")]),
        new(AnnualPlan, "年度计划投资", ValueKind.Amount, true, true,
        [
            PN(["计划投资"], [.. s_notThisFigure, "总", "完成", "率", "比例", "形象"]),
            PN(["年度计划"], [.. s_notThisFigure, "总", "完成", "率", "比例", "形象", "进度", "内容"]),
            PN(["年计划"], [.. s_notThisFigure, "总", "完成", "率", "比例", "形象", "进度", "内容"]),
            PN(["计划完成投资"], [.. s_notThisFigure, "累计", "率", "比例", "序时", "本月", "当月"]),
            PN(["投资计划"], [.. s_notThisFigure, "总", "完成", "率", "比例", "下达"]),

            // Under a group caption: "本年完成情况" over "年度计划投资 | 累计完成投资" (beside "上年完成情况" over the same two).
            PN(["完成情况", "计划投资"], [.. s_notThisFigure, "总", "率", "比例", "序时", "本月", "当月"]),
        ]),
        new(Completed, "累计完成投资", ValueKind.Amount, true, true,
        [
            PN(["累计完成"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划", "序时"]),
            PN(["完成投资"], [.. s_notSinceStart, .. s_notThisFigure, "本月", "当月", "率", "比例", "计划", "序时"]),
            PN(["年初", "累计"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例"]),
            PN(["本年完成"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划"]),

            // Two-row headers: "本年度" over "计划 | 完成", "投资完成情况" over "12月 | 1-12月 | 占年度计划%".
            PN(["本年", "完成"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划", "序时"]),
            PN(["投资完成"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划", "序时", "本月", "当月"]),
            PN(["累计"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划", "本月", "当月"]),

            // "1-12月完成", "完成额": the months go with the period, leaving the word nearly alone; any more specific header wins.
            PN(["完成"], [.. s_notSinceStart, .. s_notThisFigure, "率", "比例", "计划", "序时", "本月", "当月", "情况", "进度", "时间", "内容", "目标", "是否", "形象"]),
        ]),
        new(AdjustedPlan, "调整后计划", ValueKind.Amount, false, false,
        [
            PN(["调整", "计划"], [.. s_notThisFigure, "率", "完成", "比例", "序时", "说明", "原因", "情况", "是否", "时间"]),
        ]),
        new(Code, "项目代码", ValueKind.Text, false, false, [P("项目代码"), P("项目编码"), P("项目编号"), PN(["代码"], "信用"), PN(["编码"], "信用")]),
        new(TotalInvestment, "总投资", ValueKind.Amount, false, true, [PN(["总投资"], "完成", "累计", "率")]),
        new(Owner, "建设单位", ValueKind.Text, false, false, [P("建设单位"), P("业主单位"), P("项目业主"), P("业主"), P("项目单位"), P("实施单位")]),
        new(ResponsibleUnit, "责任单位", ValueKind.Text, false, false, [P("责任单位"), P("牵头单位"), P("主管单位"), P("责任主体")]),
        new(Levels, "项目级别", ValueKind.LevelList, false, true, s_levelLists),

        // Some tables split the levels over two list columns: "省市重点" (省重点/市重点) and "项目层级" (省大中型).
        new(MoreLevels, "项目级别", ValueKind.LevelList, false, false, s_levelLists),
        new("level.省重点", "是否省重点", ValueKind.LevelFlag, false, true, [PN(["省重点"], "级别")]) { Level = ProjectLevels.Provincial },
        new("level.省大中型", "是否省大中型", ValueKind.LevelFlag, false, true, [PN(["省大中型"], "级别")]) { Level = ProjectLevels.ProvincialLargeMedium },
        new("level.市重点", "是否市重点", ValueKind.LevelFlag, false, true, [PN(["市重点"], "级别", "省市")]) { Level = ProjectLevels.Municipal },
        new("level.5020", "是否5020项目", ValueKind.LevelFlag, false, false, [PN(["5020"], "级别")]) { Level = ProjectLevels.P5020 },
        new(Nature, "建设性质", ValueKind.Text, false, true, [P("建设性质"), P("项目性质"), P("性质")]),
        new(PlannedStart, "计划开工时间", ValueKind.Date, false, true, [P("计划开工")]),
        new(ActualStart, "实际开工时间", ValueKind.Date, false, true, [P("实际开工"), PN(["开工时间"], "计划"), PN(["开工日期"], "计划")]),
        new(Started, "是否开工", ValueKind.Boolean, false, true, [PN(["是否", "开工"], "竣工", "投产"), P("开工情况"), P("是否已开工")]),
        new(PlannedCompletion, "计划竣工时间", ValueKind.Date, false, true, [P("计划竣工"), PN(["竣工时间"], "实际", "是否"), PN(["投产时间"], "实际", "是否")]),
        new(CompletedFlag, "是否竣工投产", ValueKind.Boolean, false, true, [P("是否", "竣工"), P("是否", "投产")]),
        new(ProgressNote, "形象进度", ValueKind.Text, false, true, [PN(["形象进度"], "计划"), P("进展情况"), P("工程进度"), PN(["进度"], "序时", "计划", "率", "比例")]),
        new(Issues, "存在问题", ValueKind.Text, false, false, [P("存在问题"), P("问题"), P("困难")]),
        new(Leader, "包挂领导", ValueKind.Text, false, true, [P("领导")]),
        new(Remarks, "备注", ValueKind.Text, false, false, [P("备注")]),
        new(ProjectStatus, "项目状态", ValueKind.Text, false, false, [P("项目状态"), P("建设状态"), P("调度状态"), Exact("状态")]),
        new(WithdrawnFlag, "是否调出", ValueKind.Boolean, false, false, [P("是否", "调出"), P("是否", "退库"), P("是否", "取消"), P("是否", "删除")]),
        new(Serial, "序号", ValueKind.Text, false, false, [Exact("序号"), Exact("序"), Exact("编号")]),
        s_rowUnit,
    ];

    public static readonly IReadOnlyList<FieldSpec> Signings =
    [
        s_projectName,
        s_county,
        new(SignedOn, "签约时间", ValueKind.Date, false, true, [P("签约", "时间"), P("签约", "日期"), P("签订", "时间"), P("签订", "日期")]),
        new(Amount, "签约金额", ValueKind.Amount, true, true,
        [
            // "折合人民币（万元）" beside "签约金额（万美元）": the yuan column is the amount.
            PB(3, ["折合人民币"]), PB(3, ["折人民币"]),
            // The contract's own figure beats a project's 总投资 or 投资额 beside it ("总投资 | 合同投资额").
            PB(2, ["签约金额"]), PB(2, ["签约额"]), PB(2, ["签约投资"]), PB(2, ["合同投资"]), PB(2, ["合同金额"]), PB(2, ["协议投资"]), PB(2, ["协议金额"]),
            PB(2, ["合同引资"], "外资", "美元"), PB(2, ["协议引资"], "外资", "美元"), PN(["投资总额"], "外资", "美元"),
            PN(["总投资"], "外资", "美元", "完成"), PN(["投资额"], "外资", "美元", "完成", "计划"),
        ]),
        new(IndustryChain, "产业链", ValueKind.Text, false, true, [P("产业链"), P("所属产业"), P("产业类别")]),
        new(SourceRegion, "来源地", ValueKind.Text, false, true, [P("来源"), P("客商所在地"), P("投资方所在地"), P("签约地")]),
        new(Is5020, "是否5020项目", ValueKind.Boolean, false, true, [P("5020")]),
        new(ForeignAmount, "外资", ValueKind.Amount, false, true, [P("外资"), P("美元")]),
        new(ProjectType, "项目类型", ValueKind.Text, false, false, [P("项目类型"), P("项目类别")]),
        new(SigningStatus, "签约状态", ValueKind.Text, false, false, [P("签约状态"), P("签约情况"), P("是否签约"), P("签约进展"), Exact("状态")]),
        new(Currency, "币种", ValueKind.Text, false, false, [P("币种"), P("货币"), P("币别")]),
        new(Remarks, "备注", ValueKind.Text, false, false, [P("备注")]),
        new(WithdrawnFlag, "是否调出", ValueKind.Boolean, false, false, [P("是否", "调出"), P("是否", "退库"), P("是否", "取消"), P("是否", "删除")]),
        s_rowUnit,
    ];

    public static readonly IReadOnlyList<FieldSpec> Metrics =
    [
        new(Name, "指标名称", ValueKind.Text, true, true, [P("指标"), Exact("项目")]),
        new(Unit, "单位", ValueKind.Text, false, true, [Exact("单位"), P("计量单位")]),
        new(Value, "本期值", ValueKind.Number, true, true,
        [
            // A cumulative or period column beats 本月 when a sheet has both.
            PB(2, ["本期"], "比重", "占比", "同比", "增长", "增速", "上年", "去年", "上月", "上期"), P("本月"),
            PB(2, ["累计"], "比重", "占比", "同比", "增长", "增速", "上年", "去年", "上月", "上期"),
            P("期末余额"), PB(2, ["末余额"], "上年", "去年", "上月", "上期", "年初"), PN(["余额"], "上年", "去年", "增长", "上月", "上期", "年初"), Exact("末"), Exact("期末"), Exact("月末"), P("绝对值"), P("绝对数"), P("数值"), P("完成值"), P("实际值"), Exact("本年"),
            PN(["实有"], "上年", "去年", "增长", "上月", "上期", "比重", "占比"), Exact("本年数"), Exact("今年"),
            PN(["完成"], "率", "目标", "计划", "上年", "去年", "同期", "比重", "占比", "增长", "增速", "情况", "是否", "进度", "上月", "上期"),
        ]),
        new(Prior, "上年同期", ValueKind.Number, false, true,
        [
            PN(["上年同期"], [.. s_comparison, "比重", "占比"]), PN(["去年同期"], [.. s_comparison, "比重", "占比"]),

            // "上年 | 本年" over the figures: last year's column beside this year's.
            Exact("上年"), Exact("上年数"), Exact("去年"), Exact("上年实际"),
        ]),
        new(YoyChange, "同比增减额", ValueKind.Number, false, false,
        [
            PN(["同比", "增减"], "比重", "占比", "百分点"), PN(["上年", "增减"], "比重", "占比", "百分点"), PN(["去年", "增减"], "比重", "占比", "百分点"),
            PN(["同比", "增加"], "比重", "占比", "百分点"), PN(["上年", "增加"], "比重", "占比", "百分点"), PN(["同比", "增量"], "比重", "占比"), PN(["同比", "增长额"], "比重", "占比"),
            PN(["上年", "增长额"], "比重", "占比"), PN(["上年", "绝对"], "比重", "占比"), PN(["同比", "绝对"], "比重", "占比"),
        ]),
        new(Yoy, "同比增长", ValueKind.Percent, false, true,
        [
            PN(["同比"], "百分点", "比重", "占比", "绝对"), PN(["增长"], [.. s_otherBasis, "百分点", "比重", "占比"]),
            PN(["增速"], s_otherBasis), PN(["增幅"], s_otherBasis),

            // "比上年同期±（%）", "比增（%）" (江西's statistical tables), "增减幅度".
            PN(["±"], "百分点", "比重", "占比"), PN(["比增"], [.. s_otherBasis, "百分点", "比重", "占比"]), PN(["增减幅"], s_otherBasis), PN(["增减率"], s_otherBasis),

            // The growth of the cumulative figure, like the value itself, beats this month's.
            PB(3, ["累计", "同比"], "百分点", "比重", "占比", "绝对"), PB(3, ["累计", "增"], [.. s_otherBasis, "百分点", "比重", "占比"]),
        ]),
        new(Share, "占比", ValueKind.Percent, false, true, [PN(["占比"], "上年", "去年", "提高", "变化"), PN(["比重"], "上年", "去年", "提高", "变化")]),
        new(SharePrior, "上年同期比重", ValueKind.Percent, false, true,
        [
            PN(["上年", "比重"], s_change), PN(["去年", "比重"], s_change), PN(["上年", "占比"], s_change), PN(["去年", "占比"], s_change),
        ]),
        new(ShareChange, "比重变化", ValueKind.Percent, false, true,
        [
            P("比重", "提高"), P("占比", "提高"), P("比重", "百分点"), P("占比", "百分点"), P("比重", "增减"), P("占比", "增减"), P("比重", "变化"), P("占比", "变化"),

            // "比上年提高（个百分点）" beside a share: read only to give last year's share, so never taken for anything else.
            PN(["百分点"], "增速", "增长率", "增幅"),
        ]),
        new(Note, "口径说明", ValueKind.Text, false, false, [P("口径"), P("说明"), P("备注")]),
    ];

    public static IReadOnlyList<FieldSpec> For(DatasetKind kind) => kind switch
    {
        DatasetKind.Projects => Projects,
        DatasetKind.Signings => Signings,
        _ => Metrics,
    };

    public static readonly IReadOnlyList<DatasetKind> Kinds = [DatasetKind.Projects, DatasetKind.Signings, DatasetKind.Metrics];
}
