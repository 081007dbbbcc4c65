using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;
using GrokDsl.Runtime.Optimization;
using GrokDsl.Runtime.Stacking;
using GrokDsl.Runtime.Stacking.Transforms;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Engines;

/// <summary>
/// R runs in lockstep on one stacked model (every parameter with a leading run dimension) and one flat-buffer AdamW
/// over all of them, with per-run learning rates, betas and weight decay. The stacked loss is the sum of the per-run
/// mean losses, so each run's gradient is the one it would get alone; gradient transforms (Grokfast, ⊥Grad) then
/// rewrite it run by run as the lone transforms would. Each run draws its own mini-batches in its lone order and
/// checkpoints through its own module in the lone format (<see cref="LoneAdamWState"/>), so a stacked run resumes
/// stacked or alone and a lone one resumes stacked. A run that is done is masked out of the optimizer step.
/// </summary>
sealed class FlatAdamWEngine : IStepEngine
{
    readonly IReadOnlyList<LoopRun> _runs;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly StackedBatch _batch;
    readonly FlatAdamW _optimizer;
    readonly IReadOnlyList<IStackedGradientTransform> _transforms;
    readonly List<(string Name, Parameter Stacked)> _parameters;
    readonly int[] _stackedIndex;
    readonly Training _training;
    readonly long _maxSteps;
    // Stacked training draws nothing from torch's global generator, so the state each run's seeding and model creation
    // left is the one its lone engine would checkpoint at any later step.
    readonly string[] _rngStates;
    readonly double[] _rates;
    Tensor? _logits, _targets, _losses;
    (long Step, bool[] Finite)? _finite;

    /// <param name="model">The stacked model; slice r gets run r's own initial parameters, or its checkpoint's.</param>
    /// <param name="rngStates">torch's global generator state right after each run's components were created.</param>
    public FlatAdamWEngine(IReadOnlyList<LoopRun> runs, nn.Module<Tensor, Tensor> model, IReadOnlyList<string> rngStates)
    {
        (_runs, _model, _rngStates) = (runs, model, [.. rngStates]);
        (_training, _maxSteps) = (runs[0].Spec.Training, runs[0].Spec.Stopping.MaxSteps);
        _rates = new double[runs.Count];
        _batch = new StackedBatch([.. runs.Select(r => r.Spec)], [.. runs.Select(r => r.Components)], fullBatch: runs[0].Sampler.IsFullBatch);
        _parameters = [.. model.named_parameters().Select(p => (p.name, p.parameter))];
        _stackedIndex = [.. runs[0].Components.Model.named_parameters().Select(p => _parameters.FindIndex(s => s.Name == p.name))];
        _optimizer = new FlatAdamW([.. _parameters.Select(p => p.Stacked)], [.. runs.Select(r => (AdamW)r.Spec.Optimizer)]);
        _transforms = StackedGradientTransforms.For([.. runs.Select(r => r.Spec)]);
        StartStep = Engine.StartStep(runs);
        _optimizer.ResumeAt(StartStep);
        foreach (var run in runs)
        {
            if (run.ResumeFrom is { } checkpoint) Restore(run, checkpoint);
            else CopyFrom(run.Components.Model, run.Index);
        }
        _model.train();
    }

    public long StartStep { get; }

    void Restore(LoopRun run, Checkpoint checkpoint)
    {
        var r = run.Index;
        var model = run.Components.Model;
        RunCheckpoints.ReadModel(checkpoint, model);
        CopyFrom(model, r);
        var updates = LoneAdamWState.Read(checkpoint, _optimizer, r, model, _stackedIndex, (AdamW)run.Spec.Optimizer);
        if (updates != checkpoint.State.Step)
            throw new InvalidDataException(
                $"{checkpoint.File(RunCheckpoints.OptimizerFile)}: the optimizer has made {updates} updates, but the checkpoint is at step {checkpoint.State.Step}.");
        using (var reader = RunCheckpoints.OpenGradientTransforms(checkpoint))
            foreach (var transform in _transforms) transform.Load(reader, _optimizer, r, _stackedIndex);
        run.RestoreProgress(checkpoint);
        _rngStates[r] = checkpoint.State.TorchRngState;
    }

    public void SetLearningRates(long step)
    {
        for (var r = 0; r < _runs.Count; r++) _rates[r] = OptimizerFactory.LearningRateAt(_runs[r].Spec.Optimizer, step, _maxSteps);
    }

    public (double[] Loss, double[] Accuracy) EvaluateTest()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        _model.eval();
        var logits = _model.forward(_batch.TestInputs);
        var loss = Engine.ToDoubles(StackedLoss.PerRun(logits, _batch.TestTargets, _training.LossInFloat64));
        var correct = StackedLoss.Correct(logits, _batch.TestTargets).data<long>().ToArray();
        _model.train();
        var count = (double)_batch.TestTargets.shape[1];
        return (loss, [.. correct.Select(c => c / count)]);
    }

    // The whole training set, or each run's next mini-batch in the order its lone sampler draws, stacked to [R, B, ...].
    public void Forward()
    {
        Tensor inputs, targets;
        if (_batch.TrainInputs is { } all && _batch.TrainTargets is { } allTargets) (inputs, targets) = (all, allTargets);
        else
        {
            var batches = _runs.Select(r => r.Sampler.Next()).ToList();
            (inputs, targets) = (stack(batches.Select(b => b.Inputs)), stack(batches.Select(b => b.Targets)));
        }
        _optimizer.ZeroGradients();
        _logits = _model.forward(inputs);
        _targets = targets;
        _losses = StackedLoss.PerRun(_logits, targets, _training.LossInFloat64);
    }

    public double[] TrainLosses() => Engine.ToDoubles(_losses!);

    public Tensor TrainLossTensor => _losses!;

    public double[] TrainAccuracies()
    {
        using var correct = StackedLoss.Correct(_logits!, _targets!);
        var count = (double)_targets!.shape[1];
        return [.. correct.data<long>().ToArray().Select(c => c / count)];
    }

    // One finiteness check over the flat buffer per step; a run's parameters are looked at one by one only when it fails.
    public string? ParameterDivergence(int run, long step)
    {
        if (_finite is not { } finite || finite.Step != step) _finite = finite = (step, _optimizer.FiniteRuns());
        return finite.Finite[run] ? null : DivergenceCheck.InParameters(step, _parameters.Select(p => (p.Name, p.Stacked[run])));
    }

    public nn.Module<Tensor, Tensor> ModelOf(int run)
    {
        var model = _runs[run].Components.Model;
        CopyInto(model, run);
        return model;
    }

    public void Step(IReadOnlyList<LoopRun> runs)
    {
        _losses!.sum().backward();
        foreach (var transform in _transforms) transform.Apply(_optimizer);
        _optimizer.Step(_rates, [.. runs.Select(r => r.Active)]);
    }

    public void Discard(int run) => _optimizer.Clear(run);

    // Run r's checkpoint in the lone format: its slice of the model and of the optimizer, through its own model.
    public RunSnapshot Snapshot(LoopRun run, long step, double wallSeconds)
    {
        var r = run.Index;
        var model = run.Components.Model;
        var settings = (AdamW)run.Spec.Optimizer;
        var lastRate = step > 0 ? OptimizerFactory.LearningRateAt(settings, step - 1, _maxSteps) : settings.LearningRate;
        return new RunSnapshot(
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
            run.Tracker, wallSeconds, _rngStates[r], run.Sampler.Save());
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

    public void Dispose()
    {
        foreach (var transform in _transforms) transform.Dispose();
        _optimizer.Dispose();
        _batch.Dispose();
    }
}
