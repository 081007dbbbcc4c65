using System.Text.Json.Serialization;

namespace GrokDsl;

/// <summary>
/// Images in the MNIST IDX format (LeCun et al.; also Fashion-MNIST, Xiao et al. 2017) read from a local
/// folder: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and
/// t10k-labels-idx1-ubyte, each raw or gzipped (".gz"). Features are the flattened pixels. A small
/// training subset with large initialization is Omnigrok's MNIST setup (Liu et al. 2023,
/// arXiv:2210.01117: 1,000 training points). Class imbalance, or labels grouped into coarser classes with
/// chosen subclasses down-sampled (<see cref="ClassGroups"/>, <see cref="SubclassTrainFractions"/>), shift
/// the training distribution away from the test distribution as in "Grokking Explained" (Carvalho et al.,
/// arXiv:2502.01774). Nothing is downloaded.
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
    /// same number from every class. The test subset is never imbalanced. Applies to the file's labels, so it
    /// must stay 1 with <see cref="ClassGroups"/> or <see cref="SubclassTrainFractions"/>.
    /// </summary>
    [Range(Min = 1)]
    public double ImbalanceRatio { get; init; } = 1;

    /// <summary>
    /// "standardize" (subtract the mean and divide by the standard deviation of all pixels of the training
    /// subset, so inputs are O(1) whatever the initialization scale), "unit" (pixel / 255) or "none" (0–255).
    /// </summary>
    public string Normalization { get; init; } = "standardize";

    /// <summary>
    /// The classes the model predicts, as groups of the file's labels, which become subclasses: class i is the
    /// union of the labels in group i, as the classes of "Grokking Explained" (arXiv:2502.01774, section 4) are
    /// unions of base classes. E.g. <c>[[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]]</c> predicts the parity of a digit.
    /// Every label of the files must be in exactly one group, and there must be at least two groups. Null
    /// keeps every label its own class; left out of the configuration while null, so that run ids from before
    /// it existed stay valid.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<int>>? ClassGroups { get; init; }

    /// <summary>
    /// Per-subclass down-sampling of the training subset, label → fraction f in [0, 1] (unlisted labels: 1), by
    /// Eq. 1 of "Grokking Explained" (arXiv:2502.01774) with <see cref="TrainSubset"/> as the budget γ_D: a label
    /// with f &lt; 1 gets ⌈f·γ_D / Σf⌉ training examples and one with f = 1 gets ⌊γ_D / Σf⌋, Σf summing the
    /// fractions of all labels (a single f reproduces the paper's s_s and s_r, so the total stays close to γ_D).
    /// f = 0 removes a subclass from training. The test set keeps every subclass. Needs a TrainSubset size;
    /// without <see cref="ClassGroups"/> each label is a subclass of itself. Left out of the configuration while null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<int, double>? SubclassTrainFractions { get; init; }

    /// <summary>Seed of the subsets; null uses the run's seed.</summary>
    public int? SplitSeed { get; init; }
}
