namespace GrokDsl;

/// <summary>
/// Options of the <c>neuron-pruning</c> measure, Doshi et al. 2024 ("To grok or not to grok: disentangling
/// generalization and memorization on corrupted algorithmic datasets", arXiv:2310.13061, §4): rank the hidden neurons
/// of a one-hot MLP by the IPR of their input weights' Fourier spectrum (Gromov 2023, Eq. 20–21), silence a fraction
/// of them, and report the accuracy before and after. Low-IPR neurons are the memorizing ones: pruning them keeps (or
/// raises) test accuracy while train accuracy on memorized examples falls. <c>grokdsl measure --prune-by ipr</c> runs it.
/// </summary>
[Component(ComponentKind.Measure, "neuron-pruning")]
public sealed record NeuronPruning
{
    /// <summary>The share of hidden neurons to silence.</summary>
    [Range(Min = 0, Max = 1)]
    public double Fraction { get; init; } = 0.1;

    /// <summary>Silence the lowest-IPR neurons (true, Doshi et al.'s memorizing neurons) or the highest (false, the periodic ones).</summary>
    public bool LowestIpr { get; init; } = true;

    /// <summary>The power r of IPR_r; Gromov and Doshi et al. use 2.</summary>
    [Range(Min = 1)]
    public int IprPower { get; init; } = 2;
}
