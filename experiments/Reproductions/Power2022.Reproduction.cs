namespace GrokDsl.Experiments;

public sealed partial record Power2022 : IReproducible
{
    /// <summary>
    /// With weight decay (App. A.1.2's AdamW, wd 1) and half of the pairs, x/y mod 97 generalizes within the 10⁵-step
    /// budget, while x³ + xy² + y generalizes at no training fraction within it (Fig. 2, Fig. 4).
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Power2022(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction grokked (99 %), x/y", new FractionGrokked(OperationIs("a/b")), 1, 1, 1, "Fig. 1, App. A.1.2"),
            new("fraction grokked (99 %), x³ + xy² + y", new FractionGrokked(OperationIs("a^3+ab^2+b")), 0, 0, 0, "Fig. 4"),
        ])
    {
        Cost = new(34, "worst case: 27 runs (9 operations × 3 seeds) × 100,000 steps at the ~22 steps/s measured for power-2022-s5's transformer of the same shape (2026-12-02); the x³ + xy² + y runs never stop early"),
    };

    static RunSelector OperationIs(string operation) => RunSelector.Where<Power2022>($"Operation = {operation}", e => e.Operation == operation);
}
