using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Engines;

/// <summary>
/// What trains the parameters of the loop's runs, one step at a time: a TorchSharp optimizer over one run's model
/// (<see cref="TorchSharpEngine"/>) or one flat AdamW over R runs stacked into one batched model
/// (<see cref="FlatAdamWEngine"/>). Everything else (cadences, events, stopping, records, checkpoints) the loop
/// decides the same way for both, run by run. Values come back per run, in the loop's run order.
/// </summary>
public interface IStepEngine : IDisposable
{
    /// <summary>The step training continues from: 0, or the step of the checkpoints the runs resumed from.</summary>
    long StartStep { get; }

    void SetLearningRates(long step);

    /// <summary>Test loss and accuracy of every run, under no_grad.</summary>
    (double[] Loss, double[] Accuracy) EvaluateTest();

    /// <summary>
    /// Loss and accuracy of every run's extra evaluation splits (<see cref="GrokDsl.Contracts.DatasetTensors.ExtraSplits"/>) by name,
    /// under no_grad; null for a run without any. An engine that trains no dataset with extra splits need not implement it.
    /// </summary>
    IReadOnlyDictionary<string, GrokDsl.Runs.SplitMetrics>?[]? EvaluateExtraSplits() => null;

    /// <summary>The forward pass of this step's training batch; its losses and accuracies are read only when a run records.</summary>
    void Forward();

    double[] TrainLosses();

    /// <summary>This step's training losses, one per run (a scalar for one run), left on the device: watched for non-finite values without a host sync.</summary>
    Tensor TrainLossTensor { get; }

    double[] TrainAccuracies();

    /// <summary>"step S: parameter P is not finite" for run <paramref name="run"/>, or null.</summary>
    string? ParameterDivergence(int run, long step);

    /// <summary>Run <paramref name="run"/>'s own module holding its current parameters, e.g. for its progress measures.</summary>
    nn.Module<Tensor, Tensor> ModelOf(int run);

    /// <summary>Backward and the optimizer step of the runs still active; a run that is not takes none.</summary>
    void Step(IReadOnlyList<LoopRun> runs);

    /// <summary>Drops a diverged run's parameters and optimizer state, so that its NaNs stay out of later arithmetic.</summary>
    void Discard(int run);

    /// <summary>What run <paramref name="run"/>'s checkpoint at <paramref name="step"/> holds, in the one format every engine reads.</summary>
    RunSnapshot Snapshot(LoopRun run, long step, double wallSeconds);
}

/// <summary>What the engines share.</summary>
static class Engine
{
    /// <summary>The loop's start: runs resume together only from checkpoints of one step, where their optimizers have made as many updates.</summary>
    public static long StartStep(IReadOnlyList<LoopRun> runs)
    {
        var steps = runs.Select(r => r.ResumeFrom?.State.Step ?? 0).ToList();
        var other = steps.FindIndex(s => s != steps[0]);
        if (other >= 0)
            throw new ArgumentException(
                $"Runs {runs[0].Spec.RunId} and {runs[other].Spec.RunId} cannot resume in one stack: they continue from steps {steps[0]} and {steps[other]}.");
        return steps[0];
    }

    public static double[] ToDoubles(Tensor values)
    {
        using var asDouble = values.detach().to_type(ScalarType.Float64).cpu();
        return asDouble.data<double>().ToArray();
    }

    public static void RestoreRng(string state)
    {
        using var rng = tensor(Convert.FromBase64String(state), ScalarType.Byte);
        set_rng_state(rng);
    }
}
