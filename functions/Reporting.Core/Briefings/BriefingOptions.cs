namespace Reporting.Core.Briefings;

/// <summary>How the briefing is titled, signed and distributed.</summary>
public sealed class BriefingOptions
{
    /// <summary>报头 title, printed in red.</summary>
    public string Title { get; set; } = "重大项目推进情况简报";

    /// <summary>The issuing office (编印单位).</summary>
    public string Office { get; set; } = "萍乡市重大项目推进办公室";
}
