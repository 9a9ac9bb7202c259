namespace Reporting.Core.Configuration;

/// <summary>How the briefing is titled, signed and distributed. Defaults are Pingxiang's.</summary>
public sealed class BriefingOptions
{
    /// <summary>
    /// 审核签发: true (the default) and the timer only drafts the briefing and mails the draft to the reviewers; leaders
    /// receive it only once the office has signed it off. False keeps unattended sending: the timer renders and mails it.
    /// </summary>
    public bool RequireSignOff { get; set; } = true;

    /// <summary>报头 title, printed in red.</summary>
    public string Title { get; set; } = "重大项目推进情况简报";

    /// <summary>The issuing office (编印单位).</summary>
    public string Office { get; set; } = "萍乡市重大项目推进办公室";

    /// <summary>Marking printed above the masthead (e.g. 内部资料); empty prints nothing.</summary>
    public string? Marking { get; set; } = "内部资料";

    /// <summary>Printed in parentheses under the title, e.g. 月报 or 季报; empty prints nothing.</summary>
    public string? CadenceLabel { get; set; }

    /// <summary>
    /// The issue line; {0} is the year, {1} the issue number within the year.
    /// "{0}年第{1}期" prints 2022年第12期; "第{1}期" prints 第12期.
    /// </summary>
    public string IssueLabelFormat { get; set; } = "{0}年第{1}期";

    /// <summary>报: to whom the briefing is reported (上级). Empty leaves the line out.</summary>
    public string? ReportTo { get; set; } = "市委、市人大、市政府、市政协领导";

    /// <summary>送: to whom it is sent (平级/有关单位). Empty leaves the line out.</summary>
    public string? SendTo { get; set; } = "省发展改革委";

    /// <summary>发: to whom it is issued (下级). Empty leaves the line out.</summary>
    public string? IssueTo { get; set; } = "各县区人民政府、萍乡经开区管委会、武功山风景名胜区管委会，市直有关单位";

    /// <summary>
    /// How many lagging projects the briefing names: the N furthest behind, then "等M个项目" with the full list
    /// in the attached 滞后项目清单.xlsx. Keeps the briefing to a few pages however many projects there are.
    /// Default 20; 0 names every lagging project (the briefing then grows with the data).
    /// </summary>
    public int LaggingListLimit { get; set; } = 20;

    /// <summary>Configuration mistakes, in English for the operator; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems() =>
        LaggingListLimit < 0 ? [$"Briefing.LaggingListLimit ({LaggingListLimit}) must be zero (list all) or positive."] : [];
}
