using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>The live objects of one run, created from its plugins; disposed when the run ends.</summary>
public sealed class TrainingComponents : IDisposable
{
    public required DatasetTensors Data { get; init; }
    public required nn.Module<Tensor, Tensor> Model { get; init; }
    public required IReadOnlyList<(string Id, IProgressMeasure Measure)> Measures { get; init; }

    /// <summary>Plugin ids and versions, for the run's summary.</summary>
    public required IReadOnlyDictionary<string, string> PluginVersions { get; init; }

    /// <summary>Plugin ids and the hash of their build (what `plugins list` shows), which tells apart builds that share a version.</summary>
    public IReadOnlyDictionary<string, string> PluginBuilds { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Asks the plugins for the run's dataset, model and measures. Seeds torch before building the
    /// model so that initialization depends on the run's seed only.
    /// </summary>
    public static TrainingComponents Create(RunSpec spec, Plugins.PluginHost plugins, Device device)
    {
        var datasetProvider = plugins.Dataset(spec.Dataset.Id);
        var modelProvider = plugins.Model(spec.Model.Id);
        var measureProviders = spec.Measures.Select(m => (m.Id, Provider: plugins.Measure(m.Id), m.Options)).ToList();
        MeasureSchedule.For(spec); // rejects cadences of unlisted measures before a run directory exists

        DatasetTensors? data = null;
        try
        {
            data = datasetProvider.Create(spec.Dataset.Options, spec.Seed);
            if (data.Shape.IsSequence) Objectives.SequenceObjective.CheckShapes(data, spec.Dataset.Id);
            if (device.type != DeviceType.CPU)
            {
                using var cpuData = data;
                data = cpuData.To(device);
            }
            var dtype = spec.Training.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
            if (dtype != ScalarType.Float32 && data.TrainInputs.is_floating_point()) data = WithFeatureType(data, dtype);
            manual_seed(spec.Seed);
            var model = modelProvider.Create(spec.Model.Options, new ModelContext(data.Shape, dtype));
            model.to(device);
            return new TrainingComponents
            {
                Data = data,
                Model = model,
                Measures = measureProviders.Select(m => (m.Id, m.Provider.Create(m.Options))).ToList(),
                PluginVersions = new[] { spec.Dataset, spec.Model }.Concat(spec.Measures)
                    .Select(c => plugins.PluginOf(c.Kind, c.Id))
                    .DistinctBy(p => p.Id)
                    .ToDictionary(p => p.Id, p => p.Manifest!.Version),
                PluginBuilds = new[] { spec.Dataset, spec.Model }.Concat(spec.Measures)
                    .Select(c => plugins.PluginOf(c.Kind, c.Id))
                    .DistinctBy(p => p.Id)
                    .Where(p => p.Build is not null)
                    .ToDictionary(p => p.Id, p => p.Build!),
            };
        }
        catch
        {
            data?.Dispose();
            throw;
        }
    }

    static DatasetTensors WithFeatureType(DatasetTensors data, ScalarType dtype)
    {
        using var original = data;
        return original with
        {
            TrainInputs = original.TrainInputs.to_type(dtype).DetachFromDisposeScope(),
            TestInputs = original.TestInputs.to_type(dtype).DetachFromDisposeScope(),
            TrainTargets = original.TrainTargets.clone().DetachFromDisposeScope(),
            TestTargets = original.TestTargets.clone().DetachFromDisposeScope(),
            ExtraSplits = [.. original.ExtraSplits.Select(split => new EvaluationSplit(
                split.Name, split.Inputs.to_type(dtype).DetachFromDisposeScope(), split.Targets.clone().DetachFromDisposeScope()))],
        };
    }

    public void Dispose()
    {
        Model.Dispose();
        Data.Dispose();
    }
}
