using GrokDsl.Experiments;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>The planner's memory estimate per run follows what a stacked step holds: one batch, not the training set.</summary>
public sealed class StackMemoryEstimateTests
{
    // Most pairs train, so that a full-batch step, not the evaluation over the test set, is the largest forward pass.
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.9 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
    };

    static StackPlan Plan(int batchSize, StackingBudget budget)
    {
        using var host = TestPlugins.LoadBuiltIns();
        var specs = Enumerable.Range(0, 5)
            .Select(seed => (Small with { Seed = seed, Training = Small.Training with { BatchSize = batchSize } }).ToRunSpec())
            .ToList();
        return StackPlanner.Plan(specs, host, budget);
    }

    static long BytesPerRun(int batchSize) => Plan(batchSize, StackingBudget.Default).Stacks.Single().BytesPerRun;

    [Fact]
    public void The_estimate_grows_with_the_batch_size_up_to_the_full_training_set()
    {
        var (batch32, batch128, fullBatch) = (BytesPerRun(32), BytesPerRun(128), BytesPerRun(0));

        Assert.True(batch32 < batch128, $"batch 32: {batch32} bytes, batch 128: {batch128}");
        Assert.True(batch128 < fullBatch, $"batch 128: {batch128} bytes, full batch: {fullBatch}");
        // A batch larger than the training set (a few hundred examples here) trains on the whole set.
        Assert.Equal(fullBatch, BytesPerRun(10_000));
    }

    [Fact]
    public void A_budget_that_fits_two_full_batch_runs_fits_more_mini_batch_runs()
    {
        var budget = new StackingBudget(2 * BytesPerRun(0), 64);

        var fullBatch = Plan(0, budget);
        var miniBatch = Plan(32, budget);

        Assert.Equal(2, fullBatch.Stacks.Max(s => s.Runs.Count));
        Assert.True(miniBatch.Stacks.Max(s => s.Runs.Count) > 2, string.Join("; ", miniBatch.Describe()));
    }
}
