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
/// with <see cref="RunExecutor"/>. Every stacked run gets an ordinary run directory: configuration, environment,
/// metrics stream, summary and report as a run made alone writes them (stacked runs write no checkpoints yet, and
/// an unfinished run starts over instead of resuming). Finished runs are reused unless <c>force</c> is set.
/// </summary>
public sealed class StackedSweepExecutor(PluginHost plugins, ITrainingObserver observer, Action<RunDirectory>? writeReport = null)
{
    /// <summary>The experiment's source file, recorded in each run's environment.json.</summary>
    public string? ExperimentFile { get; init; }

    public SelectedDevice Device { get; init; } = SelectedDevice.Cpu;

    public StackingBudget Budget { get; init; } = StackingBudget.Default;

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
            if (!force && RunExecutor.FinishedSummary(directory) is { } done)
                results[i] = new RunResult(directory, done, Reused: true);
            else pending.Add(specs[i]);
        }

        plugins.Refresh();
        var plan = StackPlanner.Plan(pending, plugins, Budget);
        OnPlanned?.Invoke(plan);
        var finished = new Dictionary<RunSpec, RunResult>(ReferenceEqualityComparer.Instance);
        foreach (var stack in plan.Stacks)
        {
            if (control.Stop.IsCancellationRequested) break;
            foreach (var result in RunStack(stack.Runs, runsRoot, control)) finished[result.Spec] = result.Result;
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

    /// <summary>Trains runs that <see cref="StackPlanner"/> found compatible as one stacked model.</summary>
    public IReadOnlyList<(RunSpec Spec, RunResult Result)> RunStack(IReadOnlyList<RunSpec> specs, string runsRoot, RunControl control)
    {
        using var pluginsInUse = plugins.Lease(specs.SelectMany(s => new[] { s.Dataset, s.Model }.Concat(s.Measures)));
        var components = new List<TrainingComponents>();
        var metrics = new List<MetricsFile>();
        try
        {
            foreach (var spec in specs) components.Add(TrainingComponents.Create(spec, plugins, Device.Device));
            using var model = CreateStackedModel(specs, components);

            var directories = specs.Select(s => RunDirectory.For(runsRoot, s.Experiment.Id, s.RunId)).ToList();
            for (var r = 0; r < specs.Count; r++)
            {
                var directory = directories[r];
                new CheckpointStore(directory.Path).Clear(); // they would not match the metrics a restart writes
                RunExecutor.Begin(directory, specs[r], components[r], ExperimentFile, Device, observer);
                metrics.Add(MetricsFile.Create(directory.MetricsPath));
                observer.OnStarted(specs[r], directory);
            }

            var runs = specs.Select((s, r) => new StackedRun(s, components[r], metrics[r])).ToList();
            try
            {
                using var trainer = new StackedTrainer(runs, model, observer);
                trainer.Run(control);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                for (var r = 0; r < specs.Count; r++)
                    directories[r].WriteSummary(RunExecutor.FailedSummary(specs[r], components[r], e, Device.Name));
                throw;
            }
            foreach (var file in metrics) file.Dispose();
            metrics.Clear();

            var results = new List<(RunSpec, RunResult)>();
            for (var r = 0; r < specs.Count; r++)
            {
                var summary = RunExecutor.Summarize(specs[r], runs[r].Outcome(), components[r], Device.Name);
                directories[r].WriteSummary(summary);
                WriteReport(directories[r]);
                observer.OnFinished(summary, directories[r]);
                results.Add((specs[r], new RunResult(directories[r], summary, Reused: false)));
            }
            return results;
        }
        finally
        {
            foreach (var file in metrics) file.Dispose();
            foreach (var component in components) component.Dispose();
        }
    }

    // The stacked model, holding in slice r the initial parameters run r's own model got from its seed.
    nn.Module<Tensor, Tensor> CreateStackedModel(IReadOnlyList<RunSpec> specs, IReadOnlyList<TrainingComponents> components)
    {
        var provider = plugins.Model(specs[0].Model.Id) as IStackableModelProvider
            ?? throw new ArgumentException($"Model '{specs[0].Model.Id}' does not support stacking.");
        var dtype = specs[0].Training.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var model = provider.CreateStacked(specs[0].Model.Options, new ModelContext(components[0].Data.Shape, dtype), specs.Count);
        model.to(Device.Device);
        using var _ = no_grad();
        var stacked = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        for (var r = 0; r < specs.Count; r++)
        {
            var own = components[r].Model.named_parameters().ToList();
            if (own.Count != stacked.Count || own.Any(p => !stacked.ContainsKey(p.name)))
                throw new InvalidOperationException(
                    $"Model '{specs[0].Model.Id}': the stacked model's parameters ({string.Join(", ", stacked.Keys)}) do not match a run's ({string.Join(", ", own.Select(p => p.name))}).");
            foreach (var (name, parameter) in own)
            {
                using var slice = stacked[name][r];
                slice.copy_(parameter);
            }
        }
        return model;
    }

    void WriteReport(RunDirectory directory) => RunExecutor.WriteReportSafely(writeReport, observer, directory);
}
