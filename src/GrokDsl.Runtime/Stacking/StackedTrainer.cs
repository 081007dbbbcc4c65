using System.Diagnostics;
using GrokDsl.Runs;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>
/// The training loop of <see cref="Trainer"/> for R runs in lockstep on one stacked model: the same cadences,
/// metrics, grokking tracking, stopping rules and divergence checks, decided run by run. A run that is done
/// (grokked, out of steps, diverged) writes nothing more and is masked out of the optimizer step; the loop ends
/// when no run is left. The stacked loss is the sum of the per-run mean losses, so each run's gradient is the one
/// it would get alone. Not (yet) done: checkpoints and resuming, mini-batches, gradient transforms.
/// </summary>
sealed class StackedTrainer : IDisposable
{
    readonly IReadOnlyList<StackedRun> _runs;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly StackedBatch _batch;
    readonly FlatAdamW _optimizer;
    readonly ITrainingObserver _observer;
    readonly List<(string Name, Parameter Stacked)> _parameters;
    readonly Training _training;
    readonly Stopping _stopping;

    /// <param name="model">The stacked model, its slice r holding run r's initial parameters.</param>
    public StackedTrainer(IReadOnlyList<StackedRun> runs, nn.Module<Tensor, Tensor> model, ITrainingObserver observer)
    {
        (_runs, _model, _observer) = (runs, model, observer);
        (_training, _stopping) = (runs[0].Spec.Training, runs[0].Spec.Stopping);
        _batch = new StackedBatch([.. runs.Select(r => r.Spec)], [.. runs.Select(r => r.Components)]);
        _parameters = [.. model.named_parameters().Select(p => (p.name, p.parameter))];
        _optimizer = new FlatAdamW([.. _parameters.Select(p => p.Stacked)], [.. runs.Select(r => (AdamW)r.Spec.Optimizer)]);
    }

    public void Run(RunControl control)
    {
        var clock = Stopwatch.StartNew();
        var active = new bool[_runs.Count];
        var rates = new double[_runs.Count];
        _model.train();

        for (long step = 0; ; step++)
        {
            if (control.Stop.IsCancellationRequested)
            {
                foreach (var run in _runs.Where(r => r.Active)) Finish(run, RunStatus.Interrupted, step, clock.Elapsed.TotalSeconds);
                return;
            }

            using var scope = NewDisposeScope();
            for (var r = 0; r < _runs.Count; r++)
                rates[r] = OptimizerFactory.LearningRateAt(_runs[r].Spec.Optimizer, step, _stopping.MaxSteps);
            var evaluate = step % _training.EvaluateEvery == 0 || step == _stopping.MaxSteps;
            (double[] Loss, double[] Accuracy)? test = evaluate ? EvaluateTest() : null;
            var measures = evaluate && step % _training.MeasureEvery == 0 ? Measure(step) : null;

            _optimizer.ZeroGradients();
            var logits = _model.forward(_batch.TrainInputs);
            var losses = StackedLoss.PerRun(logits, _batch.TrainTargets, _training.LossInFloat64);

            if (evaluate)
            {
                Evaluate(step, clock.Elapsed.TotalSeconds, losses, logits, test!.Value, measures);
                if (!_runs.Any(r => r.Active)) return;
            }

            losses.sum().backward();
            for (var r = 0; r < _runs.Count; r++) active[r] = _runs[r].Active;
            _optimizer.Step(rates, active);
        }
    }

    // Records one evaluation per active run and applies the stopping rules run by run.
    void Evaluate(long step, double wall, Tensor losses, Tensor logits, (double[] Loss, double[] Accuracy) test, Dictionary<string, double>?[]? measures)
    {
        var trainLoss = ToDoubles(losses);
        using var correct = StackedLoss.Correct(logits, _batch.TrainTargets);
        var trainCorrect = correct.data<long>().ToArray();
        var finite = _optimizer.FiniteRuns();
        var count = (double)_batch.TrainTargets.shape[1];

        for (var r = 0; r < _runs.Count; r++)
        {
            var run = _runs[r];
            if (!run.Active) continue;
            var trainAccuracy = trainCorrect[r] / count;
            run.Last = new MetricRecord(step, trainLoss[r], trainAccuracy, test.Loss[r], test.Accuracy[r], wall, measures?[r]);
            run.Metrics.Append(run.Last);
            run.Tracker.Observe(step, trainAccuracy, test.Accuracy[r]);
            _observer.OnEvaluated(run.Last, run.Tracker, _stopping.MaxSteps);

            if (Divergence(step, r, trainLoss[r], test.Loss[r], finite[r]) is { } diverged)
            {
                run.Divergence = diverged;
                if (_stopping.StopWhenDiverged)
                {
                    _optimizer.Clear(r);
                    Finish(run, RunStatus.Diverged, step, wall);
                    continue;
                }
            }
            if (run.Tracker.GrokkedAtStep is not null) run.Status = RunStatus.Grokked;
            if (IsDone(run, step, wall)) Finish(run, run.Status, step, wall);
        }
    }

    static void Finish(StackedRun run, RunStatus status, long step, double wall)
    {
        (run.Active, run.Status, run.FinalStep, run.WallSeconds) = (false, status, step, wall);
    }

    string? Divergence(long step, int run, double trainLoss, double testLoss, bool parametersFinite)
    {
        if (DivergenceCheck.InLosses(step, trainLoss, testLoss) is { } loss) return loss;
        if (parametersFinite) return null;
        using var _ = no_grad();
        foreach (var (name, stacked) in _parameters)
        {
            using var slice = stacked[run];
            if (!isfinite(slice).all().item<bool>()) return $"step {step}: parameter {name} is not finite";
        }
        return null;
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

    // Progress measures see each run's own model, holding that run's slice of the stacked parameters.
    Dictionary<string, double>?[] Measure(long step)
    {
        var values = new Dictionary<string, double>?[_runs.Count];
        using var _ = no_grad();
        for (var r = 0; r < _runs.Count; r++)
        {
            var run = _runs[r];
            if (!run.Active || run.Measures.Count == 0) continue;
            CopyInto(run.Components.Model, r);
            var context = new GrokDsl.Contracts.MeasureContext(step, run.Components.Model, run.Components.Data);
            var measured = new Dictionary<string, double>();
            foreach (var (id, measure) in run.Measures.ToList())
            {
                try
                {
                    foreach (var (name, value) in measure.Measure(context)) measured[$"{id}.{name}"] = value;
                }
                catch (Exception e)
                {
                    run.Measures.RemoveAll(m => m.Id == id);
                    _observer.OnMeasureFailed(id, e);
                }
            }
            values[r] = measured;
        }
        return values;
    }

    /// <summary>Copies run r's slice of the stacked parameters into its own model (same parameter names).</summary>
    public void CopyInto(nn.Module<Tensor, Tensor> model, int run)
    {
        using var _ = no_grad();
        var stacked = _parameters.ToDictionary(p => p.Name, p => p.Stacked);
        foreach (var (name, parameter) in model.named_parameters())
        {
            using var slice = stacked[name][run];
            parameter.copy_(slice);
        }
    }

    static double[] ToDoubles(Tensor values)
    {
        using var asDouble = values.detach().to_type(ScalarType.Float64).cpu();
        return asDouble.data<double>().ToArray();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _batch.Dispose();
    }
}
