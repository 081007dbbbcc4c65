namespace GrokDsl.Experiments;

public sealed partial record Varma2023 : IReproducible
{
    /// <summary>
    /// Ungrokking: trained on with far fewer pairs than D_crit, the grokked network's test accuracy falls; with a
    /// training set nearly as large as the one it grokked on, it stays. The paper shows the fall as a curve, not a
    /// number: the bands say "fell below half" and "stayed above 90%".
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Varma2023(),
        Smoke: Smoke,
        Targets:
        [
            new("final test accuracy, 5% of the pairs (ungrokked)", new FinalValue("testAccuracy", FractionIs(0.05)), double.NaN, 0, 0.5, "ungrokking experiments (qualitative)"),
            new("final test accuracy, 40% of the pairs (stays grokked)", new FinalValue("testAccuracy", FractionIs(0.4)), double.NaN, 0.9, 1, "ungrokking experiments (qualitative)"),
        ],
        Note: "the source is the default experiment (an MLP, not the paper's transformer), grokked on 50% of the pairs")
    {
        Sources = [Grokked],
        SmokeSources = [SmokeSource],
    };

    static RunSelector FractionIs(double fraction) =>
        RunSelector.Where<Varma2023>($"TrainFraction = {fraction}", e => e.TrainFraction == fraction);
}
