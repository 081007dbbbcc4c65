namespace GrokDsl.Experiments;

public sealed partial record Barak2022 : IReproducible
{
    /// <summary>
    /// The paper's claim (abstract and section 3): SGD learns the sparse parity, abruptly after a plateau. With
    /// Hu et al.'s budget of 300 epochs every seed should reach 95% test accuracy.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Barak2022(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction grokked (95 %), n = 40, k = 3", new FractionGrokked(RunSelector.All), 1, 1, 1, "abstract, section 3"),
        ])
    {
        Cost = new(0.002, "measured 2026-12-02: 3 runs of 2-3 s each (9,375-step budget, stopping at grokking; ~2,000 steps/s)"),
    };
}
