namespace GrokDsl.Plugins.Datasets;

/// <summary>
/// Eq. 1 of "Grokking Explained" (arXiv:2502.01774, section 4): with a budget of γ_D training samples,
/// γ_s down-sampled subclasses and γ_r remaining ones, each down-sampled subclass gets
/// s_s = ⌈f·γ_D / (f·γ_s + γ_r)⌉ samples and each remaining one s_r = ⌊γ_D / (f·γ_s + γ_r)⌋.
/// </summary>
public static class Downsampling
{
    public static (int Downsampled, int Remaining) PerSubclass(int budget, double fraction, int downsampledSubclasses, int remainingSubclasses)
    {
        if (remainingSubclasses < 1) throw new ArgumentException("Eq. 1 needs at least one subclass that is not down-sampled.");
        var denominator = fraction * downsampledSubclasses + remainingSubclasses;
        // Round before ceiling/floor so that 0.2·2000/4.8 = 83.33… and exact quotients like 2000/5 are not
        // pushed across an integer by floating-point error.
        var downsampled = (int)Math.Ceiling(Math.Round(fraction * budget / denominator, 9));
        var remaining = (int)Math.Floor(Math.Round(budget / denominator, 9));
        return (downsampled, remaining);
    }

    /// <summary>
    /// Eq. 1 with a fraction per subclass: subclass k gets ⌈f_k·γ_D / Σf⌉ when f_k &lt; 1 and ⌊γ_D / Σf⌋ when
    /// f_k = 1. With one fraction f shared by γ_s subclasses, Σf = f·γ_s + γ_r and this is <see cref="PerSubclass(int, double, int, int)"/>.
    /// </summary>
    public static int[] PerSubclass(int budget, IReadOnlyList<double> fractions)
    {
        var denominator = fractions.Sum();
        if (!(denominator > 0)) throw new ArgumentException("Eq. 1 needs at least one subclass with a fraction above 0.");
        return [.. fractions.Select(f => f < 1
            ? (int)Math.Ceiling(Math.Round(f * budget / denominator, 9))
            : (int)Math.Floor(Math.Round(budget / denominator, 9)))];
    }
}
