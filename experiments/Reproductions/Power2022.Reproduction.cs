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
        ]);

    static RunSelector OperationIs(string operation) => RunSelector.Where<Power2022>($"Operation = {operation}", e => e.Operation == operation);
}
