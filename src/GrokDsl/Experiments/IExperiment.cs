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
    /// experiment itself when it declares no axes. Lazy: each run is made as it is enumerated, so memory
    /// does not grow with the sweep; <see cref="ExperimentInfo.SweepSize"/> says how many there are without enumerating.
    /// </summary>
    IEnumerable<IExperiment> ExpandSweep();

    /// <summary>
    /// Every option value of this run that breaks a rule its record declares ([Range], [DivisibleBy]),
    /// as "Data.TrainFraction is 1.5 but must be in (0, 1)"; empty when the run is valid.
    /// </summary>
    IReadOnlyList<string> Validate() => [];
}

/// <summary>Identity of an experiment, as declared by its attribute.</summary>
/// <param name="SweepAxes">Names of the properties marked <see cref="SweepAttribute"/>, in order.</param>
public sealed record ExperimentInfo(string Id, string TypeName, string? Source, IReadOnlyList<string> SweepAxes)
{
    /// <summary>The most runs a sweep may have unless raised (<c>--max-runs</c>, <c>&lt;GrokDslMaxRuns&gt;</c>; GROK0015).</summary>
    public const long DefaultMaxRuns = GrokDsl.Shared.SweepSizes.DefaultLimit;

    /// <summary>How many values each sweep axis has, and its zip group; empty for an experiment without axes.</summary>
    public IReadOnlyList<SweepAxisSize> AxisSizes { get; init; } = [];

    /// <summary>
    /// The number of runs of the sweep's grid, from <see cref="AxisSizes"/> without expanding it: zipped axes count
    /// once, exclusions and runs made identical by overrides are not subtracted (an upper bound), and it saturates at
    /// <see cref="long.MaxValue"/>.
    /// </summary>
    public long SweepSize => GrokDsl.Shared.SweepSizes.Runs(AxisSizes.Select(static a => new KeyValuePair<long, string?>(a.Values, a.Zip)));
}

/// <summary>One sweep axis: the setting it varies, how many values it has, and the zip group it varies with (null: its own).</summary>
public sealed record SweepAxisSize(string Axis, long Values, string? Zip = null);
