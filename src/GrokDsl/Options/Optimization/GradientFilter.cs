using System.Text.Json.Serialization;

namespace GrokDsl;

/// <summary>
/// Grokfast gradient filters (Lee, Kang, Kim, Lee 2024, arXiv:2405.20233, Algorithms 1-2): between
/// backward and the optimizer step, each gradient g becomes g + λ·(low-pass of past gradients).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "Kind")]
[JsonDerivedType(typeof(GrokfastEma), "grokfast-ema")]
[JsonDerivedType(typeof(GrokfastMa), "grokfast-ma")]
public abstract record GradientFilter
{
    /// <summary>Amplification λ of the slow component; the paper recommends [0.1, 5].</summary>
    [Range(Min = 0)]
    public double Lambda { get; init; }
}

/// <summary>
/// Grokfast-EMA: μ ← α·μ + (1−α)·g, then g ← g + λ·μ, with μ starting at the first gradient (as the
/// authors' grokfast.py does; the paper's Alg. 2 writes μ ← θ₀, most likely a typo).
/// </summary>
public sealed record GrokfastEma : GradientFilter
{
    public GrokfastEma() => Lambda = 2.0;

    /// <summary>Momentum α of the moving average; the paper recommends [0.8, 0.99].</summary>
    [Range(Min = 0, Max = 1, MaxExclusive = true)]
    public double Alpha { get; init; } = 0.98;
}

/// <summary>
/// Grokfast-MA: g ← g + λ·mean(last w gradients); with <see cref="Warmup"/> the filter is applied only
/// once the window is full, as in the authors' code.
/// </summary>
public sealed record GrokfastMa : GradientFilter
{
    public GrokfastMa() => Lambda = 5.0;

    [Range(Min = 1)]
    public int Window { get; init; } = 100;

    public bool Warmup { get; init; } = true;
}
