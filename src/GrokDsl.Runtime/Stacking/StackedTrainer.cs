using System.Diagnostics;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Optimization;
using GrokDsl.Runtime.Stacking.Transforms;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// The training loop of <see cref="Trainer"/> for R runs in lockstep on one stacked model: the same cadences,
/// metrics, grokking tracking, stopping rules, divergence checks and checkpoints, decided run by run. Each run
/// draws its own mini-batches in its lone order and writes its checkpoints into its own run directory in the lone
/// format (<see cref="RunCheckpoints"/>), so a stacked run resumes stacked or alone and a lone one resumes stacked.
/// A run that is done (grokked, out of steps, diverged) writes nothing more and is masked out of the optimizer step;
/// the loop ends when no run is left. The stacked loss is the sum of the per-run mean losses, so each run's
/// gradient is the one it would get alone; gradient transforms (Grokfast, ⊥Grad) then rewrite it run by run as the
/// lone transforms would.
/// </summary>
sealed class StackedTrainer : IDisposable
{
    readonly IReadOnlyList<StackedRun> _runs;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly StackedBatch _batch;
    readonly FlatAdamW _optimizer;
    readonly IReadOnlyList<IStackedGradientTransform> _transforms;
    readonly ITrainingObserver _observer;
    readonly List<(string Name, Parameter Stacked)> _parameters;
    readonly int[] _stackedIndex;
    readonly Training _training;
    readonly Stopping _stopping;
    readonly Stopwatch _clock = new();
    readonly long _startStep;

    /// <param name="model">The stacked model; slice r gets run r's own initial parameters, or its checkpoint's.</param>
    public StackedTrainer(IReadOnlyList<StackedRun> runs, nn.Module<Tensor, Tensor> model, ITrainingObserver observer)
    {
        (_runs, _model, _observer) = (runs, model, observer);
        (_training, _stopping) = (runs[0].Spec.Training, runs[0].Spec.Stopping);
        _batch = new StackedBatch([.. runs.Select(r => r.Spec)], [.. runs.Select(r => r.Components)], fullBatch: runs[0].Sampler.IsFullBatch);
        _parameters = [.. model.named_parameters().Select(p => (p.name, p.parameter))];
        _stackedIndex = [.. runs[0].Components.Model.named_parameters().Select(p => _parameters.FindIndex(s => s.Name == p.name))];
        _optimizer = new FlatAdamW([.. _parameters.Select(p => p.Stacked)], [.. runs.Select(r => (AdamW)r.Spec.Optimizer)]);
        _transforms = StackedGradientTransforms.For([.. runs.Select(r => r.Spec)]);
        _startStep = StartStep(runs);
        _optimizer.ResumeAt(_startStep);
        for (var r = 0; r < runs.Count; r++)
        {
            if (runs[r].ResumeFrom is { } checkpoint) Restore(r, checkpoint);
            else CopyFrom(runs[r].Components.Model, r);
        }
    }

    // Runs resume together only from checkpoints of one step, where their optimizers have made as many updates.
    static long StartStep(IReadOnlyList<StackedRun> runs)
    {
        var steps = runs.Select(r => r.ResumeFrom?.State.Step ?? 0).ToList();
        var other = steps.FindIndex(s => s != steps[0]);
        if (other >= 0)
            throw new ArgumentException(
                $"Runs {runs[0].Spec.RunId} and {runs[other].Spec.RunId} cannot resume in one stack: they continue from steps {steps[0]} and {steps[other]}.");
        return steps[0];
    }

    void Restore(int r, Checkpoint checkpoint)
    {
        var run = _runs[r];
        var model = run.Components.Model;
        RunCheckpoints.ReadModel(checkpoint, model);
        CopyFrom(model, r);
        var updates = LoneAdamWState.Read(checkpoint, _optimizer, r, model, _stackedIndex, (AdamW)run.Spec.Optimizer);
        if (updates != checkpoint.State.Step)
            throw new InvalidDataException(
                $"{checkpoint.File(RunCheckpoints.OptimizerFile)}: the optimizer has made {updates} updates, but the checkpoint is at step {checkpoint.State.Step}.");
        using (var reader = RunCheckpoints.OpenGradientTransforms(checkpoint))
            foreach (var transform in _transforms) transform.Load(reader, _optimizer, r, _stackedIndex);
        run.Sampler.Restore(checkpoint.State.Sampler);
        run.Tracker.Restore(checkpoint.State.MemorizedAtStep, checkpoint.State.GrokkedAtStep);
        (run.TorchRngState, run.WallOffset) = (checkpoint.State.TorchRngState, checkpoint.State.WallSeconds);
    }

    public void Run(RunControl control)
    {
        var active = new bool[_runs.Count];
        var rates = new double[_runs.Count];
        _clock.Start();
        _model.train();

        for (var step = _startStep; ; step++)
        {
            if (control.Stop.IsCancellationRequested)
            {
                foreach (var r in ActiveRuns())
                {
                    Checkpoint(r, step, "interrupted");
                    Finish(_runs[r], RunStatus.Interrupted, step);
                }
                return;
            }
            var requested = control.TakeCheckpointRequest();
            foreach (var r in ActiveRuns())
                if (step > _startStep && (step % _training.CheckpointEvery == 0 || _runs[r].Checkpoints.HasPendingEvents) || requested)
                    Checkpoint(r, step, null);

            using var scope = NewDisposeScope();
            for (var r = 0; r < _runs.Count; r++)
                rates[r] = OptimizerFactory.LearningRateAt(_runs[r].Spec.Optimizer, step, _stopping.MaxSteps);
            var evaluate = step % _training.EvaluateEvery == 0 || step == _stopping.MaxSteps;
            (double[] Loss, double[] Accuracy)? test = evaluate ? EvaluateTest() : null;

            var (inputs, targets) = NextBatch();
            _optimizer.ZeroGradients();
            var logits = _model.forward(inputs);
            var losses = StackedLoss.PerRun(logits, targets, _training.LossInFloat64);

            // Between evaluations, a run writes a record only where one of its measures is due, as it would alone.
            var recording = ActiveRuns().Where(r => evaluate || _runs[r].Measures.AnyDueRegardless(step)).ToList();
            if (recording.Count > 0)
            {
                Record(step, recording, losses, logits, targets, test);
                if (!_runs.Any(r => r.Active)) return;
            }

            losses.sum().backward();
            foreach (var transform in _transforms) transform.Apply(_optimizer);
            for (var r = 0; r < _runs.Count; r++) active[r] = _runs[r].Active;
            _optimizer.Step(rates, active);
        }
    }

    IEnumerable<int> ActiveRuns() => Enumerable.Range(0, _runs.Count).Where(r => _runs[r].Active);

    double Wall(StackedRun run) => run.WallOffset + _clock.Elapsed.TotalSeconds;

    // The whole training set, or each run's next mini-batch in the order its lone sampler draws, stacked to [R, B, ...].
    (Tensor Inputs, Tensor Targets) NextBatch()
    {
        if (_batch.TrainInputs is { } inputs && _batch.TrainTargets is { } targets) return (inputs, targets);
        var batches = _runs.Select(r => r.Sampler.Next()).ToList();
        return (stack(batches.Select(b => b.Inputs)), stack(batches.Select(b => b.Targets)));
    }

    // Run r's checkpoint in the lone format: its slice of the model and of the optimizer, through its own model.
    void Checkpoint(int r, long step, string? reason)
    {
        var run = _runs[r];
        var model = run.Components.Model;
        var settings = (AdamW)run.Spec.Optimizer;
        var lastRate = step > 0 ? OptimizerFactory.LearningRateAt(settings, step - 1, _stopping.MaxSteps) : settings.LearningRate;
        run.Checkpoints.Write(step, reason, new RunSnapshot(
            writer =>
            {
                CopyInto(model, r);
                model.save(writer);
            },
            writer => LoneAdamWState.Write(writer, _optimizer, r, model, _stackedIndex, settings, lastRate),
            writer =>
            {
                foreach (var transform in _transforms) transform.Save(writer, _optimizer, r, _stackedIndex);
            },
            run.Tracker, Wall(run), run.TorchRngState, run.Sampler.Save()));
    }

    // The metrics record of each recording run, as Trainer writes it: train metrics from this step's batch, the test set
    // at evaluations, and the measures due. At evaluations the run's events, divergence and stopping rules come first,
    // so that measures due at memorization, grokking or the end land on the step they name.
    void Record(long step, IReadOnlyList<int> recording, Tensor losses, Tensor logits, Tensor targets, (double[] Loss, double[] Accuracy)? test)
    {
        var trainLoss = ToDoubles(losses);
        using var correct = StackedLoss.Correct(logits, targets);
        var trainCorrect = correct.data<long>().ToArray();
        var finite = test is null ? null : _optimizer.FiniteRuns();
        var count = (double)targets.shape[1];

        foreach (var r in recording)
        {
            var run = _runs[r];
            var wall = Wall(run);
            var trainAccuracy = trainCorrect[r] / count;
            var happened = MeasureEvents.None;
            string? diverged = null;
            if (test is { } evaluated)
            {
                happened = run.Tracker.Observe(step, trainAccuracy, evaluated.Accuracy[r]);
                run.Checkpoints.AddEvents(happened);
                diverged = Divergence(step, r, trainLoss[r], evaluated.Loss[r], finite![r]);
                if (diverged is not null && _stopping.StopWhenDiverged || IsDone(run, step, wall)) happened |= MeasureEvents.Final;
            }
            var record = new MetricRecord(step, trainLoss[r], trainAccuracy, test?.Loss[r], test?.Accuracy[r], wall, Measure(r, step, test is not null, happened));
            run.Metrics.Append(record);
            if (test is null) continue;

            run.Last = record;
            _observer.OnEvaluated(record, run.Tracker, _stopping.MaxSteps);
            if (diverged is not null)
            {
                run.Divergence = diverged;
                if (_stopping.StopWhenDiverged)
                {
                    _optimizer.Clear(r);
                    Finish(run, RunStatus.Diverged, step);
                    continue;
                }
            }
            if (run.Tracker.GrokkedAtStep is not null) run.Status = RunStatus.Grokked;
            if (happened.HasFlag(MeasureEvents.Final))
            {
                Checkpoint(r, step, "final");
                Finish(run, run.Status, step);
            }
        }
    }

    void Finish(StackedRun run, RunStatus status, long step)
    {
        (run.Active, run.Status, run.FinalStep, run.WallSeconds) = (false, status, step, Wall(run));
    }

    string? Divergence(long step, int run, double trainLoss, double testLoss, bool parametersFinite)
    {
        if (DivergenceCheck.InLosses(step, trainLoss, testLoss) is { } loss) return loss;
        return parametersFinite ? null : DivergenceCheck.InParameters(step, _parameters.Select(p => (p.Name, p.Stacked[run])));
    }

    bool IsDone(StackedRun run, long step, double wall) => _stopping.IsReached(step, wall, run.Tracker.GrokkedAtStep);

    (double[] Loss, double[] Accuracy) EvaluateTest()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        _model.eval();
        var logits = _model.forward(_batch.TestInputs);
        var loss = ToDoubles(StackedLoss.PerRun(logits, _batch.TestTargets, _training.LossInFloat64));
        var correct = StackedLoss.Correct(logits, _batch.TestTargets).data<long>().ToArray();
        _model.train();
        var count = (double)_batch.TestTargets.shape[1];
        return (loss, [.. correct.Select(c => c / count)]);
    }

    // Progress measures see the run's own model, holding its slice of the stacked parameters.
    Dictionary<string, double>? Measure(int r, long step, bool evaluated, MeasureEvents happened)
    {
        var run = _runs[r];
        var model = run.Components.Model;
        return run.Measures.Measure(step, evaluated, happened, () =>
        {
            CopyInto(model, r);
            return new GrokDsl.Contracts.MeasureContext(step, model, run.Components.Data);
        });
    }

    /// <summary>Copies a run's own model into its slice of the stacked parameters.</summary>
    void CopyFrom(nn.Module<Tensor, Tensor> model, int run)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (own, slice) in Slices(model, run)) slice.copy_(own);
    }

    /// <summary>Copies run r's slice of the stacked parameters into its own model.</summary>
    void CopyInto(nn.Module<Tensor, Tensor> model, int run)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var (own, slice) in Slices(model, run)) own.copy_(slice);
    }

    // A run's own parameters, in named_parameters order, each with its slice of the stacked one (_stackedIndex pairs them).
    IEnumerable<(Parameter Own, Tensor Slice)> Slices(nn.Module<Tensor, Tensor> model, int run) =>
        model.parameters().Select((own, i) => (own, _parameters[_stackedIndex[i]].Stacked[run]));

    static double[] ToDoubles(Tensor values)
    {
        using var asDouble = values.detach().to_type(ScalarType.Float64).cpu();
        return asDouble.data<double>().ToArray();
    }

    public void Dispose()
    {
        foreach (var transform in _transforms) transform.Dispose();
        _optimizer.Dispose();
        _batch.Dispose();
    }
}
