using GrokDsl;

// An experiment that uses the sample plugin (samples/GrokDsl.SamplePlugin). The plugin's options types
// live in the plugin; an experiment declares records with the same property names, marked with the
// component they configure, and their values reach the plugin as JSON.
//
//   dotnet build samples/GrokDsl.SamplePlugin
//   grokdsl run samples/SampleExperiment.cs --plugins samples/GrokDsl.SamplePlugin/bin/plugin

/// <summary>Options of the dataset "sample-modular-product".</summary>
[Component(ComponentKind.Dataset, "sample-modular-product")]
public sealed record ModularProduct
{
    public int Modulus { get; init; } = 59;
    public double TrainFraction { get; init; } = 0.4;
}

/// <summary>Options of the model "sample-mlp".</summary>
[Component(ComponentKind.Model, "sample-mlp")]
public sealed record SampleMlp
{
    public int EmbeddingWidth { get; init; } = 32;
    public int HiddenWidth { get; init; } = 128;
}

[Experiment("sample-modular-product", Source = "samples/GrokDsl.SamplePlugin: a·b mod p over the multiplicative group, an embedding MLP")]
public sealed partial record SampleModularProduct
{
    public ModularProduct Data { get; init; } = new() { Modulus = 59, TrainFraction = 0.5 };
    public SampleMlp Model { get; init; } = new() { EmbeddingWidth = 64, HiddenWidth = 256 };
    public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-3, WeightDecay = 1.0, Beta1 = 0.9, Beta2 = 0.98 };
    public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 100 };
    public Stopping Stopping { get; init; } = new() { MaxSteps = 10_000, StopAfterGrokking = true };
    public int Seed { get; init; }
    public IReadOnlyList<string> Measures { get; init; } = ["sample-margin", "weight-norm"];
}
