using System.Diagnostics;
using GrokDsl.Runs;
using GrokDsl.Runtime.Callbacks;
using GrokDsl.Runtime.Engines;
using GrokDsl.Runtime.Execution;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Loop;

/// <summary>
/// The one training loop, for one run or R runs in lockstep; the <see cref="IStepEngine"/> is what differs. Per step:
/// callbacks at its start (checkpoints), the learning rates, the test set at evaluations, the training batch's forward
/// pass, then per run that records: its events (memorized, grokked), divergence and stopping rules, the callbacks'
/// values (measures), the metrics record, the callbacks after it (progress); then one optimizer step for the runs
/// still active. Metrics at step s describe the parameters after s updates. Every decision is made run by run, so a
/// run trains, records and checkpoints exactly as it would alone; a run that is done (grokked, out of steps, diverged)
/// writes nothing more, and the loop ends when no run is left. One dispose scope per step keeps native memory flat.
/// </summary>
public sealed class TrainingLoop
{
    readonly IReadOnlyList<LoopRun> _runs;
    readonly IStepEngine _engine;
    readonly CallbackDispatcher _callbacks;
    readonly NonFiniteLossWatch _lossWatch;
    readonly Stopwatch _clock = new();

    /// <param name="callbacks">Callbacks after the built-in ones (checkpoints, measures, progress), in the order they are called.</param>
    public TrainingLoop(IReadOnlyList<LoopRun> runs, IStepEngine engine, ITrainingObserver observer, IEnumerable<ITrainingCallback>? callbacks = null)
    {
        (_runs, _engine) = (runs, engine);
        _lossWatch = new NonFiniteLossWatch(runs.Count);
        _callbacks = new CallbackDispatcher(
        [
            new CheckpointCallback(engine.StartStep, Snapshot), new MeasuresCallback(), new NonFiniteLossCallback(), new ProgressCallback(observer),
            .. callbacks ?? [],
        ]);
        foreach (var run in runs)
            if (run.ResumeFrom is { } checkpoint) _callbacks.LoadState(run, checkpoint);
    }

    public void Run(RunControl control)
    {
        try
        {
            RunSteps(control);
        }
        finally
        {
            _lossWatch.Dispose();
        }
    }

    void RunSteps(RunControl control)
    {
        var (training, stopping) = (_runs[0].Spec.Training, _runs[0].Spec.Stopping);
        _clock.Start();
        for (var step = _engine.StartStep; ; step++)
        {
            if (control.Stop.IsCancellationRequested)
            {
                foreach (var run in Active()) End(run, RunStatus.Interrupted, step, "interrupted");
                return;
            }
            var requested = control.TakeCheckpointRequest();
            foreach (var run in Active())
            {
                run.ReachedStep = step;
                _callbacks.OnStepStart(run, step, requested);
            }

            using var scope = NewDisposeScope();
            _engine.SetLearningRates(step);
            var evaluate = step % training.EvaluateEvery == 0 || step == stopping.MaxSteps;
            var test = evaluate ? _engine.EvaluateTest() : ((double[] Loss, double[] Accuracy)?)null;
            var extraSplits = evaluate ? _engine.EvaluateExtraSplits() : null;
            _engine.Forward();
            _lossWatch.Observe(step, _engine.TrainLossTensor);

            // Between evaluations, a run writes a record only where a callback wants one (a measure is due), as it would alone.
            var wanted = Active().Where(run => evaluate || _callbacks.WantsRecord(run, step)).ToHashSet();
            // The losses are read where the loop syncs anyway (a record) and at each window's end; a run whose loss was
            // not finite stops at its own next record or window end, so alone or stacked it stops at the same step.
            var endsWindow = NonFiniteLossWatch.EndsWindow(step);
            if (wanted.Count > 0 || endsWindow) NoteNonFiniteLosses(_lossWatch.Read());
            var recording = Active().Where(run => wanted.Contains(run) || endsWindow && stopping.StopWhenDiverged && run.FirstNonFiniteLoss is not null).ToList();
            if (recording.Count > 0)
            {
                Record(step, recording, test, extraSplits, stopping);
                if (!_runs.Any(r => r.Active)) return;
            }
            _engine.Step(_runs);
        }
    }

    IEnumerable<LoopRun> Active() => _runs.Where(r => r.Active);

    void NoteNonFiniteLosses((long Step, double Loss)?[] firstNonFinite)
    {
        foreach (var run in Active()) run.FirstNonFiniteLoss ??= firstNonFinite[run.Index];
    }

    double Wall(LoopRun run) => run.WallOffset + _clock.Elapsed.TotalSeconds;

    // The losses not yet read go first, so that the checkpoint knows a non-finite one of the steps before it.
    RunSnapshot Snapshot(LoopRun run, long step)
    {
        NoteNonFiniteLosses(_lossWatch.Read());
        return _engine.Snapshot(run, step, Wall(run)) with { CallbackStates = _callbacks.SaveState(run) };
    }

    // At evaluations the run's events, divergence and stopping rules come first, so that values due at memorization,
    // grokking or the end land on the step they name.
    void Record(long step, IReadOnlyList<LoopRun> recording, (double[] Loss, double[] Accuracy)? test,
        IReadOnlyDictionary<string, SplitMetrics>?[]? extraSplits, Stopping stopping)
    {
        var trainLoss = _engine.TrainLosses();
        var trainAccuracy = _engine.TrainAccuracies();
        foreach (var run in recording)
        {
            var (r, wall) = (run.Index, Wall(run));
            var happened = MeasureEvents.None;
            var nonFiniteLoss = run.FirstNonFiniteLoss is { } first ? DivergenceCheck.NonFiniteTrainLoss(first.Step, first.Loss) : null;
            string? diverged = null;
            if (test is { } evaluated)
            {
                happened = run.Tracker.Observe(step, trainAccuracy[r], evaluated.Accuracy[r]);
                diverged = nonFiniteLoss ?? DivergenceCheck.InLosses(step, trainLoss[r], evaluated.Loss[r]) ?? _engine.ParameterDivergence(r, step);
                if (diverged is not null && stopping.StopWhenDiverged || stopping.IsReached(step, wall, run.Tracker.GrokkedAtStep)) happened |= MeasureEvents.Final;
            }
            else if (nonFiniteLoss is not null && stopping.StopWhenDiverged)
            {
                // Between evaluations: the run stops here, with the step its loss first became non-finite.
                diverged = nonFiniteLoss;
                happened |= MeasureEvents.Final;
            }
            var values = _callbacks.OnRecord(run, step, test is not null, happened, () => new GrokDsl.Contracts.MeasureContext(step, _engine.ModelOf(r), run.Components.Data));
            var record = new MetricRecord(step, trainLoss[r], trainAccuracy[r], test?.Loss[r], test?.Accuracy[r], wall, values)
            {
                Splits = test is { } t ? NamedSplits(run, t.Loss[r], t.Accuracy[r], extraSplits?[r]) : null,
            };
            run.Metrics.Append(record);
            if (test is not null) run.Last = record;
            _callbacks.OnRecorded(run, record, test is not null);

            if (diverged is not null)
            {
                run.Divergence = diverged;
                if (stopping.StopWhenDiverged)
                {
                    _engine.Discard(r);
                    End(run, RunStatus.Diverged, step, reason: null);
                    continue;
                }
            }
            if (test is null) continue;
            if (run.Tracker.GrokkedAtStep is not null) run.Status = RunStatus.Grokked;
            if (happened.HasFlag(MeasureEvents.Final)) End(run, run.Status, step, "final");
        }
    }

    // The test split under the dataset's name for it, then the extra splits; null for datasets that name none.
    static IReadOnlyDictionary<string, SplitMetrics>? NamedSplits(LoopRun run, double testLoss, double testAccuracy, IReadOnlyDictionary<string, SplitMetrics>? extra)
    {
        var data = run.Components.Data;
        if (!data.HasNamedSplits) return null;
        var splits = new Dictionary<string, SplitMetrics> { [data.TestSplitName] = new(testLoss, testAccuracy) };
        foreach (var (name, metrics) in extra ?? new Dictionary<string, SplitMetrics>()) splits[name] = metrics;
        return splits;
    }

    void End(LoopRun run, RunStatus status, long step, string? reason)
    {
        _callbacks.OnRunEnd(run, step, reason);
        run.Finish(status, step, Wall(run));
    }
}
