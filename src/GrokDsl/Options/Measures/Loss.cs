namespace GrokDsl;

/// <summary>
/// Options of the <c>loss</c> measure: the mean loss over the whole train and test split in eval mode,
/// computed in float64 whatever the training precision, so small late-training losses are not rounded away.
/// </summary>
[Component(ComponentKind.Measure, "loss")]
public sealed record Loss
{
    /// <summary>The loss to report; set it to the experiment's <see cref="Training.Loss"/> to match the training curve.</summary>
    public LossFunction Function { get; init; } = LossFunction.CrossEntropy;

    /// <summary>Also report <c>test</c>.</summary>
    public bool IncludeTest { get; init; } = true;
}
