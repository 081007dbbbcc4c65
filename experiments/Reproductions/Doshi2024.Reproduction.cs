namespace GrokDsl.Experiments;

public sealed partial record Doshi2024 : IReproducible
{
    /// <summary>
    /// Sections 3-4: with weight decay the network generalizes although a fraction ξ of its training labels is wrong,
    /// and once the low-IPR (memorizing) neurons are pruned it predicts the true label of every corrupted example, so
    /// its training accuracy on the corrupted set is 1 − ξ while its test accuracy stays high. Measured at the end of
    /// the run by the neuron-pruning measure (20% of the neurons, lowest IPR first).
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Doshi2024(),
        Smoke: Smoke,
        Targets:
        [
            new("test accuracy, ξ = 0.3, weight decay 5", new FinalValue("testAccuracy", Cell(0.3, 5)), 1, 0.9, 1, "section 3 (phase diagram)"),
            new("train accuracy after pruning, ξ = 0.1, weight decay 5 (1 − ξ)", new FinalValue("neuron-pruning.train_accuracy_after", Cell(0.1, 5)), 0.9, 0.85, 0.95, "section 4 (IPR pruning)"),
            new("train accuracy after pruning, ξ = 0.3, weight decay 5 (1 − ξ)", new FinalValue("neuron-pruning.train_accuracy_after", Cell(0.3, 5)), 0.7, 0.65, 0.75, "section 4 (IPR pruning)"),
            new("test accuracy after pruning, ξ = 0.3, weight decay 5", new FinalValue("neuron-pruning.test_accuracy_after", Cell(0.3, 5)), 1, 0.9, 1, "section 4 (IPR pruning)"),
        ]);

    static RunSelector Cell(double corruption, double weightDecay) =>
        RunSelector.Where<Doshi2024>($"ξ = {corruption}, weight decay = {weightDecay}", e => e.Corruption == corruption && e.WeightDecay == weightDecay);
}
