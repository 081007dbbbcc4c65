using GrokDsl.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Plugins.Transformer;

/// <summary>
/// Builds the Linear and LayerNorm layers of the transformer's blocks: TorchSharp's own for a run alone, or the
/// stacked ones of the contracts (a leading run dimension R) for R runs at once. The blocks are written once over
/// inputs [..., positions, width], so the lone and the stacked model run the same code and name their parameters alike.
/// </summary>
sealed class TransformerLayers
{
    readonly int runs;

    TransformerLayers(int runs) => this.runs = runs;

    public static TransformerLayers Alone { get; } = new(0);

    public static TransformerLayers Stacked(int runs) => runs >= 1
        ? new(runs)
        : throw new ArgumentOutOfRangeException(nameof(runs), runs, "A stacked transformer needs at least one run.");

    public nn.Module<Tensor, Tensor> Linear(int inputWidth, int outputWidth, bool hasBias) => runs == 0
        ? nn.Linear(inputWidth, outputWidth, hasBias: hasBias)
        : new StackedLinear(runs, inputWidth, outputWidth, hasBias);

    public nn.Module<Tensor, Tensor> LayerNorm(int width) => runs == 0
        ? nn.LayerNorm(width)
        : new StackedLayerNorm(runs, width);
}
