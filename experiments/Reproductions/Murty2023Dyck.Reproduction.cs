namespace GrokDsl.Experiments;

public sealed partial record Murty2023Dyck : IReproducible
{
    static readonly RunSelector AllSeeds = RunSelector.All;

    /// <summary>
    /// Abstract and §1: structural grokking, "performance on structurally novel sentences increases gradually, long after
    /// performance on sentences from the training distribution has plateaued". The paper states the effect without a
    /// number for it, so the targets are the effect itself: every seed's generalization split (prompts nesting deeper than
    /// any training prompt) reaches 95 %, and it does so at least twice as late as the in-distribution split does.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Murty2023Dyck(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction of seeds whose generalization accuracy reaches 95 %", new FractionGrokked(AllSeeds), 1, 1, 1, "abstract, §1"),
            new("generalization 95 % step over in-distribution 95 % step", new GrokkingDelay("splits.in-distribution.accuracy", 0.95, AllSeeds), double.NaN, 2, double.PositiveInfinity, "abstract, §1 (\"long after\")"),
        ],
        Note: "a CPU-sized stand-in (2 layers, width 128, depth ≤ 4 in training, 5-8 held out) for the paper's d = 512 models on Dyck-20 with depth ≤ 10")
    {
        Seeds = [0, 1, 2],
    };
}
