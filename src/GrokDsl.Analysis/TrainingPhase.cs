namespace GrokDsl.Analysis;

/// <summary>The three phases of grokking on modular addition (Nanda et al. 2023, arXiv:2301.05217, §5.2).</summary>
public enum TrainingPhase
{
    /// <summary>Train and excluded loss fall together; test and restricted loss stay high.</summary>
    Memorization,

    /// <summary>Excluded loss rises, the weight norm falls, restricted loss starts to fall; train and test loss stay flat.</summary>
    CircuitFormation,

    /// <summary>Test loss drops suddenly, restricted loss keeps falling, the weight norm drops sharply.</summary>
    Cleanup,
}
