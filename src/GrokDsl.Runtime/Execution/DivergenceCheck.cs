using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>
/// Whether a run has diverged: NaN or infinity in a loss, or in the parameters (which can blow up
/// while the loss is still finite, e.g. in a layer the loss saturates through).
/// </summary>
public static class DivergenceCheck
{
    /// <summary>"step S: WHAT is VALUE" for the first non-finite quantity, or null when everything is finite.</summary>
    public static string? Find(long step, double trainLoss, double? testLoss, nn.Module model)
    {
        return InLosses(step, trainLoss, testLoss)
            ?? InParameters(step, model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
    }

    /// <summary>The first non-finite parameter; tensors the enumeration creates (e.g. a stacked run's slices) are disposed here.</summary>
    public static string? InParameters(long step, IEnumerable<(string Name, Tensor Value)> parameters)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (name, value) in parameters)
            if (!isfinite(value).all().item<bool>()) return $"step {step}: parameter {name} is not finite";
        return null;
    }

    /// <summary>The first step a training loss was not finite, found between evaluations (<see cref="Loop.NonFiniteLossWatch"/>).</summary>
    public static string NonFiniteTrainLoss(long step, double loss) =>
        $"train loss became {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)} at step {step}";

    /// <summary>The same for the losses alone.</summary>
    public static string? InLosses(long step, double trainLoss, double? testLoss)
    {
        if (!double.IsFinite(trainLoss)) return $"step {step}: train loss is {trainLoss}";
        if (testLoss is { } test && !double.IsFinite(test)) return $"step {step}: test loss is {test}";
        return null;
    }
}
