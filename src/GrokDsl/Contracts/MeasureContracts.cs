using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>What a progress measure sees. The host calls measures under no_grad inside a dispose scope.</summary>
public sealed record MeasureContext(long Step, nn.Module<Tensor, Tensor> Model, DatasetTensors Data);

/// <summary>A progress measure for one run; returns named scalars (e.g. "total" → 12.3).</summary>
public interface IProgressMeasure
{
    IReadOnlyDictionary<string, double> Measure(MeasureContext context);
}

/// <summary>Creates progress measures. Implementations need a public parameterless constructor.</summary>
public interface IMeasureProvider
{
    string Id { get; }

    IProgressMeasure Create(ComponentOptions options);
}
