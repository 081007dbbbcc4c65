namespace GrokDsl.Experiments;

public sealed partial record GrokkingExplained2025 : IReproducible
{
    /// <summary>
    /// Section 5: on the equidistant construction, no subclass imbalance (f = 0) prevents grokking while f = 0.01 and
    /// f = 0.2 induce it; the equivariant construction groks at f = 0. Verdicts are fractions of seeds that grokked.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new GrokkingExplained2025(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction grokked, equidistant, f = 0", new FractionGrokked(Cell("equidistant", 0.0)), 0, 0, 0, "section 5, Fig. 3"),
            new("fraction grokked, equidistant, f = 0.01", new FractionGrokked(Cell("equidistant", 0.01)), 1, 1, 1, "section 5, Fig. 3"),
            new("fraction grokked, equidistant, f = 0.2", new FractionGrokked(Cell("equidistant", 0.2)), 1, 1, 1, "section 5, Fig. 3"),
            new("fraction grokked, equivariant, f = 0", new FractionGrokked(Cell("equivariant", 0.0)), 1, 1, 1, "section 5, Fig. 4"),
        ])
    {
        Cost = new(0.2, "measured 2026-12-02: 18 runs in 9.9 min of training at ~440 steps/s on one thread; the six runs that do not grok use the whole 50,000-step budget"),
    };

    static RunSelector Cell(string variant, double fraction) =>
        RunSelector.Where<GrokkingExplained2025>($"Variant = {variant}, Fraction = {fraction}", e => e.Variant == variant && e.Fraction == fraction);
}
