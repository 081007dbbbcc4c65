using GrokDsl.Contracts;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Measurement;

/// <summary>
/// Post-hoc measurement (<c>grokdsl measure</c>): progress measures re-run over a finished run's stored checkpoints,
/// appended to its metrics.jsonl as records marked <see cref="MetricsView.PostHocPass"/>, one flushed line per
/// checkpoint. Key frequencies follow <see cref="KeyFrequencyProtocol"/>. Safe to interrupt and rerun: a checkpoint
/// already measured with a measure is not measured with it again, and a torn last line is dropped before appending.
/// A checkpoint that does not verify is skipped with a warning that names it.
/// </summary>
public static class MeasurementPass
{
    public static MeasurementOutcome Run(
        RunDirectory directory, RunSpec spec, PluginHost plugins, MeasurementRequest request, Action<string> warn, CancellationToken cancellation = default)
    {
        var measures = MeasuresOf(spec, request.MeasureIds).Concat(request.AlsoMeasure ?? []).ToList();
        var store = new CheckpointStore(directory.Path);
        var (valid, corrupt) = Verified(store, warn);
        if (valid.Count == 0) throw new InvalidDataException($"{store.Folder}: no checkpoint to measure");
        if (request.Redo) MetricsFile.RemovePasses(directory.MetricsPath);

        // The model and data only: the run's own measures and their cadences play no part in a pass.
        var bare = spec with { Measures = [], Training = spec.Training with { MeasureCadence = null, MeasureCadences = null } };
        using var components = TrainingComponents.Create(bare, plugins, CPU);

        var (keys, keyStep) = FixedKeyFrequencies(measures, valid, request.KeyFrequenciesFrom, components, plugins, warn);
        var fixedMeasures = measures.Select(m => KeyFrequencyProtocol.Fix(m, keys)).ToList();
        var live = fixedMeasures.Select(m => (m.Id, Measure: plugins.Measure(m.Id).Create(m.Options))).ToList();

        var done = MeasuredBefore(directory);
        var (measured, already) = (0, 0);
        using (var metrics = MetricsFile.Append(directory.MetricsPath, warn))
        {
            foreach (var checkpoint in valid)
            {
                cancellation.ThrowIfCancellationRequested();
                var step = checkpoint.State.Step;
                var due = live.Where(m => !done.Contains((step, m.Id))).ToList();
                if (due.Count == 0)
                {
                    already++;
                    continue;
                }
                metrics.Append(MeasureCheckpoint(checkpoint, due, components, spec.Training, live, warn));
                measured++;
            }
        }
        RefreshAnalysis(directory, spec.Training, warn);
        return new MeasurementOutcome(measured, already, corrupt, keys, keyStep);
    }

    /// <summary>
    /// The summary's analysis (phases first of all) is made from the metrics; made again now that the pass is among them,
    /// so that summary.json agrees with the report. A run without a summary keeps none; a failure costs a warning.
    /// </summary>
    static void RefreshAnalysis(RunDirectory directory, Training training, Action<string> warn)
    {
        try
        {
            if (directory.ReadSummary() is not { } summary) return;
            var analysis = GrokDsl.Analysis.RunAnalyses.Of(directory.ReadMetrics(out _), summary.MemorizedAtStep, summary.GrokkedAtStep, training.MemorizationThreshold);
            directory.WriteSummary(summary with { Analysis = analysis });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            warn($"{directory.SummaryPath}: the analysis was not made again after the pass ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>The run's own reference for each requested id (so its options carry over), default options for the others.</summary>
    static List<ComponentRef> MeasuresOf(RunSpec spec, IReadOnlyList<string>? ids) =>
        ids is null
            ? [.. spec.Measures]
            : [.. ids.Distinct().Select(id => spec.Measures.FirstOrDefault(m => m.Id == id) ?? new ComponentRef(ComponentKind.Measure, id, ComponentOptions.Empty))];

    static (List<Checkpoint> Valid, List<string> Corrupt) Verified(CheckpointStore store, Action<string> warn)
    {
        var (valid, corrupt) = (new List<Checkpoint>(), new List<string>());
        foreach (var step in store.Steps())
        {
            if (store.TryLoad(step, out var problem) is { } checkpoint) valid.Add(checkpoint);
            else
            {
                corrupt.Add(problem!);
                warn($"{problem}; skipped");
            }
        }
        return (valid, corrupt);
    }

    static (IReadOnlyList<int> Keys, long? Step) FixedKeyFrequencies(
        IReadOnlyList<ComponentRef> measures, List<Checkpoint> valid, long? from, TrainingComponents components, PluginHost plugins, Action<string> warn)
    {
        if (KeyFrequencyProtocol.Reader(measures) is not { } reader) return ([], null);
        var source = from is { } wanted
            ? valid.FirstOrDefault(c => c.State.Step == wanted)
              ?? throw new InvalidDataException($"no valid checkpoint at step {wanted} to read key frequencies from; there are {string.Join(", ", valid.Select(c => c.State.Step))}")
            : valid[^1];
        RunCheckpoints.ReadModel(source, components.Model);
        var measure = plugins.Measure(reader.Id).Create(reader.Options);
        IReadOnlyDictionary<string, double> values;
        using (NewDisposeScope())
        using (no_grad())
            values = measure.Measure(new MeasureContext(source.State.Step, components.Model, components.Data));
        var keys = KeyFrequencyProtocol.Read(values);
        if (keys.Count == 0) warn($"{source.Folder}: '{reader.Id}' found no key frequencies; each checkpoint is measured with its own");
        return (keys, source.State.Step);
    }

    static MetricRecord MeasureCheckpoint(
        Checkpoint checkpoint, List<(string Id, IProgressMeasure Measure)> due, TrainingComponents components, Training training,
        List<(string Id, IProgressMeasure Measure)> live, Action<string> warn)
    {
        var step = checkpoint.State.Step;
        RunCheckpoints.ReadModel(checkpoint, components.Model);
        var (trainLoss, trainAccuracy, testLoss, testAccuracy) = CheckpointEvaluation.Evaluate(components.Model, components.Data, training);
        var values = new Dictionary<string, double>();
        using (NewDisposeScope())
        using (no_grad())
        {
            var context = new MeasureContext(step, components.Model, components.Data);
            foreach (var (id, measure) in due)
            {
                try
                {
                    foreach (var (name, value) in measure.Measure(context)) values[$"{id}.{name}"] = value;
                }
                catch (Exception e)
                {
                    // As in training, a broken measure costs its own values, not the pass.
                    warn($"measure '{id}' failed at step {step} ({e.GetType().Name}: {e.Message}); it is left out of the rest of the pass");
                    live.RemoveAll(m => m.Id == id);
                }
            }
        }
        return new MetricRecord(step, trainLoss, trainAccuracy, testLoss, testAccuracy, checkpoint.State.WallSeconds, values, MetricsView.PostHocPass);
    }

    // (step, measure id) pairs that an earlier pass wrote, read from the lines as written.
    static HashSet<(long, string)> MeasuredBefore(RunDirectory directory) =>
        [.. directory.ReadMetrics().Records.Where(r => r.Pass is not null)
            .SelectMany(r => (r.Measures?.Keys ?? []).Select(key => (r.Step, MetricsView.MeasureId(key))))];
}
