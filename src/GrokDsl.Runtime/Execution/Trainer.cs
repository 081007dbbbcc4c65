using System.Diagnostics;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Execution;

/// <summary>How a training loop ended.</summary>
/// <param name="FailedMeasures">Measure id → "ExceptionType: message" of the measures that threw; null when none did.</param>
public sealed record TrainingOutcome(
    RunStatus Status, long FinalStep, double FinalTrainAccuracy, double FinalTestAccuracy,
    double WallSeconds, GrokkingTracker Tracker, string? Divergence, IReadOnlyDictionary<string, string>? FailedMeasures = null);

/// <summary>
/// The training loop: the experiment's optimizer, gradient transforms and loss; test evaluation and
/// progress measures at their cadences; checkpoints; stopping rules. Metrics at step s describe the parameters after s updates;
/// a checkpoint at step s holds exactly that state, taken before step s is evaluated, so a resumed
/// run repeats nothing and skips nothing. One dispose scope per step keeps native memory flat;
/// evaluation runs under no_grad.
/// </summary>
public sealed class Trainer : IDisposable
{
    readonly RunSpec _spec;
    readonly TrainingComponents _components;
    readonly ITrainingObserver _observer;
    readonly RunCheckpoints _checkpoints;
    readonly RunMeasures _measures;
    readonly OptimizerHelper _optimizer;
    readonly IReadOnlyList<Parameter> _parameters;
    readonly IReadOnlyList<IGradientTransform> _transforms;
    readonly BatchSampler _batches;
    readonly GrokkingTracker _tracker;
    double _wallOffset;
    long _startStep;

    public Trainer(RunSpec spec, TrainingComponents components, ITrainingObserver observer, CheckpointStore checkpoints)
    {
        (_spec, _components, _observer) = (spec, components, observer);
        _checkpoints = new RunCheckpoints(checkpoints, spec.Training.KeepCheckpoints);
        _measures = new RunMeasures(spec, components.Measures, observer);
        _parameters = [.. components.Model.parameters()];
        _optimizer = OptimizerFactory.Create(spec.Optimizer, _parameters);
        _transforms = GradientTransforms.For(spec.Optimizer);
        _batches = new BatchSampler(components.Data.TrainInputs, components.Data.TrainTargets, spec.Training.BatchSize, spec.Seed);
        _tracker = new GrokkingTracker(spec.Training.MemorizationThreshold, spec.Training.GrokkingThreshold);
    }

    /// <summary>Continues from a checkpoint instead of the initial state.</summary>
    public void Restore(Checkpoint checkpoint)
    {
        RunCheckpoints.ReadModel(checkpoint, _components.Model);
        RunCheckpoints.ReadOptimizer(checkpoint, _optimizer);
        using (var reader = RunCheckpoints.OpenGradientTransforms(checkpoint))
            foreach (var transform in _transforms) transform.Load(reader, _parameters);
        using (var rng = tensor(Convert.FromBase64String(checkpoint.State.TorchRngState), ScalarType.Byte)) set_rng_state(rng);
        _batches.Restore(checkpoint.State.Sampler);
        _tracker.Restore(checkpoint.State.MemorizedAtStep, checkpoint.State.GrokkedAtStep);
        (_startStep, _wallOffset) = (checkpoint.State.Step, checkpoint.State.WallSeconds);
    }

    public TrainingOutcome Run(MetricsFile metrics, RunControl control)
    {
        var training = _spec.Training;
        var stopping = _spec.Stopping;
        var model = _components.Model;
        var clock = Stopwatch.StartNew();
        double Wall() => _wallOffset + clock.Elapsed.TotalSeconds;
        MetricRecord? last = null;
        var status = RunStatus.Censored;
        string? divergence = null;
        var step = _startStep;
        model.train();

        for (; ; step++)
        {
            if (control.Stop.IsCancellationRequested)
            {
                Checkpoint(step, Wall(), "interrupted");
                status = RunStatus.Interrupted;
                break;
            }
            if (step > _startStep && (step % training.CheckpointEvery == 0 || _checkpoints.HasPendingEvents) || control.TakeCheckpointRequest())
                Checkpoint(step, Wall());

            using var scope = NewDisposeScope();
            SetLearningRate(step);
            var evaluate = step % training.EvaluateEvery == 0 || step == stopping.MaxSteps;
            var test = evaluate ? EvaluateTest() : null;

            var (inputs, targets) = _batches.Next();
            _optimizer.zero_grad();
            var logits = model.forward(inputs);
            var loss = Losses.Compute(training.Loss, logits, targets, training.LossInFloat64);

            // Measures see the parameters of this step (no update yet), after the events it brings are known,
            // so that "measure at memorization" and "measure at the end" land on the step they name.
            if (evaluate || _measures.AnyDueRegardless(step))
            {
                var trainLoss = loss.to_type(ScalarType.Float64).item<double>();
                var trainAccuracy = Accuracy(logits, targets);
                var happened = evaluate ? Observe(step, trainAccuracy, test?.Accuracy) : MeasureEvents.None;
                var diverged = evaluate ? DivergenceCheck.Find(step, trainLoss, test?.Loss, model) : null;
                if (evaluate && (diverged is not null && stopping.StopWhenDiverged || IsDone(step, Wall()))) happened |= MeasureEvents.Final;
                var record = new MetricRecord(step, trainLoss, trainAccuracy, test?.Loss, test?.Accuracy, Wall(),
                    _measures.Measure(step, evaluate, happened, () => new GrokDsl.Contracts.MeasureContext(step, model, _components.Data)));
                metrics.Append(record);

                if (evaluate)
                {
                    last = record;
                    _observer.OnEvaluated(last, _tracker, stopping.MaxSteps);

                    if (diverged is not null)
                    {
                        divergence = diverged;
                        if (stopping.StopWhenDiverged) { status = RunStatus.Diverged; break; }
                    }
                    if (_tracker.GrokkedAtStep is not null) status = RunStatus.Grokked;
                    if (happened.HasFlag(MeasureEvents.Final))
                    {
                        Checkpoint(step, Wall(), "final");
                        break;
                    }
                }
            }

            loss.backward();
            foreach (var transform in _transforms) transform.Apply(_parameters);
            _optimizer.step();
        }

        return new TrainingOutcome(status, step, last?.TrainAccuracy ?? 0, last?.TestAccuracy ?? 0, Wall(), _tracker, divergence, _measures.Failures);
    }

    MeasureEvents Observe(long step, double trainAccuracy, double? testAccuracy)
    {
        var happened = _tracker.Observe(step, trainAccuracy, testAccuracy);
        _checkpoints.AddEvents(happened);
        return happened;
    }

    bool IsDone(long step, double wallSeconds) => _spec.Stopping.IsReached(step, wallSeconds, _tracker.GrokkedAtStep);

    // Linear warmup as a pure function of the step, so a resumed run needs no scheduler state.
    void SetLearningRate(long step)
    {
        var rate = OptimizerFactory.LearningRateAt(_spec.Optimizer, step, _spec.Stopping.MaxSteps);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = rate;
    }

    void Checkpoint(long step, double wallSeconds, string? reason = null) =>
        _checkpoints.Write(step, reason, new RunSnapshot(
            writer => _components.Model.save(writer),
            writer => _optimizer.save_state_dict(writer),
            writer =>
            {
                foreach (var transform in _transforms) transform.Save(writer);
            },
            _tracker, wallSeconds, RunCheckpoints.CurrentRngState(), _batches.Save()));

    (double Loss, double Accuracy)? EvaluateTest()
    {
        using var _ = no_grad();
        var model = _components.Model;
        model.eval();
        var logits = model.forward(_components.Data.TestInputs);
        var loss = Losses.Compute(_spec.Training.Loss, logits, _components.Data.TestTargets, _spec.Training.LossInFloat64).to_type(ScalarType.Float64).item<double>();
        var accuracy = Accuracy(logits, _components.Data.TestTargets);
        model.train();
        return (loss, accuracy);
    }

    // Exact counts: an integer number of correct answers over an integer total, so 100% is exactly 1.
    static double Accuracy(Tensor logits, Tensor targets) =>
        (double)logits.argmax(1).eq(targets).sum().item<long>() / targets.shape[0];

    public void Dispose()
    {
        foreach (var transform in _transforms) transform.Dispose();
        _optimizer.Dispose();
        _batches.Dispose();
    }
}
