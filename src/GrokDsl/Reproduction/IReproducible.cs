namespace GrokDsl;

/// <summary>
/// A preset that reproduces numbers from its paper. Implement it in a partial declaration beside the preset
/// (<c>partial record Nanda2023 : IReproducible</c>), so the experiment file stays the configuration alone;
/// <c>grokdsl reproduce</c> lists, runs and judges it.
/// </summary>
public interface IReproducible
{
    /// <remarks>A method, not a property: every public property of an experiment is part of its configuration.</remarks>
    Reproduction DescribeReproduction();
}
