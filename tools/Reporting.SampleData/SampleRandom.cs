namespace Reporting.SampleData;

/// <summary>
/// SplitMix64: a tiny, fully specified generator, so the sample data is the same on every
/// runtime and machine (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal sealed class SampleRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="maxInclusive"/>.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>A decimal in [min, max] on a grid of 0.0001.</summary>
    public decimal Between(decimal min, decimal max)
    {
        long steps = (long)((max - min) * 10_000m);
        return min + (long)(NextUInt64() % (ulong)(steps + 1)) / 10_000m;
    }

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
