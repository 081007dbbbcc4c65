using GrokDsl.Contracts;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>The stacked model of runs <see cref="StackPlanner"/> packed together.</summary>
static class StackedModels
{
    public const string NoSequences = "stacking does not support sequence datasets yet";

    // Its parameters are checked against each run's by name (the engine fills the slices).
    public static nn.Module<Tensor, Tensor> Create(IReadOnlyList<RunSpec> specs, IReadOnlyList<TrainingComponents> components, PluginHost plugins, Device device)
    {
        var provider = plugins.Model(specs[0].Model.Id) as IStackableModelProvider
            ?? throw new ArgumentException($"Model '{specs[0].Model.Id}' does not support stacking.");
        if (components[0].Data.Shape.IsSequence) throw new ArgumentException($"{specs[0].Dataset}: {NoSequences}; train these runs alone.");
        var dtype = specs[0].Training.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var model = provider.CreateStacked(specs[0].Model.Options, new ModelContext(components[0].Data.Shape, dtype), specs.Count);
        model.to(device);
        var stacked = model.named_parameters().Select(p => p.name).ToHashSet();
        foreach (var own in components.Select(c => c.Model.named_parameters().Select(p => p.name).ToList()))
            if (own.Count != stacked.Count || !own.All(stacked.Contains))
                throw new InvalidOperationException(
                    $"Model '{specs[0].Model.Id}': the stacked model's parameters ({string.Join(", ", stacked)}) do not match a run's ({string.Join(", ", own)}).");
        return model;
    }
}
