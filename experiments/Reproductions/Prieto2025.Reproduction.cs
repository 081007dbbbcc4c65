namespace GrokDsl.Experiments;

public sealed partial record Prieto2025 : IReproducible
{
    /// <summary>
    /// Fig. 1: without weight decay, float32 softmax collapse stops learning (no grokking), while float64, StableMax and
    /// ⊥AdamW grok. The verdicts are the fraction of runs that grokked: 0 for float32, 1 for the remedies.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Prieto2025(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction grokked, float32 softmax", new FractionGrokked(VariantIs("float32")), 0, 0, 0, "Fig. 1"),
            new("fraction grokked, float64", new FractionGrokked(VariantIs("float64")), 1, 1, 1, "Fig. 1"),
            new("fraction grokked, StableMax", new FractionGrokked(VariantIs("stablemax")), 1, 1, 1, "Fig. 1, section 5"),
            new("fraction grokked, ⊥AdamW", new FractionGrokked(VariantIs("perpendicular")), 1, 1, 1, "Fig. 1, section 6"),
        ]);

    static RunSelector VariantIs(string variant) => RunSelector.Where<Prieto2025>($"Variant = {variant}", e => e.Variant == variant);
}
