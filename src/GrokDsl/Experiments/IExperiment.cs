namespace GrokDsl;

/// <summary>
/// Implemented by the generator for every <see cref="ExperimentAttribute"/> record: the typed
/// pipeline a host needs to run it.
/// </summary>
public interface IExperiment
{
    ExperimentInfo Info { get; }

    /// <summary>Resolves this configuration into what the trainer runs, including its run id.</summary>
    RunSpec ToRunSpec();

    /// <summary>
    /// Every run of the sweep in deterministic order (the first axis varies slowest); the
    /// experiment itself when it declares no axes.
    /// </summary>
    IReadOnlyList<IExperiment> ExpandSweep();

    /// <summary>
    /// Every option value of this run that breaks a rule its record declares ([Range], [DivisibleBy]),
    /// as "Data.TrainFraction is 1.5 but must be in (0, 1)"; empty when the run is valid.
    /// </summary>
    IReadOnlyList<string> Validate() => [];
}

/// <summary>Identity of an experiment, as declared by its attribute.</summary>
/// <param name="SweepAxes">Names of the properties marked <see cref="SweepAttribute"/>, in order.</param>
public sealed record ExperimentInfo(string Id, string TypeName, string? Source, IReadOnlyList<string> SweepAxes);
