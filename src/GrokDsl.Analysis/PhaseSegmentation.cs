namespace GrokDsl.Analysis;

/// <summary>
/// A run split into phases. <paramref name="Complete"/> is false when the run ended before cleanup ended
/// (then the last phase listed ends at the run's last step). <paramref name="MatchesNandaSignature"/> says
/// whether the available series moved as Nanda et al. describe: excluded loss up and weight norm down in
/// circuit formation, weight norm down in cleanup; null when no such series was measured.
/// </summary>
public sealed record PhaseSegmentation(IReadOnlyList<PhaseSpan> Phases, bool Complete, bool? MatchesNandaSignature);
