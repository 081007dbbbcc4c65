namespace GrokDsl.Runtime.Measurement;

/// <summary>What <c>grokdsl measure</c> asks of one run.</summary>
/// <param name="MeasureIds">The measures to run on every checkpoint; null runs the run's own measures.</param>
/// <param name="KeyFrequenciesFrom">The checkpoint step whose key frequencies are fixed for the pass; null takes the newest.</param>
/// <param name="Redo">Drop the records of earlier passes first, instead of only measuring what they left out.</param>
/// <param name="AlsoMeasure">Measures with options of their own to run besides (e.g. <c>neuron-pruning</c> for <c>--prune-by</c>).</param>
public sealed record MeasurementRequest(
    IReadOnlyList<string>? MeasureIds = null, long? KeyFrequenciesFrom = null, bool Redo = false, IReadOnlyList<GrokDsl.Contracts.ComponentRef>? AlsoMeasure = null);

/// <summary>What a pass did on one run.</summary>
/// <param name="Measured">Checkpoints measured now.</param>
/// <param name="AlreadyMeasured">Checkpoints an earlier pass had measured with every requested measure (not repeated).</param>
/// <param name="Corrupt">Checkpoints skipped because they do not verify, each naming its folder and the problem.</param>
/// <param name="KeyFrequencies">The fixed key frequencies, and the step they were read at; empty when no measure uses them.</param>
public sealed record MeasurementOutcome(
    int Measured, int AlreadyMeasured, IReadOnlyList<string> Corrupt, IReadOnlyList<int> KeyFrequencies, long? KeyFrequencyStep);
