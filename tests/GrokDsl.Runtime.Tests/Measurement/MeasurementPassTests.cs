using GrokDsl.Experiments;
using GrokDsl.Runs;
using GrokDsl.Runtime.Coordination;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Measurement;

namespace GrokDsl.Runtime.Tests.Measurement;

/// <summary>
/// <c>grokdsl measure</c>'s pass over a tiny run that keeps all of its checkpoints (steps 0, 10, …, 40): records marked
/// as a pass, the same key frequencies at every checkpoint, no duplicates when rerun or resumed, corrupt checkpoints skipped.
/// </summary>
public sealed class MeasurementPassTests
{
    static readonly RunSpec Spec = (new ModularAddition() with
    {
        Data = new() { Modulus = 23, TrainFraction = 0.5 },
        Model = new() { EmbeddingWidth = 16, HiddenWidth = 32 },
        Training = new() { EvaluateEvery = 10, MeasureEvery = 20, CheckpointEvery = 10, KeepCheckpointSchedule = KeepCheckpointSchedule.EveryCheckpoint },
        Stopping = new() { MaxSteps = 40, StopAfterGrokking = false },
        Measures = ["weight-norm", "fourier", "restricted-loss"],
    }).ToRunSpec();

    static readonly long[] CheckpointSteps = [0, 10, 20, 30, 40];

    static RunDirectory Train(string runs)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return new RunCoordinator(host, SilentObserver.Instance).Train(Spec, runs, force: false, CancellationToken.None).Directory;
    }

    static MeasurementOutcome Measure(RunDirectory directory, List<string> warnings, MeasurementRequest? request = null)
    {
        using var host = TestPlugins.LoadBuiltIns();
        return MeasurementPass.Run(directory, Spec, host, request ?? new MeasurementRequest(["fourier", "restricted-loss"]), warnings.Add);
    }

    static List<MetricRecord> PassRecords(RunDirectory directory) => [.. directory.ReadMetrics().Records.Where(r => r.Pass is not null)];

    [Fact]
    public void Pass_measures_every_kept_checkpoint_with_the_final_key_frequencies()
    {
        using var runs = new TempFolder();
        var directory = Train(runs.Path);
        var warnings = new List<string>();

        var outcome = Measure(directory, warnings);

        Assert.Empty(warnings);
        Assert.Equal(CheckpointSteps.Length, outcome.Measured);
        Assert.Equal(40, outcome.KeyFrequencyStep);
        var records = PassRecords(directory);
        Assert.Equal(CheckpointSteps, records.Select(r => r.Step));
        Assert.All(records, r => Assert.Equal(MetricsView.PostHocPass, r.Pass));
        // Every checkpoint is measured with the one fixed set: the same count everywhere, in both measures.
        Assert.All(records, r => Assert.Equal(outcome.KeyFrequencies.Count, r.Measures!["restricted-loss.key_frequencies.count"]));
        Assert.All(records, r => Assert.Equal(outcome.KeyFrequencies.Count, r.Measures!["fourier.key_frequencies.count"]));
        // The merged view takes restricted-loss from the pass only, and keeps the live weight-norm.
        var merged = directory.ReadMetrics(out _);
        Assert.Equal(CheckpointSteps, merged.Where(r => r.Measures?.ContainsKey("restricted-loss.loss") == true).Select(r => r.Step));
        Assert.Contains(merged, r => r.Measures?.ContainsKey("weight-norm.total") == true);
        Assert.Equal(merged.Count, merged.Select(r => r.Step).Distinct().Count());
    }

    [Fact]
    public void Rerunning_the_pass_adds_nothing()
    {
        using var runs = new TempFolder();
        var directory = Train(runs.Path);
        Measure(directory, []);
        var before = File.ReadAllText(directory.MetricsPath);

        var again = Measure(directory, []);

        Assert.Equal((0, CheckpointSteps.Length), (again.Measured, again.AlreadyMeasured));
        Assert.Equal(before, File.ReadAllText(directory.MetricsPath));
    }

    [Fact]
    public void A_pass_killed_mid_write_resumes_without_duplicates()
    {
        using var runs = new TempFolder();
        var directory = Train(runs.Path);
        Measure(directory, []);
        // As a kill leaves it: the records of steps 30 and 40 never written, the one of step 20 torn mid-line.
        var lines = File.ReadAllLines(directory.MetricsPath).ToList();
        var firstPassOf20 = lines.FindIndex(l => l.Contains("\"pass\"") && l.StartsWith("{\"step\":20,", StringComparison.Ordinal));
        var torn = lines[firstPassOf20][..(lines[firstPassOf20].Length / 2)];
        File.WriteAllText(directory.MetricsPath, string.Join("\n", lines.Take(firstPassOf20)) + "\n" + torn);
        var warnings = new List<string>();

        var resumed = Measure(directory, warnings);

        Assert.Equal((3, 2), (resumed.Measured, resumed.AlreadyMeasured));
        Assert.Contains(warnings, w => w.Contains("torn", StringComparison.Ordinal));
        var reading = directory.ReadMetrics();
        Assert.Empty(reading.Problems);
        Assert.Equal(CheckpointSteps, reading.Records.Where(r => r.Pass is not null).Select(r => r.Step));
    }

    [Fact]
    public void A_corrupt_checkpoint_is_skipped_with_a_warning_that_names_it()
    {
        using var runs = new TempFolder();
        var directory = Train(runs.Path);
        var corrupt = Path.Combine(directory.Path, "checkpoints", "step-000000020");
        File.WriteAllText(Path.Combine(corrupt, "model.bin"), "not a model");
        var warnings = new List<string>();

        var outcome = Measure(directory, warnings);

        Assert.Equal(CheckpointSteps.Length - 1, outcome.Measured);
        var warning = Assert.Single(warnings);
        Assert.Contains(corrupt, warning);
        Assert.Contains("model.bin", warning);
        Assert.Equal([0L, 10, 30, 40], PassRecords(directory).Select(r => r.Step));
    }

    [Fact]
    public void Key_frequencies_can_come_from_a_named_step_and_a_missing_one_is_refused()
    {
        using var runs = new TempFolder();
        var directory = Train(runs.Path);

        var outcome = Measure(directory, [], new MeasurementRequest(["restricted-loss"], KeyFrequenciesFrom: 30));
        Assert.Equal(30, outcome.KeyFrequencyStep);

        var error = Assert.Throws<InvalidDataException>(() => Measure(directory, [], new MeasurementRequest(["restricted-loss"], KeyFrequenciesFrom: 35, Redo: true)));
        Assert.Contains("35", error.Message);
    }
}
