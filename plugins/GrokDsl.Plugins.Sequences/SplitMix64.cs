namespace GrokDsl.Plugins.Sequences;

/// <summary>
/// A small deterministic generator (Steele, Lea and Flood's SplitMix64), so that generated data depends on the seed
/// alone: the same on every platform and .NET version, and without torch's global generator.
/// </summary>
sealed class SplitMix64(ulong seed)
{
    ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, count), by rejection so that no value is favoured.</summary>
    public int Below(int count)
    {
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)count;
        ulong value;
        do value = Next(); while (value >= limit);
        return (int)(value % (ulong)count);
    }

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);
}
