using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Loop;
using GrokDsl.Runtime.Objectives;
using GrokDsl.Runtime.Optimization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Engines;

/// <summary>
/// One run trained by its experiment's TorchSharp optimizer, gradient transforms and loss: the engine of a run made
/// alone. Its checkpoints hold the module, the optimizer's state dict and torch's generator state as they are now.
/// </summary>
public sealed class TorchSharpEngine : IStepEngine
{
    readonly LoopRun _run;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly OptimizerHelper _optimizer;
    readonly IReadOnlyList<Parameter> _parameters;
    readonly IReadOnlyList<IGradientTransform> _transforms;
    readonly ITrainingObjective _objective;
    Tensor? _inputs, _logits, _targets, _loss;
    bool _modelLent;

    /// <param name="warmStart">The checkpoint of another run to begin from (<see cref="InitializeFrom"/>), when the run does not resume.</param>
    public TorchSharpEngine(LoopRun run, Checkpoint? warmStart = null)
    {
        (_run, _model) = (run, run.Components.Model);
        _parameters = [.. _model.parameters()];
        _optimizer = OptimizerFactory.Create(run.Spec.Optimizer, _parameters);
        _transforms = GradientTransforms.For(run.Spec.Optimizer);
        _objective = TrainingObjective.For(run.Spec.Training, run.Components.Data.Shape);
        if (run.ResumeFrom is { } checkpoint)
        {
            RunCheckpoints.ReadModel(checkpoint, _model);
            RunCheckpoints.ReadOptimizer(checkpoint, _optimizer);
            using (var reader = RunCheckpoints.OpenGradientTransforms(checkpoint))
                foreach (var transform in _transforms) transform.Load(reader, _parameters);
            Engine.RestoreRng(checkpoint.State.TorchRngState);
            run.RestoreProgress(checkpoint);
            StartStep = checkpoint.State.Step;
        }
        else if (warmStart is not null) Initialize(warmStart, run.Spec.Training.InitializeFrom?.OptimizerState == true);
        _model.train();
    }

    public long StartStep { get; }

    // The source's parameters (and moments), nothing else: the run's data split, batch order and events are its own.
    void Initialize(Checkpoint source, bool withOptimizer)
    {
        try
        {
            RunCheckpoints.ReadModel(source, _model);
            if (withOptimizer) RunCheckpoints.ReadOptimizer(source, _optimizer);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException(
                $"Training.InitializeFrom: {source.Folder}: cannot start this run from it ({e.GetType().Name}: {e.Message}); its model must have the same shapes" +
                (withOptimizer ? " and its optimizer the same kind" : ""), e);
        }
    }

    // Linear warmup as a pure function of the step, so a resumed run needs no scheduler state.
    public void SetLearningRates(long step)
    {
        var rate = OptimizerFactory.LearningRateAt(_run.Spec.Optimizer, step, _run.Spec.Stopping.MaxSteps);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = rate;
    }

    public (double[] Loss, double[] Accuracy) EvaluateTest()
    {
        var data = _run.Components.Data;
        var (loss, accuracy) = Evaluate(data.TestInputs, data.TestTargets);
        return ([loss], [accuracy]);
    }

    public IReadOnlyDictionary<string, SplitMetrics>?[] EvaluateExtraSplits()
    {
        var splits = _run.Components.Data.ExtraSplits;
        if (splits.Count == 0) return [null];
        var metrics = new Dictionary<string, SplitMetrics>();
        foreach (var split in splits)
        {
            var (loss, accuracy) = Evaluate(split.Inputs, split.Targets);
            metrics[split.Name] = new SplitMetrics(loss, accuracy);
        }
        return [metrics];
    }

    (double Loss, double Accuracy) Evaluate(Tensor inputs, Tensor targets)
    {
        using var _ = no_grad();
        _model.eval();
        var logits = _model.forward(inputs);
        var loss = _objective.Loss(logits, targets).to_type(ScalarType.Float64).item<double>();
        var accuracy = _objective.Accuracy(_model, inputs, targets, logits);
        _model.train();
        return (loss, accuracy);
    }

    public void Forward()
    {
        var (inputs, targets) = _run.Sampler.Next();
        _optimizer.zero_grad();
        _logits = _model.forward(inputs);
        (_inputs, _targets) = (inputs, targets);
        _loss = _objective.Loss(_logits, targets);
        _modelLent = false;
    }

    public double[] TrainLosses() => [_loss!.to_type(ScalarType.Float64).item<double>()];

    public Tensor TrainLossTensor => _loss!;

    public double[] TrainAccuracies() => [_objective.Accuracy(_model, _inputs!, _targets!, _logits!)];

    public string? ParameterDivergence(int run, long step) =>
        DivergenceCheck.InParameters(step, _model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));

    public nn.Module<Tensor, Tensor> ModelOf(int run)
    {
        _modelLent = true;
        return _model;
    }

    public void Step(IReadOnlyList<LoopRun> runs)
    {
        // A measure may change parameters in place and restore them (neuron pruning does): their values are this
        // step's again, but autograd refuses the graph it saved, so the same batch goes forward once more.
        if (_modelLent) _loss = _objective.Loss(_logits = _model.forward(_inputs!), _targets!);
        _loss!.backward();
        foreach (var transform in _transforms) transform.Apply(_parameters);
        _optimizer.step();
    }

    public void Discard(int run) { }

    public RunSnapshot Snapshot(LoopRun run, long step, double wallSeconds) => new(
        writer => _model.save(writer),
        writer => _optimizer.save_state_dict(writer),
        writer =>
        {
            foreach (var transform in _transforms) transform.Save(writer);
        },
        run.Tracker, wallSeconds, RunCheckpoints.CurrentRngState(), run.Sampler.Save());

    public void Dispose()
    {
        foreach (var transform in _transforms) transform.Dispose();
        _optimizer.Dispose();
    }
}
