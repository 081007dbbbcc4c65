namespace GrokDsl.Runs;

/// <summary>
/// <c>environment.json</c>: what a run ran on and from, so that it can be reproduced: versions of
/// GrokDsl, TorchSharp, libtorch and .NET, the device, the plugins, and the experiment's source
/// (the file's content and, in a git repository, its commit).
/// </summary>
public sealed record RunEnvironment
{
    public const string FileName = "environment.json";

    public required string GrokDslVersion { get; init; }
    public required string TorchSharpVersion { get; init; }
    public required string LibTorchVersion { get; init; }
    public required string DotNetVersion { get; init; }
    public required string OperatingSystem { get; init; }
    public required string Machine { get; init; }
    public required string Device { get; init; }
    public required int Threads { get; init; }

    /// <summary>Floating-point type of parameters, activations and gradients (Training.Precision); null in runs recorded before it was.</summary>
    public string? Precision { get; init; }

    /// <summary>Whether the configuration asked for TF32 matrix products (Training.AllowTf32); null in runs recorded before it was.</summary>
    public bool? Tf32Requested { get; init; }

    /// <summary>
    /// Whether TF32 was switched on for the run: asked for, float32, on a CUDA device. GPUs older than Ampere have no
    /// TF32 and compute in full float32 even then.
    /// </summary>
    public bool? Tf32InEffect { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required IReadOnlyList<string> CommandLine { get; init; }

    /// <summary>Plugin id → version and folder.</summary>
    public required IReadOnlyDictionary<string, string> Plugins { get; init; }

    /// <summary>Plugin id → hash of its build (as `plugins list` shows it); empty in runs recorded before it was.</summary>
    public IReadOnlyDictionary<string, string> PluginBuilds { get; init; } = new Dictionary<string, string>();

    /// <summary>Path of the experiment file, or "assembly:NAME" for a compiled-in experiment.</summary>
    public required string ExperimentOrigin { get; init; }

    /// <summary>The experiment file's text, when it came from a file.</summary>
    public string? ExperimentSource { get; init; }

    /// <summary>The experiment's citation (its <c>[Experiment(Source = ...)]</c>), so that a report needs nothing but the run directory.</summary>
    public string? Citation { get; init; }

    /// <summary>
    /// The arguments after <c>grokdsl</c> that make this very run again: the experiment, the --set overrides it was made
    /// with, and its swept settings pinned to its own values. Null in runs recorded before it was.
    /// </summary>
    public IReadOnlyList<string>? Reproduce { get; init; }

    /// <summary>The git commit of the repository holding the experiment file, when there is one.</summary>
    public string? GitCommit { get; init; }

    /// <summary>Whether the file had uncommitted changes at that commit.</summary>
    public bool? GitDirty { get; init; }
}
