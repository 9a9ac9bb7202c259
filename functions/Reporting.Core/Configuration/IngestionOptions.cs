namespace Reporting.Core.Configuration;

/// <summary>Limits and vocabularies for reading submissions. Defaults fit Pingxiang.</summary>
public sealed class IngestionOptions
{
    /// <summary>Uploads larger than this are rejected unread. Default 20 MB.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>A workbook whose parts expand beyond this is treated as a zip bomb. Default 200 MB.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Non-empty rows per workbook beyond which the file is rejected. Default 200,000.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Findings listed per file; beyond this they are counted but not listed. Default 1,000.</summary>
    public int MaxFindings { get; set; } = 1_000;

    /// <summary>Day of the month after the period by which a submission is on time (Beijing time, inclusive). Default 5.</summary>
    public int SubmissionDeadlineDay { get; set; } = 5;

    /// <summary>A 合计/小计 row may differ from the sum of its rows by this many percent before a warning. Default 0.5.</summary>
    public decimal TotalTolerancePct { get; set; } = 0.5m;

    /// <summary>Completed investment above this percentage of the annual plan draws a warning. Default 200.</summary>
    public decimal CompletedOverPlanWarnPct { get; set; } = 200m;

    /// <summary>
    /// County-level units with their aliases. Empty means <see cref="DefaultCounties"/>. The configuration
    /// binder appends to a non-empty list, so defaults live outside the property and apply only when it is empty.
    /// </summary>
    public List<VocabularyEntry> Counties { get; set; } = [];

    /// <summary>Fields (领域) with their aliases. Empty means <see cref="DefaultFields"/>.</summary>
    public List<VocabularyEntry> Fields { get; set; } = [];

    public static IReadOnlyList<VocabularyEntry> DefaultCounties { get; } =
    [
        new("安源区", "安源", "安源区政府"),
        new("湘东区", "湘东"),
        new("莲花县", "莲花"),
        new("上栗县", "上栗"),
        new("芦溪县", "芦溪"),
        new("萍乡经开区", "经开区", "萍乡经济技术开发区", "经济技术开发区", "萍乡经济开发区", "萍乡开发区"),
        new("武功山风景名胜区", "武功山", "武功山管委会", "武功山风景区", "武功山景区", "武功山风景名胜区管委会"),
    ];

    public static IReadOnlyList<VocabularyEntry> DefaultFields { get; } =
    [
        new("工业", "工业项目", "工业领域", "产业", "产业项目", "制造业"),
        new("农业", "农业项目", "农业农村", "现代农业", "乡村振兴"),
        new("服务业", "服务业项目", "现代服务业", "商贸物流", "文化旅游", "文旅"),
        new("重大基础设施", "基础设施", "重大基础设施项目", "基础设施项目", "交通水利", "交通", "水利", "能源"),
        new("新型基础设施", "新基建", "新型基础设施项目", "新型基础设施建设", "新基础设施", "数字基础设施", "信息基础设施", "数字新基建"),
        new("公共服务", "公共服务项目", "社会民生", "民生", "民生工程", "社会事业"),
        new("生态环保", "生态环保项目", "生态环境", "生态环境保护", "环保", "生态"),
    ];

    public IReadOnlyList<VocabularyEntry> EffectiveCounties() => Counties.Count > 0 ? Counties : DefaultCounties;

    public IReadOnlyList<VocabularyEntry> EffectiveFields() => Fields.Count > 0 ? Fields : DefaultFields;
}

/// <summary>A canonical name (e.g. 萍乡经开区) and the other ways departments write it.</summary>
public sealed class VocabularyEntry
{
    public VocabularyEntry()
    {
    }

    public VocabularyEntry(string name, params string[] aliases)
    {
        Name = name;
        Aliases = [.. aliases];
    }

    public string Name { get; set; } = string.Empty;

    public List<string> Aliases { get; set; } = [];
}
