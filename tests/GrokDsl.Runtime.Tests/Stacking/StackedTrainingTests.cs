using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Runtime.Tests.Stacking;

/// <summary>Stacked runs must be indistinguishable from the same runs made one by one, up to float rounding.</summary>
public sealed class StackedTrainingTests
{
    static readonly ModularAddition Small = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Stopping = new() { MaxSteps = 30, StopAfterGrokking = false },
        Training = new() { EvaluateEvery = 5, MeasureEvery = 10 },
    };

    // Different seeds (so different splits and inits), learning rates, weight decays, init scales and warmups;
    // the last run's learning rate blows it up, which must not disturb the others.
    static readonly RunSpec[] Runs =
    [
        Small.ToRunSpec(),
        (Small with { Seed = 1, Optimizer = Small.Optimizer with { LearningRate = 3e-3, WeightDecay = 0.1 } }).ToRunSpec(),
        (Small with { Seed = 2, Model = Small.Model with { InitScale = 0.5 }, Optimizer = Small.Optimizer with { WarmupSteps = 5 } }).ToRunSpec(),
        (Small with { Seed = 3, Optimizer = Small.Optimizer with { LearningRate = 1e-2, WeightDecay = 0, Beta2 = 0.99 } }).ToRunSpec(),
        (Small with { Seed = 4, Optimizer = Small.Optimizer with { LearningRate = 1e30 } }).ToRunSpec(),
    ];

    [Fact]
    public void StackedRunsMatchTheSameRunsMadeAlone()
    {
        using var alone = new TempFolder();
        using var stacked = new TempFolder();
        using var host = TestPlugins.LoadBuiltIns();
        var single = new RunCoordinator(host, SilentObserver.Instance);
        var aloneResults = Runs.Select(spec => single.Train(spec, alone.Path, force: false, CancellationToken.None)).ToList();

        var result = new RunCoordinator(host, SilentObserver.Instance, new Placement(Stack: true)).Train(Runs, stacked.Path, new RunControl(CancellationToken.None));

        var stack = Assert.Single(result.Packing!.Stacks);
        Assert.Equal(Runs.Length, stack.Runs.Count);
        Assert.Empty(result.Packing!.Alone);
        for (var r = 0; r < Runs.Length; r++) AssertSameRun(aloneResults[r], alone.Path, result.Results[r], stacked.Path);
        Assert.Equal(RunStatus.Diverged, result.Results[^1].Summary.Status);
        Assert.All(result.Results.Take(Runs.Length - 1), r => Assert.Equal(RunStatus.Censored, r.Summary.Status));
    }

    /// <summary>A stacked run's directory against the same run's made alone: same place, configuration, fate and metrics.</summary>
    internal static void AssertSameRun(RunResult expected, string aloneRoot, RunResult actual, string stackedRoot)
    {
        Assert.Equal(expected.Directory.Path.Replace(aloneRoot, stackedRoot), actual.Directory.Path);
        Assert.Equal(File.ReadAllText(expected.Directory.ConfigurationPath), File.ReadAllText(actual.Directory.ConfigurationPath));
        Assert.Equal(expected.Summary.Status, actual.Summary.Status);
        Assert.Equal(expected.Summary.FinalStep, actual.Summary.FinalStep);
        Assert.Equal(expected.Summary.Divergence, actual.Summary.Divergence);
        AssertSameMetrics(expected.Directory.ReadMetrics(out _), actual.Directory.ReadMetrics(out var skipped), Path.GetFileName(actual.Directory.Path));
        Assert.Equal(0, skipped);
    }

    internal static void AssertSameMetrics(IReadOnlyList<MetricRecord> expected, IReadOnlyList<MetricRecord> actual, string run)
    {
        Assert.Equal(expected.Select(m => m.Step), actual.Select(m => m.Step));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Close(e.TrainLoss, a.TrainLoss, $"{run} step {e.Step} train loss");
            Close(e.TestLoss!.Value, a.TestLoss!.Value, $"{run} step {e.Step} test loss");
            // One example in a few hundred may flip where two logits tie to float precision.
            Assert.InRange(Math.Abs(e.TrainAccuracy - a.TrainAccuracy), 0, 0.01);
            Assert.InRange(Math.Abs(e.TestAccuracy!.Value - a.TestAccuracy!.Value), 0, 0.01);
            Assert.Equal(e.Measures?.Keys.Order(), a.Measures?.Keys.Order());
            foreach (var (name, value) in e.Measures ?? new Dictionary<string, double>()) Close(value, a.Measures![name], $"{run} step {e.Step} {name}");
        }
    }

    static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: alone {expected}, stacked {actual}");
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Max(1, Math.Abs(expected)), $"{what}: alone {expected}, stacked {actual}");
    }

    [Fact]
    public void RunsThatCannotStackAreTrainedAloneWithTheReason()
    {
        using var host = TestPlugins.LoadBuiltIns();
        RunSpec[] specs =
        [
            Small.ToRunSpec(),
            (Small with { Seed = 1 }).ToRunSpec(),
            (Small with { Model = Small.Model with { HiddenWidth = 48 } }).ToRunSpec(),
            (Small with { Training = Small.Training with { Loss = LossFunction.Mse } }).ToRunSpec(),
        ];

        var plan = StackPlanner.Plan(specs, host, StackingBudget.Default);

        Assert.Equal([specs[0].RunId, specs[1].RunId], Assert.Single(plan.Stacks).Runs.Select(r => r.RunId));
        Assert.Equal(2, plan.Alone.Count);
        Assert.Contains("no other run shares", plan.Alone.Single(a => a.Run == specs[2]).Reason);
        Assert.Contains("cross-entropy only", plan.Alone.Single(a => a.Run == specs[3]).Reason);
        Assert.Contains(plan.Describe(), line => line.StartsWith("stack 1: 2 runs"));
    }

    [Fact]
    public void TheMemoryBudgetSplitsAGroupIntoSeveralStacks()
    {
        using var host = TestPlugins.LoadBuiltIns();
        var specs = Enumerable.Range(0, 5).Select(seed => (Small with { Seed = seed }).ToRunSpec()).ToList();
        var perRun = StackPlanner.Plan(specs, host, StackingBudget.Default).Stacks.Single().BytesPerRun;

        var plan = StackPlanner.Plan(specs, host, new StackingBudget(2 * perRun, 64));

        Assert.Equal([2, 2], plan.Stacks.Select(s => s.Runs.Count));
        Assert.Contains("memory budget", Assert.Single(plan.Alone).Reason);
    }
}
