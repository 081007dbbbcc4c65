using System.CommandLine;
using GrokDsl.Cli.Launchers;
using GrokDsl.Cli.Launchers.Slurm;
using GrokDsl.Runtime.Devices;
using GrokDsl.Runtime.Plugins;
using GrokDsl.Runtime.Stacking;

namespace GrokDsl.Cli.Commands;

/// <summary>
/// <c>grokdsl sweep EXPERIMENT [--launcher local|slurm]</c>: every run of a sweep, here or as a Slurm
/// job array; <c>sweep status</c> shows where the runs are; <c>sweep task</c> is what an array task runs.
/// </summary>
static class SweepCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "An experiment file (.cs) or the id of a built-in experiment." };
        var id = new Option<string?>("--id") { Description = "Which experiment to run when the file declares several." };
        var launcher = new Option<string>("--launcher")
        {
            Description = "local: train the runs here, one after the other; slurm: submit one job array task per run (per stack with --stack).",
            DefaultValueFactory = _ => "local",
        };
        launcher.AcceptOnlyFromAmong("local", "slurm");
        var (runs, plugins) = (CommonOptions.Runs(), CommonOptions.Plugins());
        var (set, sweep) = (CommonOptions.Set(), CommonOptions.Sweep());
        var partition = new Option<string?>("--partition", "-p") { Description = "Slurm partition." };
        var time = new Option<string?>("--time", "-t") { Description = "Time limit per array task, in Slurm's format (30, 2:00:00, 1-00:00:00). Runs that need longer checkpoint and requeue themselves." };
        var gpus = new Option<int?>("--gpus-per-task") { Description = "GPUs per array task." };
        var cpus = new Option<int?>("--cpus-per-task", "-c") { Description = "CPU cores per array task." };
        var memory = new Option<string?>("--mem") { Description = "Memory per array task, in Slurm's format (8G)." };
        var maxRunning = new Option<int?>("--max-running", "--array-parallelism") { Description = "At most this many array tasks run at once (the %M of --array)." };
        var account = new Option<string?>("--account", "-A") { Description = "Slurm account to charge." };
        var warning = new Option<int>("--warning-seconds")
        {
            Description = "Seconds before the time limit at which Slurm sends USR1; the task checkpoints, requeues itself and resumes later.",
            DefaultValueFactory = _ => SlurmOptions.DefaultWarningSeconds,
        };
        var grokdsl = new Option<string?>("--grokdsl") { Description = "The grokdsl executable the array tasks run (default: this one, by absolute path)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the sbatch script instead of submitting it." };
        var retries = RetriesOption();
        var json = new Option<bool>("--json") { Description = "Print the runs' outcome as JSON instead of a table (progress goes to the error stream). Local launcher only." };
        var placement = CommonOptions.Placement(
            "Train compatible runs together as stacked models (one batched model per stack); with slurm, one array task per stack " +
            "and one per run left alone. Stacked runs checkpoint as runs made alone do: a requeued or interrupted stack resumes its unfinished runs.");
        var maxRuns = CommonOptions.MaxRuns();
        var metricsGap = CommonOptions.MetricsGap();
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first run that fails (after its retries); the runs after it are not started. Local launcher only." };

        var command = new Command("sweep", """
            Train every run of an experiment's sweep, here or as a Slurm job array. Runs land in
            <runs>/<experiment-id>/<run-id>/. Running the same sweep again skips finished runs, resumes
            interrupted ones from their checkpoint, and starts failed ones again (each run gets --retries
            more attempts per invocation). Ends with a table of the runs.
            --stack packs compatible runs (same model shape, data and training settings; AdamW) into
            stacked models that train together, and with --launcher slurm submits one array task per stack.
            Stacks are sized to a memory budget: --stack-memory, else half the memory available to the process.
            Stacked runs checkpoint as runs made alone do, so a stacked task that is requeued (time limit,
            preemption) resumes its unfinished runs from their checkpoints.
            --device picks where the runs train (cpu by default; with --launcher slurm, --gpus-per-task means cuda), and
            array tasks get it on their command line. Each sweep records its runs in <runs>/<experiment-id>/sweep-<sweep-id>.json
            and writes sweep-<sweep-id>.html over exactly those runs.
            Exit codes: 0 every run grokked or was censored, 1 a run failed, 2 invalid experiment or options,
            3 a run diverged, 130 interrupted (the most urgent wins: 130, then 1, then 3).

            Examples:
              grokdsl sweep experiments/Power2022.cs
              grokdsl sweep experiments/Power2022.cs --retries 2 --fail-fast
              grokdsl sweep modular-addition --sweep Seed=0..7 --set Optimizer.WeightDecay=0.3 --stack
              grokdsl sweep nanda-2023 --sweep Seed=0..31 --stack --stack-memory 6G
              grokdsl sweep nanda-2023 --sweep Seed=0..31 --stack --device cuda
              grokdsl sweep experiments/Power2022.cs --launcher slurm -p gpu -t 2:00:00 --dry-run
              grokdsl sweep experiments/Power2022.cs --launcher slurm -p gpu -t 2:00:00 --max-running 8
              grokdsl sweep experiments/Power2022.cs --launcher slurm -p gpu -t 2:00:00 --stack
              grokdsl sweep status experiments/Power2022.cs
            """)
        {
            experiment, id, set, sweep, maxRuns, launcher, runs, plugins, retries, failFast, json,
            partition, time, gpus, cpus, memory, maxRunning, account, warning, grokdsl, dryRun,
            SweepStatusCommand.Create(),
            SweepTaskCommand.Create(),
        };
        foreach (var option in placement.All.Concat(metricsGap.All)) command.Options.Add(option);
        command.SetAction(result =>
        {
            var slurmOnly = new Option[] { partition, time, gpus, cpus, memory, maxRunning, account, warning, grokdsl, dryRun }
                .Where(o => result.GetResult(o) is { Implicit: false })
                .Select(o => o.Name)
                .ToList();
            var useSlurm = result.GetValue(launcher) == "slurm";
            if (!useSlurm && slurmOnly.Count > 0)
            {
                Console.Error.WriteLine($"error: {string.Join(", ", slurmOnly)} only apply to --launcher slurm");
                return ExitCodes.InvalidExperiment;
            }
            // Array tasks run independently and later: there is no "first" failure to stop the others at, nor an outcome to print now.
            if (useSlurm && new[] { failFast, json }.FirstOrDefault(o => result.GetValue(o)) is { } localOnly)
            {
                Console.Error.WriteLine($"error: {localOnly.Name} only applies to --launcher local");
                return ExitCodes.InvalidExperiment;
            }
            // Array tasks given GPUs train on them: that is what the GPUs are for.
            var defaultDevice = useSlurm && result.GetValue(gpus) > 0 ? "cuda" : "cpu";
            if (placement.Parse(result, defaultDevice) is not { } where) return ExitCodes.InvalidExperiment;
            // A stack trains its runs together: there is no run after the failing one to leave out.
            if (where.Stack && result.GetValue(failFast))
            {
                Console.Error.WriteLine("error: --fail-fast does not apply to --stack");
                return ExitCodes.InvalidExperiment;
            }
            if (CommonOptions.ParseMaxRuns(result.GetValue(maxRuns)) is not { } runLimit) return ExitCodes.InvalidExperiment;
            if (metricsGap.Parse(result) is not { } onMetricsGap) return ExitCodes.InvalidExperiment;
            var reference = ExperimentReference.From(result.GetValue(experiment)!, result.GetValue(id), result.GetValue(set) ?? [], result.GetValue(sweep) ?? []);
            if (SweepExperiment.Plan(reference, result.GetValue(runs)!, result.GetValue(plugins) ?? [], where, runLimit, GlobalOptions.Of(result)) is not { } plan)
                return ExitCodes.InvalidExperiment;
            // The local launcher checks with the plugins it trains with; array tasks are checked here, before they are submitted.
            if (useSlurm && (!Preflight.Passes(plan) || !Preflight.ResumesPass(plan, onMetricsGap))) return ExitCodes.InvalidExperiment;
            if (where.Stack && useSlurm)
            {
                if (StackedTasks(plan, result.GetValue(dryRun) ? Console.Error : Console.Out) is not { } stacked) return ExitCodes.InvalidExperiment;
                plan = stacked;
            }

            ISweepLauncher chosen = useSlurm
                ? new SlurmLauncher(
                    new SlurmOptions(result.GetValue(partition), result.GetValue(time), result.GetValue(gpus), result.GetValue(cpus),
                        result.GetValue(memory), result.GetValue(maxRunning), result.GetValue(account), result.GetValue(warning)),
                    GrokDslExecutable.FromOption(result.GetValue(grokdsl)), result.GetValue(retries), new SlurmCommandLine(), result.GetValue(dryRun), Console.Out, Console.Error, onMetricsGap)
                : new LocalLauncher(Console.Out, Console.Error, GlobalOptions.Of(result) == Verbosity.Quiet, new SweepPolicy(result.GetValue(retries), result.GetValue(failFast), onMetricsGap), result.GetValue(json));
            if (GlobalOptions.Of(result) != Verbosity.Quiet) GrokDsl.Cli.Dashboard.DashboardDiscovery.PrintUrl(result.GetValue(runs)!, result.GetValue(json) ? Console.Error : Console.Out);
            // The local launcher records its sweep itself, before training; a submitted one is recorded once it is in the queue.
            var exitCode = chosen.Launch(plan);
            if (useSlurm && !result.GetValue(dryRun) && exitCode == ExitCodes.Ok) RunReports.WriteManifest(plan, "sweep");
            return exitCode;
        });
        return command;
    }

    /// <summary>
    /// The plan with one task per stack, planned here with the --stack-memory budget, else with this machine's memory
    /// (each task plans its own stacks again, within its group and its node's budget); prints the packing, or why it
    /// cannot be planned and null.
    /// </summary>
    static RunPlan? StackedTasks(RunPlan plan, TextWriter log)
    {
        try
        {
            using var plugins = PluginHost.Load(PluginFolders.Default(plan.PluginFolders));
            var (stacked, packing) = plan.WithStackedTasks(plugins, plan.Placement.BudgetOn(SelectedDevice.Cpu));
            foreach (var line in packing.Describe()) log.WriteLine(line);
            return stacked;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Planning builds each distinct dataset and model once: a plugin that is missing or throws ends here.
            Console.Error.WriteLine($"error: {plan.ExperimentId}: cannot pack the runs into stacks: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    /// <summary>Shared by <c>sweep</c> and <c>sweep task</c>, which receives it from the script.</summary>
    public static Option<int> RetriesOption()
    {
        var retries = new Option<int>(SweepTaskInvocation.RetriesOption)
        {
            Description = "How many more times a run that fails (throws) is started, resuming from its checkpoint, before it counts as failed.",
            DefaultValueFactory = _ => SweepPolicy.DefaultRetries,
        };
        retries.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--retries must be 0 or more");
        });
        return retries;
    }
}
