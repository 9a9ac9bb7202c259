namespace Reporting.Core.Delivery;

/// <summary>Who receives the briefing and how mail leaves.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Leaders' addresses. Only configured recipients ever receive mail.</summary>
    public List<string> Recipients { get; set; } = [];
}
