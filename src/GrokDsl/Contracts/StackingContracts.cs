using static TorchSharp.torch;

namespace GrokDsl.Contracts;

/// <summary>
/// Optional, for model providers whose models can train R runs at once as one batched model (stacked
/// execution: a sweep's runs in lockstep, one batched matrix product per layer instead of R small ones).
/// Providers that do not implement it keep working; their runs train one by one. The built-in MLP and transformer
/// implement it; <see cref="StackedLinear"/>, <see cref="StackedEmbedding"/> and <see cref="StackedLayerNorm"/> are
/// the layers they stack with.
/// <para>
/// The host builds each run's model with <see cref="IModelProvider.Create"/> (seeded as for a run made
/// alone), then one stacked model, and copies run r's initial parameters into slice r of the stacked
/// ones, so per-run initial values (seed, init scale) need nothing from the stacked model.
/// </para>
/// </summary>
public interface IStackableModelProvider : IModelProvider
{
    /// <summary>
    /// A key equal for two option sets exactly when their models have the same parameter shapes and the same
    /// forward computation, up to initial values; null when these options cannot be stacked.
    /// </summary>
    string? StackingKey(ComponentOptions options, ModelContext context);

    /// <summary>
    /// A model over <paramref name="runs"/> runs: every parameter is named as in the model <see cref="IModelProvider.Create"/>
    /// returns, with a leading run dimension of size <paramref name="runs"/>; forward maps inputs [R, N, ...] to logits
    /// [R, N, ClassCount], run r's slice computed exactly as run r's own model would.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateStacked(ComponentOptions options, ModelContext context, int runs);

    /// <summary>
    /// Roughly how many activation elements (in the model's dtype) one example holds during a training step: what the
    /// forward pass keeps for backward, hidden layers, attention and residual tensors, not the logits. The stack planner
    /// multiplies it by the examples of the largest forward pass (a step's batch or the test set) to size stacks against
    /// the memory budget. The default, 0, counts no activations: stacks of such a model may be packed too large.
    /// </summary>
    long ActivationsPerExample(ComponentOptions options, ModelContext context) => 0;
}
