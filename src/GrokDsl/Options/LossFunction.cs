namespace GrokDsl;

/// <summary>Training losses of the grokking literature.</summary>
public enum LossFunction
{
    /// <summary>Softmax cross-entropy.</summary>
    CrossEntropy,

    /// <summary>Mean squared error against one-hot targets (Liu et al. 2023, Omnigrok; Gromov 2023).</summary>
    Mse,

    /// <summary>
    /// Cross-entropy over StableMax instead of softmax (Prieto et al. 2025): s(x) = x+1 for x ≥ 0 and
    /// 1/(1−x+ε) otherwise, normalized; computed in float64.
    /// </summary>
    StableMaxCrossEntropy,
}

/// <summary>Floating-point type of training.</summary>
public enum Precision
{
    Float32,
    Float64,
}
