namespace GrokDsl.Contracts;

/// <summary>
/// Independent random streams from one seed: a dataset that needs several (split, label noise, test
/// samples) derives one per purpose, so that changing one knob (say the noise fraction) does not
/// reshuffle what another knob controls.
/// </summary>
public static class DerivedSeed
{
    /// <summary>A 64-bit seed for <paramref name="purpose"/> (SplitMix64 over the seed and an FNV-1a hash of the name).</summary>
    public static ulong Of(long seed, string purpose)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        var z = unchecked((ulong)seed + hash + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
