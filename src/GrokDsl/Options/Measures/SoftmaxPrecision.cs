namespace GrokDsl;

/// <summary>The floating-point type a softmax is evaluated in.</summary>
public enum SoftmaxPrecision
{
    /// <summary>The dtype of the model's logits, i.e. the training dtype.</summary>
    Model,
    Float16,
    BFloat16,
    Float32,
    Float64,
}
