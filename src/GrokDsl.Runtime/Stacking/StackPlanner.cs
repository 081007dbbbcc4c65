using System.Text.Json;
using GrokDsl.Contracts;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking.Transforms;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// Packs a sweep's runs into stacks. Runs stack when their model provider supports it
/// (<see cref="IStackableModelProvider"/>) and they agree on everything that shapes the computation: the
/// model's stacking key; the dataset and its options (seeds may differ: splits are per run, sizes must agree); the
/// training and stopping settings (mini-batches included: each run draws its own); the kind of gradient transforms
/// (<see cref="StackedGradientTransforms.StackingKey"/>); and the checkpoint step they resume from. Learning rate,
/// weight decay, warmup, betas, init scale, seed and the Grokfast strengths may differ per run. A group larger
/// than the memory budget or <see cref="StackingBudget.MaxRunsPerStack"/> is split.
/// </summary>
public static class StackPlanner
{
    sealed record DataProbe(DatasetShape Shape, long TrainCount, long TestCount, long BytesPerExample);

    /// <param name="resumeStepOf">The checkpoint step a run continues from (null: it starts at step 0).</param>
    public static StackPlan Plan(IReadOnlyList<RunSpec> specs, PluginHost plugins, StackingBudget budget, Func<RunSpec, long?>? resumeStepOf = null)
    {
        var alone = new List<PlannedAlone>();
        var groups = new List<(string Key, List<RunSpec> Runs, long BytesPerRun)>();
        var dataProbes = new Dictionary<string, DataProbe>();
        var modelSizes = new Dictionary<string, (long Parameters, long ActivationsPerExample)>();

        foreach (var spec in specs)
        {
            if (WhyNotStackable(spec) is { } reason)
            {
                alone.Add(new(spec, reason));
                continue;
            }
            if (plugins.Model(spec.Model.Id) is not IStackableModelProvider provider)
            {
                alone.Add(new(spec, $"model '{spec.Model.Id}' does not support stacking"));
                continue;
            }
            var dataKey = $"{spec.Dataset.Id} {spec.Dataset.Options.Json}";
            if (!dataProbes.TryGetValue(dataKey, out var data)) dataProbes[dataKey] = data = ProbeData(spec, plugins);
            if (data.Shape.IsSequence)
            {
                alone.Add(new(spec, StackedModels.NoSequences));
                continue;
            }
            var context = new ModelContext(data.Shape, DType(spec));
            if (provider.StackingKey(spec.Model.Options, context) is not { } modelKey)
            {
                alone.Add(new(spec, $"these '{spec.Model.Id}' options cannot be stacked"));
                continue;
            }
            if (!modelSizes.TryGetValue(modelKey, out var model))
                modelSizes[modelKey] = model = (CountParameters(provider, spec, context), provider.ActivationsPerExample(spec.Model.Options, context));

            var key = $"{modelKey} | data {dataKey} | training {JsonSerializer.Serialize(spec.Training)} | stopping {JsonSerializer.Serialize(spec.Stopping)}"
                + $" | gradients {StackedGradientTransforms.StackingKey(spec.Optimizer)} | from step {resumeStepOf?.Invoke(spec) ?? 0}";
            var index = groups.FindIndex(g => g.Key == key);
            if (index < 0) groups.Add((key, [spec], EstimateBytes(model.Parameters, model.ActivationsPerExample, data, context.DType, spec.Training.BatchSize)));
            else groups[index].Runs.Add(spec);
        }

        var stacks = new List<PlannedStack>();
        foreach (var (key, runs, bytes) in groups)
        {
            var size = (int)Math.Clamp(budget.MemoryBytes / Math.Max(1, bytes), 1, budget.MaxRunsPerStack);
            foreach (var chunk in runs.Chunk(size))
            {
                if (chunk.Length > 1) stacks.Add(new(key, chunk, bytes));
                else alone.Add(new(chunk[0], runs.Count == 1 ? "no other run shares its shapes and settings" : "the memory budget leaves room for one run"));
            }
        }
        return new StackPlan(stacks, alone, budget);
    }

    static string? WhyNotStackable(RunSpec spec)
    {
        if (spec.Optimizer is not AdamW) return $"optimizer {spec.Optimizer.GetType().Name} is not stacked (AdamW only)";
        if (spec.Training.Loss != LossFunction.CrossEntropy) return $"loss {spec.Training.Loss} is not stacked (cross-entropy only)";
        if (spec.Training.InitializeFrom is not null) return "it starts from another run's checkpoint (Training.InitializeFrom), which is not stacked";
        return null;
    }

    static ScalarType DType(RunSpec spec) => spec.Training.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;

    static DataProbe ProbeData(RunSpec spec, PluginHost plugins)
    {
        using var data = plugins.Dataset(spec.Dataset.Id).Create(spec.Dataset.Options, spec.Seed);
        var inputBytes = data.TrainInputs.numel() * data.TrainInputs.ElementSize / Math.Max(1, data.TrainInputs.shape[0]);
        return new(data.Shape, data.TrainTargets.shape[0], data.TestTargets.shape[0], inputBytes + data.TrainTargets.ElementSize);
    }

    static long CountParameters(IModelProvider provider, RunSpec spec, ModelContext context)
    {
        using var model = provider.Create(spec.Model.Options, context);
        return model.parameters().Sum(p => p.numel());
    }

    // A rough estimate: parameters with gradients and two AdamW moments; logits (and their gradient and softmax) for
    // the examples of one step (the mini-batch, or the whole training set) and for the test set; the run's own
    // dataset, and the stacked copies of one step's examples and of the test set; and the model's activations in its
    // largest forward pass: a step's, or the evaluation's over the whole test set, which can keep as many per example
    // (a model that frees nothing before its forward pass returns) and often has more examples.
    static long EstimateBytes(long parameters, long activationsPerExample, DataProbe data, ScalarType dtype, int batchSize)
    {
        var element = dtype == ScalarType.Float64 ? 8 : 4;
        var classes = Math.Max(1, data.Shape.ClassCount);
        var stepExamples = batchSize > 0 ? Math.Min(batchSize, data.TrainCount) : data.TrainCount;
        var stackedExamples = stepExamples + data.TestCount;
        var activations = activationsPerExample * Math.Max(stepExamples, data.TestCount);
        return element * (4 * parameters + 3 * stackedExamples * classes + activations)
            + data.BytesPerExample * (data.TrainCount + data.TestCount + stackedExamples);
    }
}
