namespace GrokDsl;

/// <summary>
/// Options of the <c>accuracy</c> measure: train and test accuracy of the whole split in eval mode, from
/// integer counts of correct answers, so that a perfect split reads exactly 1 (no 0.99999994 from float sums).
/// </summary>
[Component(ComponentKind.Measure, "accuracy")]
public sealed record Accuracy
{
    /// <summary>Also report <c>test</c>, <c>test_correct</c> and <c>test_total</c>.</summary>
    public bool IncludeTest { get; init; } = true;
}
