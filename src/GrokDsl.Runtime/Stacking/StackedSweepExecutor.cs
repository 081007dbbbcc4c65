using GrokDsl.Configuration;
using GrokDsl.Contracts;
using GrokDsl.Runs;
using GrokDsl.Runtime.Checkpoints;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Plugins;
using TorchSharp;
using static TorchSharp.torch;

namespace GrokDsl.Runtime.Stacking;

/// <summary>What came of a stacked sweep: the packing, and one result per run in the order asked.</summary>
public sealed record StackedSweepResult(StackPlan Plan, IReadOnlyList<RunResult> Results);

/// <summary>
/// Trains a sweep's runs, stacking those that can (<see cref="StackPlanner"/>) and running the rest one by one
/// with <see cref="RunExecutor"/>. Every stacked run gets an ordinary run directory, exactly as a run made alone
/// writes it: configuration, environment, metrics stream, checkpoints, summary and report. Finished runs are reused
/// unless <c>force</c> is set; unfinished ones resume from their newest valid checkpoint, stacked with the runs that
/// continue from the same step (or alone), and <c>force</c> starts them over.
/// </summary>
public sealed class StackedSweepExecutor(PluginHost plugins, ITrainingObserver observer, Action<RunDirectory>? writeReport = null)
{
    /// <summary>The experiment's source file, recorded in each run's environment.json.</summary>
    public string? ExperimentFile { get; init; }

    public SelectedDevice Device { get; init; } = SelectedDevice.Cpu;

    /// <summary>The packing's memory budget; unset, it is measured for <see cref="Device"/> when the sweep is planned (<see cref="StackingBudget.For"/>).</summary>
    public StackingBudget? Budget { get; init; }

    /// <summary>Called with the packing before anything trains, e.g. to print it.</summary>
    public Action<StackPlan>? OnPlanned { get; init; }

    public StackedSweepResult Run(IReadOnlyList<RunSpec> specs, string runsRoot, bool force, RunControl control)
    {
        var results = new RunResult?[specs.Count];
        var pending = new List<RunSpec>();
        for (var i = 0; i < specs.Count; i++)
        {
            var directory = RunDirectory.For(runsRoot, specs[i].Experiment.Id, specs[i].RunId);
            RunExecutor.CheckStoredConfiguration(directory, specs[i]);
            if (!force && RunExecutor.FinishedSummary(directory, observer.OnWarning) is { } done)
                results[i] = new RunResult(directory, done, Reused: true);
            else pending.Add(specs[i]);
        }

        plugins.Refresh();
        var plan = StackPlanner.Plan(pending, plugins, Budget ?? StackingBudget.For(Device), force ? null : spec => ResumeStep(spec, runsRoot));
        OnPlanned?.Invoke(plan);
        var finished = new Dictionary<RunSpec, RunResult>(ReferenceEqualityComparer.Instance);
        foreach (var stack in plan.Stacks)
        {
            if (control.Stop.IsCancellationRequested) break;
            foreach (var result in RunStack(stack.Runs, runsRoot, control, resume: !force)) finished[result.Spec] = result.Result;
        }
        var alone = new RunExecutor(plugins, observer, writeReport) { ExperimentFile = ExperimentFile, Device = Device };
        foreach (var run in plan.Alone)
        {
            if (control.Stop.IsCancellationRequested) break;
            finished[run.Run] = alone.Execute(run.Run, runsRoot, force, control);
        }

        for (var i = 0; i < specs.Count; i++)
            if (results[i] is null && finished.TryGetValue(specs[i], out var result)) results[i] = result;
        return new StackedSweepResult(plan, [.. results.OfType<RunResult>()]);
    }

    // The step a run's newest valid checkpoint would resume it from, for packing; its warnings come when it is loaded.
    static long? ResumeStep(RunSpec spec, string runsRoot) =>
        new CheckpointStore(RunDirectory.For(runsRoot, spec.Experiment.Id, spec.RunId).Path).LoadLatest(_ => { })?.State.Step;

    /// <summary>
    /// Trains runs that <see cref="StackPlanner"/> found compatible as one stacked model. With <paramref name="resume"/>,
    /// each continues from its newest valid checkpoint (they must all be at one step); otherwise they start over and
    /// their old checkpoints are removed.
    /// </summary>
    public IReadOnlyList<(RunSpec Spec, RunResult Result)> RunStack(IReadOnlyList<RunSpec> specs, string runsRoot, RunControl control, bool resume = false)
    {
        using var pluginsInUse = plugins.Lease(specs.SelectMany(s => new[] { s.Dataset, s.Model }.Concat(s.Measures)));
        var components = new List<TrainingComponents>();
        var rngStates = new List<string>();
        var runs = new List<StackedRun>();
        var metrics = new List<MetricsFile>();
        try
        {
            foreach (var spec in specs)
            {
                components.Add(TrainingComponents.Create(spec, plugins, Device.Device));
                rngStates.Add(RunCheckpoints.CurrentRngState());
            }
            using var model = CreateStackedModel(specs, components);

            var directories = specs.Select(s => RunDirectory.For(runsRoot, s.Experiment.Id, s.RunId)).ToList();
            for (var r = 0; r < specs.Count; r++)
            {
                var directory = directories[r];
                var checkpoints = new CheckpointStore(directory.Path);
                if (!resume) checkpoints.Clear();
                var resumeFrom = checkpoints.LoadLatest(observer.OnWarning);
                RunExecutor.Begin(directory, specs[r], components[r], ExperimentFile, Device, observer);
                metrics.Add(resumeFrom is null ? MetricsFile.Create(directory.MetricsPath) : MetricsFile.Resume(directory.MetricsPath, resumeFrom.State.Step, observer.OnWarning));
                runs.Add(new StackedRun(specs[r], components[r], metrics[r], checkpoints, rngStates[r], resumeFrom, observer));
                observer.OnStarted(specs[r], directory);
            }

            try
            {
                using var trainer = new StackedTrainer(runs, model, observer);
                trainer.Run(control);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                for (var r = 0; r < specs.Count; r++)
                    directories[r].WriteSummary(RunExecutor.FailedSummary(specs[r], components[r], e, Device.Name, metrics[r].LastAppended));
                throw;
            }
            foreach (var file in metrics) file.Dispose();
            metrics.Clear();

            var results = new List<(RunSpec, RunResult)>();
            for (var r = 0; r < specs.Count; r++)
            {
                var summary = RunExecutor.Complete(
                    directories[r], RunExecutor.Summarize(specs[r], runs[r].Outcome(), components[r], Device.Name), specs[r].Training, observer, writeReport, out var reportProblem);
                results.Add((specs[r], new RunResult(directories[r], summary, Reused: false, runs[r].ResumeFrom?.State.Step, reportProblem)));
            }
            return results;
        }
        finally
        {
            foreach (var file in metrics) file.Dispose();
            foreach (var run in runs) run.Dispose();
            foreach (var component in components) component.Dispose();
        }
    }

    // The stacked model, its parameters checked against each run's by name (StackedTrainer fills the slices).
    nn.Module<Tensor, Tensor> CreateStackedModel(IReadOnlyList<RunSpec> specs, IReadOnlyList<TrainingComponents> components)
    {
        var provider = plugins.Model(specs[0].Model.Id) as IStackableModelProvider
            ?? throw new ArgumentException($"Model '{specs[0].Model.Id}' does not support stacking.");
        var dtype = specs[0].Training.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var model = provider.CreateStacked(specs[0].Model.Options, new ModelContext(components[0].Data.Shape, dtype), specs.Count);
        model.to(Device.Device);
        var stacked = model.named_parameters().Select(p => p.name).ToHashSet();
        foreach (var own in components.Select(c => c.Model.named_parameters().Select(p => p.name).ToList()))
            if (own.Count != stacked.Count || !own.All(stacked.Contains))
                throw new InvalidOperationException(
                    $"Model '{specs[0].Model.Id}': the stacked model's parameters ({string.Join(", ", stacked)}) do not match a run's ({string.Join(", ", own)}).");
        return model;
    }
}
