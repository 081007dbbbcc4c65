using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;

namespace GrokDsl.Presets.Tests;

/// <summary>Runs experiments through the bundled plugins into a scratch runs folder.</summary>
sealed class PresetRunner : IDisposable
{
    // These models are too small to gain from intra-op threads, and on a busy CI machine libtorch's
    // spinning worker threads slowed a run twentyfold (measured: 160 vs 3,370 steps a minute).
    static PresetRunner() => TorchSharp.torch.set_num_threads(1);

    readonly PluginHost _host = PluginHost.Load([Path.Combine(AppContext.BaseDirectory, "plugins")]);
    readonly string _runs = Directory.CreateTempSubdirectory("grokdsl-presets-").FullName;

    public IReadOnlyList<RunSummary> RunSweep(IExperiment experiment) =>
        [.. experiment.ExpandSweep().Select(run => Run(run))];

    public RunSummary Run(IExperiment experiment) => Train(experiment).Summary;

    /// <summary>Trains the run and returns where it is and how it ended, for tests that read its metrics.</summary>
    public RunResult Train(IExperiment experiment) =>
        new RunCoordinator(_host, SilentObserver.Instance).Train(experiment.ToRunSpec(), _runs, force: false, CancellationToken.None);

    /// <summary>The loaded plugins, for a post-hoc pass over a trained run.</summary>
    public PluginHost Host => _host;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_runs, recursive: true);
    }
}
