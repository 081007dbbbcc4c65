namespace GrokDsl.Analysis;

/// <summary>
/// One run as a right-censored survival observation: <paramref name="Step"/> is the grokking step when
/// <paramref name="Grokked"/>, otherwise the last step, beyond which nothing is known. Treating a run that
/// never grokked as censored, not as "infinitely late" or as missing, is what keeps medians honest.
/// </summary>
public readonly record struct GrokkingTime(double Step, bool Grokked);
