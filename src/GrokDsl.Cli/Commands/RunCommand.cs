using System.CommandLine;
using GrokDsl.Cli.Compilation;
using GrokDsl.Cli.Terminal;
using GrokDsl.Overrides;
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
        var json = new Option<bool>("--json") { Description = "Print each run's summary as one JSON line (for scripts) instead of text; progress is not shown." };
        var force = new Option<bool>("--force") { Description = "Train again even if a finished run with the same configuration exists." };
        var set = CommonOptions.Set();
        var sweep = CommonOptions.Sweep();
        var maxRuns = CommonOptions.MaxRuns();
        var watch = new Option<bool>("--watch") { Description = "After the runs, watch the plugin folders and the experiment file, and run again what changed (Ctrl+C stops)." };
        var device = CommonOptions.Device();
        var torchLib = CommonOptions.TorchLib();
        var stack = new Option<bool>("--stack") { Description = "Train the sweep's compatible runs together as stacked models (one batched model per stack); prints the packing." };
        var stackMemory = CommonOptions.StackMemory();

        var command = new Command("run", """
            Train an experiment (every run of its sweep) and write run directories with reports.
            A finished run with the same configuration is reused; an interrupted or killed one resumes
            from its newest valid checkpoint. Ctrl+C or SIGTERM checkpoints and stops (exit code 130),
            a second Ctrl+C aborts at once; SIGUSR1 writes a checkpoint and carries on.

            Examples:
              grokdsl run modular-addition
              grokdsl run experiments/Power2022.cs --id power-2022-addition --runs /scratch/runs
              grokdsl run Tiny.cs --json --quiet
              grokdsl run Tiny.cs --watch
              grokdsl run modular-addition --set Optimizer.WeightDecay=0.3 --sweep Seed=0..4
              grokdsl run nanda-2023 --sweep Seed=0..7 --stack --stack-memory 4G
            """)
        {
            experiment, id, set, sweep, maxRuns, runs, plugins, force, watch, json, device, torchLib, stack, stackMemory,
        };
        command.SetAction(result =>
        {
            if (!CommonOptions.TryParseStackMemory(result.GetValue(stackMemory), result.GetValue(stack), out var stackMemoryBytes))
                return ExitCodes.InvalidExperiment;
            if (CommonOptions.ParseMaxRuns(result.GetValue(maxRuns)) is not { } runLimit) return ExitCodes.InvalidExperiment;
            return Execute(
                result.GetValue(experiment)!, result.GetValue(id), result.GetValue(set) ?? [], result.GetValue(sweep) ?? [], result.GetValue(runs)!,
                result.GetValue(plugins) ?? [], GlobalOptions.Of(result), result.GetValue(json), result.GetValue(force), result.GetValue(watch),
                new Placement(result.GetValue(device), result.GetValue(torchLib), result.GetValue(stack), stackMemoryBytes), runLimit);
        });
        return command;
    }

    /// <summary>
    /// Where and how runs train: the device (else the experiment's), the PyTorch libtorch for CUDA, stacking and its memory
    /// budget (null: measured for the device).
    /// </summary>
    sealed record Placement(string? Device, string? TorchLib, bool Stack, long? StackMemory);

    static int Execute(string experimentArgument, string? id, string[] sets, string[] sweeps, string runsRoot, string[] pluginFolders,
        Verbosity verbosity, bool json, bool force, bool watch, Placement placement, long maxRuns)
    {
        if (ExperimentArguments.Resolve(experimentArgument, id, sets, sweeps, maxRuns, verbosity) is not { } experiment) return ExitCodes.InvalidExperiment;
        var experimentDevice = experiment.ExpandSweep().Select(r => r.ToRunSpec().Training.Device).FirstOrDefault() ?? "cpu";
        if (CommonOptions.SelectDevice(placement.Device, experimentDevice, placement.TorchLib) is not { } device) return ExitCodes.Failed;
        var quiet = verbosity == Verbosity.Quiet || json;

        var experimentFile = File.Exists(experimentArgument) ? Path.GetFullPath(experimentArgument) : null;
        using var interruption = new Interruption();
        using var host = PluginHost.Load(PluginFolders.Default(pluginFolders));
        var reproduce = $"grokdsl run {experimentArgument}{(id is null ? "" : $" --id {id}")}"
                        + string.Concat(sets.Select(s => $" --set {s}")) + string.Concat(sweeps.Select(s => $" --sweep {s}"));
        var firstSweep = RunSweep(experiment, _ => force);
        return watch && !interruption.Token.IsCancellationRequested
            ? RunWatch.Loop(host, experimentFile, experiment, () => ExperimentArguments.Resolve(experimentArgument, id, sets, sweeps, maxRuns, verbosity), RunSweep, interruption.Token)
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
                    var result = Train(spec, experimentFile, host, runsRoot, forceRun(spec), json ? Verbosity.Quiet : verbosity, WriteReport, interruption.Control, device);
                    if (json) PrintJson(result);
                    else PrintResult(result, verbosity == Verbosity.Quiet);
                    exitCode = ExitCodes.MostUrgent(exitCode, ExitCodes.Of(result.Summary.Status));
                }
                catch (Exception e) when (e is ComponentNotFoundException or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"error: {spec.Experiment.Id}/{spec.RunId}: {(verbosity == Verbosity.Verbose ? e.ToString() : e.Message)}");
                    exitCode = ExitCodes.MostUrgent(exitCode, ExitCodes.Failed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Most likely plugin code that threw (a dataset, model or measure); the other runs go on.
                    Console.Error.WriteLine($"error: {spec.Experiment.Id}/{spec.RunId}: {GlobalOptions.Describe(e, verbosity)}");
                    exitCode = ExitCodes.MostUrgent(exitCode, ExitCodes.Failed);
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
                Budget = placement.StackMemory is { } bytes ? StackingBudget.Configured(bytes) : null,
                OnPlanned = plan => { foreach (var line in plan.Describe()) Console.WriteLine(line); },
            };
            try
            {
                var results = executor.Run(specs, runsRoot, specs.Any(forceRun), interruption.Control).Results;
                foreach (var result in results) { if (json) PrintJson(result); else PrintResult(result, quiet); }
                return results.Aggregate(ExitCodes.Ok, (code, r) => ExitCodes.MostUrgent(code, ExitCodes.Of(r.Summary.Status)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"error: {sweep.Info.Id}: {e.GetType().Name}: {e.Message}");
                return ExitCodes.Failed;
            }
        }
    }

    /// <summary>The experiment with the command line's overrides, or null after printing why it cannot be run.</summary>
    static RunResult Train(RunSpec spec, string? experimentFile, PluginHost host, string runsRoot, bool force, Verbosity verbosity,
        Action<RunDirectory> writeReport, RunControl control, SelectedDevice device)
    {
        // Plain lines, not a progress bar, when the output is a log (not a terminal) or every evaluation is wanted.
        if (verbosity != Verbosity.Normal || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var observer = verbosity switch
            {
                Verbosity.Quiet => (ITrainingObserver)new WarningsObserver(Console.Error),
                Verbosity.Verbose => new PlainObserver(Console.Out, TimeSpan.Zero),
                _ => new PlainObserver(Console.Out, TimeSpan.FromSeconds(5)),
            };
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

    // One line per run, so a script can read results as they come (e.g. `| jq .summary.status`).
    static void PrintJson(RunResult result) =>
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            Path = result.Directory.Path,
            result.Reused,
            result.ResumedFromStep,
            Report = result.ReportProblem is null && File.Exists(result.Directory.ReportPath) ? result.Directory.ReportPath : null,
            result.ReportProblem,
            result.Summary,
        }, RunJson.Line));

    static void PrintResult(RunResult result, bool quiet)
    {
        var s = result.Summary;
        var reused = result.Reused ? " (already finished; use --force to train again)"
            : result.ResumedFromStep is { } resumed ? $" (resumed from the checkpoint at step {resumed})" : "";
        Console.WriteLine($"{s.ExperimentId}/{s.RunId}: {s.Status.ToString().ToLowerInvariant()}{reused}");
        // Even when quiet: under --watch or a sweep, plugins may be reloaded between runs, and this is the log of which build each used.
        if (s.Plugins is { Count: > 0 } used) Console.WriteLine($"  plugins: {string.Join(", ", used.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}");
        if (!quiet)
        {
            Console.WriteLine($"  memorized at step {s.MemorizedAtStep?.ToString() ?? "-"}, grokked at step {s.GrokkedAtStep?.ToString() ?? "-"}");
            Console.WriteLine($"  final train {s.FinalTrainAccuracy:P2}, test {s.FinalTestAccuracy:P2}; {s.FinalStep} steps in {s.WallSeconds:0.0} s ({s.StepsPerSecond:0} steps/s, {s.Device})");
            if (s.Divergence is not null) Console.WriteLine($"  diverged: {s.Divergence}");
        }
        Console.WriteLine(ReportLine(result));
    }

    // Only a report that is there is pointed at; a failed one says why (the warning above has the details).
    static string ReportLine(RunResult result) =>
        result.ReportProblem is { } problem ? $"  report not written: {problem}"
        : File.Exists(result.Directory.ReportPath) ? $"  report: {result.Directory.ReportPath}"
        : $"  report not written: there is no {RunDirectory.ReportFile}; `grokdsl report {result.Directory.Path}` writes it";
}
