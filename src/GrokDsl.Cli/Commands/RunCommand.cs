using System.CommandLine;
using GrokDsl.Cli.Compilation;
using GrokDsl.Cli.Terminal;
using GrokDsl.Reporting;
using GrokDsl.Runs;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Execution;
using GrokDsl.Runtime.Stacking;
using GrokDsl.Runtime.Plugins;
using Spectre.Console;

namespace GrokDsl.Cli.Commands;

/// <summary><c>grokdsl run EXPERIMENT</c>: train every run of an experiment (on the CPU unless --device says otherwise, stacked with --stack) and report it.</summary>
static class RunCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "An experiment file (.cs) or the id of a built-in experiment." };
        var id = new Option<string?>("--id") { Description = "Which experiment to run when the file declares several." };
        var runs = CommonOptions.Runs();
        var plugins = CommonOptions.Plugins();
        var quiet = CommonOptions.Quiet();
        var force = new Option<bool>("--force") { Description = "Train again even if a finished run with the same configuration exists." };
        var watch = new Option<bool>("--watch") { Description = "After the runs, watch the plugin folders and the experiment file, and run again what changed (Ctrl+C stops)." };
        var device = CommonOptions.Device();
        var torchLib = CommonOptions.TorchLib();
        var stack = new Option<bool>("--stack") { Description = "Train the sweep's compatible runs together as stacked models (one batched model per stack); prints the packing." };

        var command = new Command("run", "Train an experiment (every run of its sweep) and write run directories with reports.")
        {
            experiment, id, runs, plugins, quiet, force, watch, device, torchLib, stack,
        };
        command.SetAction(result => Execute(
            result.GetValue(experiment)!, result.GetValue(id), result.GetValue(runs)!,
            result.GetValue(plugins) ?? [], result.GetValue(quiet), result.GetValue(force), result.GetValue(watch),
            new Placement(result.GetValue(device), result.GetValue(torchLib), result.GetValue(stack))));
        return command;
    }

    /// <summary>Where and how runs train: the device (else the experiment's), the PyTorch libtorch for CUDA, stacking.</summary>
    sealed record Placement(string? Device, string? TorchLib, bool Stack);

    static int Execute(string experimentArgument, string? id, string runsRoot, string[] pluginFolders, bool quiet, bool force, bool watch, Placement placement)
    {
        if (Resolve(experimentArgument, id) is not { } experiment) return ExitCodes.InvalidExperiment;
        var experimentDevice = experiment.ExpandSweep().Select(r => r.ToRunSpec().Training.Device).FirstOrDefault() ?? "cpu";
        if (CommonOptions.SelectDevice(placement.Device, experimentDevice, placement.TorchLib) is not { } device) return ExitCodes.Failed;

        var experimentFile = File.Exists(experimentArgument) ? Path.GetFullPath(experimentArgument) : null;
        using var interruption = new Interruption();
        using var host = PluginHost.Load(PluginFolders.Default(pluginFolders));
        var reproduce = $"grokdsl run {experimentArgument}{(id is null ? "" : $" --id {id}")}";
        var firstSweep = RunSweep(experiment, _ => force);
        return watch && !interruption.Token.IsCancellationRequested
            ? RunWatch.Loop(host, experimentFile, experiment, () => Resolve(experimentArgument, id), RunSweep, interruption.Token)
            : firstSweep;

        int RunSweep(IExperiment sweep, Func<RunSpec, bool> forceRun)
        {
            void WriteReport(RunDirectory directory) =>
                RunReportWriter.WriteTo(directory, RunReport.Load(directory, reproduce, sweep.Info.Source));

            if (placement.Stack) return RunStacked(sweep, forceRun);
            var exitCode = ExitCodes.Ok;
            foreach (var run in sweep.ExpandSweep())
            {
                var spec = run.ToRunSpec();
                try
                {
                    var result = Train(spec, experimentFile, host, runsRoot, forceRun(spec), quiet, WriteReport, interruption.Control, device);
                    PrintResult(result, quiet);
                    exitCode = Math.Max(exitCode, result.Summary.Status switch
                    {
                        RunStatus.Diverged => ExitCodes.Diverged,
                        RunStatus.Interrupted => ExitCodes.Interrupted,
                        _ => ExitCodes.Ok,
                    });
                }
                catch (Exception e) when (e is ComponentNotFoundException or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"error: {spec.Experiment.Id}/{spec.RunId}: {e.Message}");
                    exitCode = Math.Max(exitCode, ExitCodes.Failed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Most likely plugin code that threw (a dataset, model or measure); the other runs go on.
                    Console.Error.WriteLine($"error: {spec.Experiment.Id}/{spec.RunId}: {e.GetType().Name}: {e.Message}");
                    exitCode = Math.Max(exitCode, ExitCodes.Failed);
                }
                if (interruption.Token.IsCancellationRequested) break;
            }
            return exitCode;
        }

        // Stacked: one executor for the whole sweep; its packing is printed before training starts.
        int RunStacked(IExperiment sweep, Func<RunSpec, bool> forceRun)
        {
            void WriteReport(RunDirectory directory) =>
                RunReportWriter.WriteTo(directory, RunReport.Load(directory, reproduce, sweep.Info.Source));
            var specs = sweep.ExpandSweep().Select(r => r.ToRunSpec()).ToList();
            var executor = new StackedSweepExecutor(host, quiet ? SilentObserver.Instance : new PlainObserver(Console.Out, TimeSpan.FromSeconds(5)), WriteReport)
            {
                ExperimentFile = experimentFile,
                Device = device,
                OnPlanned = plan => { foreach (var line in plan.Describe()) Console.WriteLine(line); },
            };
            try
            {
                var results = executor.Run(specs, runsRoot, specs.Any(forceRun), interruption.Control).Results;
                foreach (var result in results) PrintResult(result, quiet);
                return results.Select(r => r.Summary.Status switch
                {
                    RunStatus.Diverged => ExitCodes.Diverged,
                    RunStatus.Interrupted => ExitCodes.Interrupted,
                    RunStatus.Failed => ExitCodes.Failed,
                    _ => ExitCodes.Ok,
                }).DefaultIfEmpty(ExitCodes.Ok).Max();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"error: {sweep.Info.Id}: {e.GetType().Name}: {e.Message}");
                return ExitCodes.Failed;
            }
        }
    }

    /// <summary>The experiment, or null after printing why it cannot be run.</summary>
    static IExperiment? Resolve(string experimentArgument, string? id)
    {
        try
        {
            return new ExperimentResolver(new ExperimentCompiler(ExperimentCompiler.DefaultCacheFolder)).Resolve(experimentArgument, id);
        }
        catch (CompilationFailedException e)
        {
            foreach (var line in e.Diagnostics) Console.Error.WriteLine(line);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
        return null;
    }

    static RunResult Train(RunSpec spec, string? experimentFile, PluginHost host, string runsRoot, bool force, bool quiet,
        Action<RunDirectory> writeReport, RunControl control, SelectedDevice device)
    {
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var observer = quiet ? (ITrainingObserver)SilentObserver.Instance : new PlainObserver(Console.Out, TimeSpan.FromSeconds(5));
            return new RunExecutor(host, observer, writeReport) { ExperimentFile = experimentFile, Device = device }.Execute(spec, runsRoot, force, control);
        }

        RunResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(context =>
            {
                var task = context.AddTask($"{spec.Experiment.Id}/{spec.RunId}", maxValue: spec.Stopping.MaxSteps);
                result = new RunExecutor(host, new ProgressBarObserver(task), writeReport) { ExperimentFile = experimentFile, Device = device }.Execute(spec, runsRoot, force, control);
            });
        return result!;
    }

    static void PrintResult(RunResult result, bool quiet)
    {
        var s = result.Summary;
        var reused = result.Reused ? " (already finished; use --force to train again)"
            : result.ResumedFromStep is { } resumed ? $" (resumed from the checkpoint at step {resumed})" : "";
        Console.WriteLine($"{s.ExperimentId}/{s.RunId}: {s.Status.ToString().ToLowerInvariant()}{reused}");
        if (!quiet)
        {
            Console.WriteLine($"  memorized at step {s.MemorizedAtStep?.ToString() ?? "-"}, grokked at step {s.GrokkedAtStep?.ToString() ?? "-"}");
            Console.WriteLine($"  final train {s.FinalTrainAccuracy:P2}, test {s.FinalTestAccuracy:P2}; {s.FinalStep} steps in {s.WallSeconds:0.0} s ({s.StepsPerSecond:0} steps/s, {s.Device})");
            if (s.Divergence is not null) Console.WriteLine($"  diverged: {s.Divergence}");
        }
        Console.WriteLine($"  report: {result.Directory.ReportPath}");
    }
}
