namespace GrokDsl.Experiments;

public sealed partial record Power2022S5 : IReproducible
{
    /// <summary>
    /// Appendix A.1.1 and Fig. 2: S5 x·y generalizes (99% validation accuracy) within 10⁵ updates at data fractions
    /// above ~30%, so every seed at 50% should. The paper gives no number for the conjugation and x·y·x at 50%; their
    /// runs are trained and reported without a target.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Power2022S5(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction grokked (99 %), S5 x·y at 50 %", new FractionGrokked(OperationIs("xy")), 1, 1, 1, "appendix A.1.1, Fig. 2"),
        ])
    {
        Cost = new(0.3, "measured 2026-12-02: 3 runs of 228, 337 and 492 s (21-25 steps/s, stopping at grokking)"),
    };

    static RunSelector OperationIs(string operation) =>
        RunSelector.Where<Power2022S5>($"Operation = {operation}", e => e.Operation == operation);
}
