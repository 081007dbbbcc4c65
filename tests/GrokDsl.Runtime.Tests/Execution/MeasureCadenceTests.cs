using GrokDsl.Runtime.Engines;
using GrokDsl.Runtime.Loop;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Planning;
using GrokDsl.Contracts;
using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Tests.Execution;

public sealed class MeasureCadenceTests
{
    static readonly ModularAddition Short = new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Stopping = new() { MaxSteps = 12, StopAfterGrokking = false },
        Measures = ["weight-norm", "accuracy"],
    };

    static IReadOnlyList<MetricRecord> Metrics(RunResult result) => result.Directory.ReadMetrics(out _);

    static IEnumerable<long> StepsWith(IReadOnlyList<MetricRecord> metrics, string key) =>
        metrics.Where(m => m.Measures?.ContainsKey(key) == true).Select(m => m.Step);

    static RunResult Run(RunSpec spec, string runs, ITrainingObserver? observer = null)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, observer ?? SilentObserver.Instance).Train(spec, runs, false, CancellationToken.None);
    }

    [Fact]
    public void Log_spaced_and_per_measure_every_step_cadences_pick_their_own_steps()
    {
        using var runs = new TempFolder();
        var spec = (Short with
        {
            Training = new()
            {
                EvaluateEvery = 5,
                // round(10^(i/4)) = 1, 2, 3, 6, 10, 18, ...; and the last step.
                MeasureCadence = new() { Every = 0, PointsPerDecade = 4, Events = MeasureEvents.Final },
                MeasureCadences = new Dictionary<string, MeasureCadence> { ["accuracy"] = new() { Every = 1, Events = MeasureEvents.None } },
            },
        }).ToRunSpec();

        var metrics = Metrics(Run(spec, runs.Path));

        Assert.Equal([0L, 1, 2, 3, 6, 10, 12], StepsWith(metrics, "weight-norm.total"));
        Assert.Equal(Enumerable.Range(0, 13).Select(s => (long)s), StepsWith(metrics, "accuracy.train"));
        Assert.Equal([0L, 5, 10, 12], metrics.Where(m => m.TestAccuracy is not null).Select(m => m.Step));
    }

    [Fact]
    public void Event_cadence_measures_at_memorization_and_at_the_end_only()
    {
        using var runs = new TempFolder();
        var spec = (Short with
        {
            Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
            Optimizer = Short.Optimizer with { LearningRate = 1e-2 },
            // A low bar (chance is 1/23) so that memorization happens within a few steps.
            Training = new()
            {
                EvaluateEvery = 2,
                MemorizationThreshold = 0.2,
                MeasureCadence = new() { Every = 0, Events = MeasureEvents.Memorized | MeasureEvents.Final },
            },
        }).ToRunSpec();

        var result = Run(spec, runs.Path);

        var memorized = Assert.IsType<long>(result.Summary.MemorizedAtStep);
        Assert.InRange(memorized, 2, 38);
        Assert.Equal([0L, memorized, 40], StepsWith(Metrics(result), "weight-norm.total"));

        // The stored summary carries the analysis: memorization ended where the trainer saw it, then circuit formation.
        var phases = result.Directory.ReadSummary()!.Analysis!.Phases!;
        Assert.Equal([new PhaseRange("memorization", 0, memorized), new PhaseRange("circuit-formation", memorized, 40)], phases);
    }

    [Fact]
    public void A_cadence_for_a_measure_the_run_does_not_list_is_an_error_before_anything_is_written()
    {
        using var runs = new TempFolder();
        var spec = (Short with
        {
            Training = new() { MeasureCadences = new Dictionary<string, MeasureCadence> { ["fourier"] = new() } },
        }).ToRunSpec();

        var error = Assert.Throws<ArgumentException>(() => Run(spec, runs.Path));

        Assert.Contains("'fourier'", error.Message);
        Assert.Contains("weight-norm", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(runs.Path));
    }

    sealed class Broken : IProgressMeasure
    {
        public int Calls { get; private set; }

        public IReadOnlyDictionary<string, double> Measure(MeasureContext context)
        {
            Calls++;
            throw new InvalidOperationException("broken on purpose");
        }
    }

    sealed class Recorder : ITrainingObserver
    {
        public List<(string Id, string Message)> Failures { get; } = [];
        public void OnMeasureFailed(string measureId, Exception error) => Failures.Add((measureId, error.Message));
    }

    [Fact]
    public void A_measure_that_throws_is_reported_once_and_disabled_while_the_run_and_other_measures_go_on()
    {
        using var folder = new TempFolder();
        var spec = (Short with { Training = new() { EvaluateEvery = 2, MeasureEvery = 2 } }).ToRunSpec();
        using var host = TestPlugins.LoadBuiltIns();
        using var built = TrainingComponents.Create(spec, host, CPU);
        var broken = new Broken();
        var components = new TrainingComponents
        {
            Data = built.Data,
            Model = built.Model,
            Measures = [("broken", broken), .. built.Measures],
            PluginVersions = built.PluginVersions,
        };
        var recorder = new Recorder();
        var metricsPath = Path.Combine(folder.Path, "metrics.jsonl");

        LoopOutcome outcome;
        using (var metrics = MetricsFile.Create(metricsPath))
        using (var run = new LoopRun(0, spec, components, metrics, new CheckpointStore(folder.Path), resumeFrom: null, recorder))
        using (var engine = new TorchSharpEngine(run))
        {
            new TrainingLoop([run], engine, recorder).Run(RunControl.None);
            outcome = run.Outcome();
        }

        Assert.Equal(RunStatus.Censored, outcome.Status);
        Assert.Equal(12, outcome.FinalStep);
        Assert.Equal([("broken", "broken on purpose")], recorder.Failures);
        Assert.Equal(1, broken.Calls);
        var records = MetricsFile.Read(metricsPath, out _);
        Assert.Equal([0L, 2, 4, 6, 8, 10, 12], StepsWith(records, "weight-norm.total"));
        Assert.DoesNotContain(records, r => r.Measures?.Keys.Any(k => k.StartsWith("broken.", StringComparison.Ordinal)) == true);
    }
}
