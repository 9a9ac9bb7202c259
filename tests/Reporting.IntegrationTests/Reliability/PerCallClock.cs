namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// A clock each concurrent call sets for itself (an AsyncLocal), so fifty uploads running at once each
/// see their own arrival time, in an order unrelated to the order they run or finish in.
/// </summary>
public sealed class PerCallClock(DateTimeOffset fallback) : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    /// <summary>Sets "now" for the calling flow (and the tasks it starts).</summary>
    public void Set(DateTimeOffset now) => _now.Value = now;

    public override DateTimeOffset GetUtcNow() => (_now.Value ?? fallback).ToUniversalTime();
}
