namespace GrokDsl.Experiments;

public sealed partial record Nanda2023 : IReproducible
{
    /// <summary>
    /// The mainline run, one seed as the paper's figures: test loss falls below 1 around epoch 13.8k and below 0.01
    /// around 14.5k (full batch, so epochs are steps). The band is a factor of two either way: the seed, the data
    /// split and libtorch's kernels move the grokking step.
    /// </summary>
    public Reproduction DescribeReproduction() => new(
        Full: new Nanda2023(),
        Smoke: Smoke,
        Targets:
        [
            new("first step with test loss < 1", new FirstStepBelow("testLoss", 1.0, RunSelector.All), 13_800, 6_900, 27_600, "section 5.1, Fig. 7"),
            new("first step with test loss < 0.01", new FirstStepBelow("testLoss", 0.01, RunSelector.All), 14_500, 7_250, 29_000, "section 5.1"),
        ])
    {
        Seeds = [0],
    };
}
