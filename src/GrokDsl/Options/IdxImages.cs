namespace GrokDsl;

/// <summary>
/// Images in the MNIST IDX format (LeCun et al.; also Fashion-MNIST, Xiao et al. 2017) read from a local
/// folder: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and
/// t10k-labels-idx1-ubyte, each raw or gzipped (".gz"). Features are the flattened pixels. A small
/// training subset with large initialization is Omnigrok's MNIST setup (Liu et al. 2023,
/// arXiv:2210.01117: 1,000 training points); class imbalance shifts the training distribution as in
/// "Grokking Explained" (arXiv:2502.01774). Nothing is downloaded.
/// </summary>
[Component(ComponentKind.Dataset, "idx-images")]
public sealed record IdxImages
{
    /// <summary>Folder holding the four IDX files.</summary>
    public string Folder { get; init; } = "/usr/share/datasets/fashion-mnist";

    /// <summary>Training examples drawn from the training file (0: all of them).</summary>
    [Range(Min = 0)]
    public int TrainSubset { get; init; } = 1000;

    /// <summary>Test examples drawn from the test file (0: all of them).</summary>
    [Range(Min = 0)]
    public int TestSubset { get; init; }

    /// <summary>
    /// Ratio of the most to the least frequent class in the training subset, with class c getting a share
    /// proportional to ratio^(−c/(C−1)) (the exponential profile of long-tailed benchmarks); 1 draws the
    /// same number from every class. The test subset is never imbalanced.
    /// </summary>
    [Range(Min = 1)]
    public double ImbalanceRatio { get; init; } = 1;

    /// <summary>
    /// "standardize" (subtract the mean and divide by the standard deviation of all pixels of the training
    /// subset, so inputs are O(1) whatever the initialization scale), "unit" (pixel / 255) or "none" (0–255).
    /// </summary>
    public string Normalization { get; init; } = "standardize";

    /// <summary>Seed of the subsets; null uses the run's seed.</summary>
    public int? SplitSeed { get; init; }
}
