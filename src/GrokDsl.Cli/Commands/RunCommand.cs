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
        var metricsGap = CommonOptions.MetricsGap();
        var watch = new Option<bool>("--watch") { Description = "After the runs, watch the plugin folders and the experiment file, and run again what changed (Ctrl+C stops)." };
        var placement = CommonOptions.Placement(
            "Train the sweep's compatible runs together as stacked models (one batched model per stack); prints the packing.");

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
            experiment, id, set, sweep, maxRuns, runs, plugins, force, watch, json,
        };
        foreach (var option in placement.All.Concat(metricsGap.All)) command.Options.Add(option);
        command.SetAction(result =>
        {
            if (placement.Parse(result) is not { } where) return ExitCodes.InvalidExperiment;
            if (CommonOptions.ParseMaxRuns(result.GetValue(maxRuns)) is not { } runLimit) return ExitCodes.InvalidExperiment;
            if (metricsGap.Parse(result) is not { } onMetricsGap) return ExitCodes.InvalidExperiment;
            return Execute(
                result.GetValue(experiment)!, result.GetValue(id), result.GetValue(set) ?? [], result.GetValue(sweep) ?? [], result.GetValue(runs)!,
                result.GetValue(plugins) ?? [], GlobalOptions.Of(result), result.GetValue(json), result.GetValue(force), result.GetValue(watch),
                where, runLimit, onMetricsGap);
        });
        return command;
    }

    static int Execute(string experimentArgument, string? id, string[] sets, string[] sweeps, string runsRoot, string[] pluginFolders,
        Verbosity verbosity, bool json, bool force, bool watch, Placement placement, long maxRuns, MetricsGapPolicy onMetricsGap)
    {
        var reference = ExperimentReference.From(experimentArgument, id, sets, sweeps);
        if (SweepExperiment.Plan(reference, runsRoot, pluginFolders, placement, maxRuns, verbosity) is not { } plan) return ExitCodes.InvalidExperiment;
        if (CommonOptions.SelectDevice(placement) is not { } device) return ExitCodes.InvalidExperiment;
        using var interruption = new Interruption();
        using var host = PluginHost.Load(PluginFolders.Default(plan.PluginFolders));
        if (!Preflight.Passes(plan, host) || !Preflight.ResumesPass(plan, onMetricsGap, force: _ => force)) return ExitCodes.InvalidExperiment;
        var quiet = verbosity == Verbosity.Quiet || json;
        // Plain lines, not a progress bar, when the output is a log (not a terminal), every evaluation is wanted, or runs train stacked.
        var progressBar = verbosity == Verbosity.Normal && !json && !placement.Stack && AnsiConsole.Profile.Capabilities.Interactive;
        var observer = new CurrentRunObserver(verbosity switch
        {
            _ when json || verbosity == Verbosity.Quiet => new WarningsObserver(Console.Error),
            Verbosity.Verbose => new PlainObserver(Console.Out, TimeSpan.Zero),
            _ => new PlainObserver(Console.Out, TimeSpan.FromSeconds(5)),
        });
        var results = new RunResultPrinter(json, quiet, verbosity);
        var coordinator = new RunCoordinator(host, observer, placement, device)
        {
            ExperimentFile = plan.Reference.File,
            WriteReport = directory => RunReports.Write(directory),
            Policy = new SweepPolicy(Retries: 0, OnMetricsGap: onMetricsGap),
            Log = results,
        };

        if (!quiet) GrokDsl.Cli.Dashboard.DashboardDiscovery.PrintUrl(runsRoot, Console.Out);
        var firstSweep = RunSweep(plan.Experiment, _ => force);
        return watch && !interruption.Token.IsCancellationRequested
            ? RunWatch.Loop(host, plan.Reference.File, plan.Experiment, () => ExperimentArguments.Resolve(experimentArgument, id, sets, sweeps, maxRuns, verbosity), RunSweep, interruption.Token)
            : firstSweep;

        int RunSweep(IExperiment experiment, Func<RunSpec, bool> forceRun)
        {
            var sweep = experiment == plan.Experiment ? plan : RunPlan.Create(experiment, reference, runsRoot, pluginFolders, placement);
            // A sweep is known by its manifest and gets a report over exactly its runs; a single run is its own report.
            var exitCode = Train(sweep, forceRun);
            if (sweep.Runs.Count > 1) RunReports.WriteSweep(sweep, "run", json ? Console.Error : Console.Out, Console.Error);
            return exitCode;
        }

        int Train(RunPlan sweep, Func<RunSpec, bool> forceRun)
        {
            if (!progressBar) return coordinator.Train(sweep, interruption.Control, force: forceRun).ExitCode;
            var exitCode = ExitCodes.Ok;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .Start(context =>
                {
                    using var _ = observer.Use(new ProgressBarObserver(context));
                    exitCode = coordinator.Train(sweep, interruption.Control, force: forceRun).ExitCode;
                });
            return exitCode;
        }
    }

    /// <summary>Each run's result as it ends (text, or one JSON line), and errors as <c>error: RUN: message</c>.</summary>
    sealed class RunResultPrinter(bool json, bool quiet, Verbosity verbosity) : ISweepLog
    {
        public void OnPluginsChanged(string nextRun, GrokDsl.Runtime.Plugins.PluginRefresh refresh) =>
            Console.WriteLine(SweepLogWriter.Describe(nextRun, refresh));

        public void OnPacked(StackPlan packing)
        {
            if (!json) foreach (var line in packing.Describe()) Console.WriteLine(line);
        }

        // Invalid input gets its message; anything else is most likely plugin code that threw (a dataset, model or measure).
        public void OnAttemptFailed(string what, int attempt, int attempts, Exception e, bool retrying) =>
            Console.Error.WriteLine($"error: {what}: " + (e is ComponentNotFoundException or ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException
                ? verbosity == Verbosity.Verbose ? e.ToString() : e.Message
                : GlobalOptions.Describe(e, verbosity)));

        public void OnRunEnded(SweepEntry entry, int position, int count)
        {
            if (entry.Result is not { } result) return;
            if (json) PrintJson(result);
            else PrintResult(result, quiet);
        }
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
