namespace GrokDsl.Experiments;

public sealed partial record Wang2024 : IReproducible
{
    static readonly RunSelector AllSeeds = RunSelector.All;

    /// <summary>
    /// §3 (composition): the transformer groks the in-distribution two-hop facts (the test split here) long after it fits
    /// the training facts, and does not generalize to two-hop facts over out-of-distribution entities. The paper shows the
    /// curves without stating these as numbers; the bands are the effect: every seed groks in distribution, at least twice as
    /// late as training accuracy reaches 95 %, and out-of-distribution accuracy ends at most 10 %.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Wang2024(),
        Smoke: Smoke,
        Targets:
        [
            new("fraction of seeds whose in-distribution two-hop accuracy reaches 95 %", new FractionGrokked(AllSeeds), 1, 1, 1, "§3, composition"),
            new("in-distribution 95 % step over train 95 % step", new GrokkingDelay("trainAccuracy", 0.95, AllSeeds), double.NaN, 2, double.PositiveInfinity, "§3, composition"),
            new("final out-of-distribution two-hop accuracy", new FinalValue("splits.out-of-distribution.accuracy", AllSeeds), double.NaN, 0, 0.1, "§3, composition (no OOD generalization)"),
        ],
        Note: "a CPU-sized stand-in (200 entities, 20 relations, a 4-layer width-128 model) for the paper's 2,000 entities and 8-layer GPT-2")
    {
        Seeds = [0, 1, 2],
    };
}
